// One step of micrograd's demo training loop, for any scalar type: rebuild, zero, backward, SGD.
import type { BenchMlp, Scalar, ScalarMaker } from './mlp.js';
import { demoLoss } from './demoLoss.js';

/** micrograd's learning-rate schedule: 1.0 down to 0.1 over 100 steps (repeats past 100). */
export function learningRate(k: number): number {
  return 1.0 - (0.9 * (k % 100)) / 100;
}

export function sgd<T extends Scalar<T>>(params: readonly T[], k: number): void {
  const lr = learningRate(k);
  for (const p of params) p.data -= lr * p.grad;
}

/** The eager way: the graph is rebuilt every step, as micrograd users write it. */
export function eagerStep<T extends Scalar<T> & { backward(): void }>(
  make: ScalarMaker<T>,
  model: BenchMlp<T>,
  params: readonly T[],
  X: number[][],
  y: number[],
  k: number,
): number {
  const { loss } = demoLoss(make, model, X, y);
  for (const p of params) p.grad = 0;
  loss.backward();
  sgd(params, k);
  return loss.data;
}
