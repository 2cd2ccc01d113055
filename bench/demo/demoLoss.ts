// micrograd's demo loss: SVM max-margin over the batch + 1e-4·Σp², and accuracy.
import type { BenchMlp, Scalar, ScalarMaker } from './mlp.js';

export interface DemoLoss<T> {
  loss: T;
  accuracy: number;
}

/** As micrograd's demo.ipynb `loss()`: inputs wrapped as scalars each call, full batch. */
export function demoLoss<T extends Scalar<T>>(
  make: ScalarMaker<T>,
  model: BenchMlp<T>,
  X: number[][],
  y: number[],
): DemoLoss<T> {
  const scores = X.map((row) => model.call(row.map((v) => make(v))));
  // (1 + -yi*scorei).relu(): Python evaluates it as scorei*(-yi) + 1.
  const losses = scores.map((s, i) => s.mul(-y[i]!).add(1).relu());
  let sum = losses[0]!.add(0); // Python's sum() starts from 0
  for (let i = 1; i < losses.length; i++) sum = sum.add(losses[i]!);
  const dataLoss = sum.mul(1.0 / losses.length);
  const params = model.parameters();
  let reg = params[0]!.mul(params[0]!).add(0);
  for (let i = 1; i < params.length; i++) reg = reg.add(params[i]!.mul(params[i]!));
  const loss = dataLoss.add(reg.mul(1e-4));
  let correct = 0;
  scores.forEach((s, i) => {
    if (y[i]! > 0 === s.data > 0) correct++;
  });
  return { loss, accuracy: correct / y.length };
}
