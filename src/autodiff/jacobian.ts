// jacobian(f, point): ∂outputs[i]/∂x_j, one reverse pass per output, as torch.autograd.functional.jacobian.

import type { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValues, leavesAt } from './checks.js';
import { seededGrads } from './gradients.js';

const WHERE = 'jacobian(f, point)';

/**
 * The Jacobian of `f` at `point` (PyTorch's `torch.autograd.functional.jacobian`): one row per output,
 * `J[i][j] = ∂outputs[i]/∂x_j`, each row one backward pass from that output. When f returns a single Value
 * the answer is its gradient, `number[]`.
 *
 * @param f - A function of leaves (one per coordinate of `point`) returning a Value or an array of Values.
 * @param point - Where to differentiate.
 * @returns `J` row by row, or the gradient when `f` returns a single Value.
 * @throws TypeError when `f` is not a function or does not return a Value or a non-empty array of Values,
 * or `point` is not an array of numbers.
 * @example x·y and x + y at (1, 2)
 * ```ts
 * import { Value, jacobian } from 'micrograd-ts';
 *
 * const f = ([x, y]: Value[]) => [x!.mul(y!), x!.add(y!)];
 * const J = jacobian(f, [1, 2]);
 * console.log(JSON.stringify(J)); // → [[2,1],[1,1]]
 * ```
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
