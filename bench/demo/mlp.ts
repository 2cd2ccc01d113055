// A micrograd-shaped MLP over any scalar type with Value's method names (the engine, or the closure port).
//
// Bench-local stand-in for src/nn: neuron = b + w0*x0 + w1*x1 + ..., ReLU hidden layers, linear last layer.
import { Rng } from '../../src/data/Rng.js';

/** The slice of the Value API the demo needs. */
export interface Scalar<T> {
  data: number;
  grad: number;
  add(other: T | number): T;
  mul(other: T | number): T;
  relu(): T;
}

export interface ScalarMaker<T extends Scalar<T>> {
  (data: number): T;
}

export class BenchMlp<T extends Scalar<T>> {
  /** layers[l][j] = [b, w0, w1, ...] of neuron j in layer l. */
  readonly layers: T[][][];

  constructor(make: ScalarMaker<T>, nin: number, nouts: number[], seed: number) {
    const rng = new Rng(seed);
    const sizes = [nin, ...nouts];
    this.layers = nouts.map((nout, l) =>
      Array.from({ length: nout }, () => {
        const w = Array.from({ length: sizes[l]! }, () => make(rng.uniform(-1, 1)));
        return [make(0), ...w];
      }),
    );
  }

  /** Parameters in micrograd's order: per neuron its weights then its bias. */
  parameters(): T[] {
    const out: T[] = [];
    for (const layer of this.layers) for (const [b, ...w] of layer) out.push(...w, b!);
    return out;
  }

  call(x: T[]): T {
    let h = x;
    const last = this.layers.length - 1;
    this.layers.forEach((layer, l) => {
      h = layer.map((p) => {
        let act = p[0]!;
        for (let i = 1; i < p.length; i++) act = act.add(p[i]!.mul(h[i - 1]!));
        return l === last ? act : act.relu();
      });
    });
    return h[0]!;
  }
}
