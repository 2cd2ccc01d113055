// The moons demo on the closure port: the library's MLP and lossGraph rewritten over ClosureValue.
import { ClosureValue } from './ClosureValue.js';

const sum = (xs: readonly ClosureValue[]): ClosureValue => {
  let acc = new ClosureValue(0); // Python's sum() starts from 0, as src/nn's sum does
  for (const x of xs) acc = acc.add(x);
  return acc;
};

/** A ReLU MLP with a linear last layer from `weights[l][j] = [b, w0, w1, …]`, and its loss as lossGraph builds it. */
export class ClosureDemo {
  readonly layers: ClosureValue[][][];
  readonly params: ClosureValue[];

  constructor(weights: readonly (readonly (readonly number[])[])[]) {
    this.layers = weights.map((l) => l.map((n) => n.map((v) => new ClosureValue(v))));
    // The library's order: per neuron its weights, then its bias.
    this.params = this.layers.flatMap((l) => l.flatMap(([b, ...w]) => [...w, b!]));
  }

  forward(x: readonly number[]): ClosureValue {
    let h: readonly (ClosureValue | number)[] = x;
    const last = this.layers.length - 1;
    this.layers.forEach((layer, l) => {
      h = layer.map(([b, ...w]) => {
        let act = b!;
        for (let i = 0; i < w.length; i++) act = act.add(w[i]!.mul(h[i]!));
        return l === last ? act : act.relu();
      });
    });
    return h[0] as ClosureValue;
  }

  /** max-margin over the batch (targets -1/+1) + alpha·Σp², in lossGraph's order. */
  loss(X: readonly (readonly number[])[], y: readonly number[], alpha: number): ClosureValue {
    const margins = X.map((x, i) => this.forward(x).mul(-y[i]!).add(1).relu());
    const dataLoss = sum(margins).mul(1 / margins.length);
    return dataLoss.add(sum(this.params.map((p) => p.mul(p))).mul(alpha));
  }

  /** One SGD step of the demo: rebuild, zero, backward, update. Returns the loss before the update. */
  step(X: readonly (readonly number[])[], y: readonly number[], alpha: number, lr: number): number {
    const loss = this.loss(X, y, alpha);
    for (const p of this.params) p.grad = 0;
    loss.backward();
    for (const p of this.params) p.data = p.data + -lr * p.grad;
    return loss.data;
  }
}
