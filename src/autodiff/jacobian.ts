// jacobian(f, point): ∂outputs[i]/∂x_j, one reverse pass per output, as torch.autograd.functional.jacobian.

import type { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValues, leavesAt } from './checks.js';
import { seededGrads } from './gradients.js';

const WHERE = 'jacobian(f, point)';

/**
 * The Jacobian of `f` at `point` (PyTorch's `torch.autograd.functional.jacobian`): one row per output,
 * `J[i][j] = ∂outputs[i]/∂x_j`, each row one backward pass from that output. When f returns a single Value
 * the answer is its gradient, `number[]`.
 */
export function jacobian(f: (xs: Value[]) => Value, point: number[]): number[];
export function jacobian(f: (xs: Value[]) => Value[], point: number[]): number[][];
export function jacobian(f: (xs: Value[]) => Value[] | Value, point: number[]): number[][] | number[];
export function jacobian(f: (xs: Value[]) => Value[] | Value, point: number[]): number[][] | number[] {
  checkFunction(f, WHERE);
  const xs = leavesAt(checkPoint(point, 'point', WHERE));
  const { outputs, single } = checkReturnsValues(f(xs), WHERE);
  const rows = outputs.map((y) => {
    const gs = seededGrads([y], [1]);
    return xs.map((x) => gs.get(x) ?? 0);
  });
  return single ? rows[0]! : rows;
}
