// hessian(f, point): the matrix of second derivatives, by differentiating a recorded gradient again.

import type { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValue, leavesAt } from './checks.js';
import { gradients } from './gradients.js';

/**
 * H[i][j] = ∂²f/∂x_i∂x_j at `point` (PyTorch's `torch.autograd.functional.hessian`): the gradient is
 * recorded as a graph (createGraph), then each of its entries is differentiated.
 *
 * @param f - A function of leaves (one per coordinate of `point`) returning a Value.
 * @param point - Where to differentiate.
 * @returns The n×n matrix of second derivatives, row by row.
 * @throws TypeError when `f` is not a function or does not return a Value, or `point` is not an array of
 * numbers; NoValueDerivativeError when `f` uses a `defineOp` op defined without `valueDerivative`.
 * @example x·y + x**2 at (1, 2)
 * ```ts
 * import { Value, hessian } from 'micrograd-ts';
 *
 * const f = ([x, y]: Value[]) => x!.mul(y!).add(x!.pow(2));
 * const h = hessian(f, [1, 2]);
 * console.log(JSON.stringify(h)); // → [[2,1],[1,0]]
 * ```
 */
export function hessian(f: (xs: Value[]) => Value, point: number[]): number[][] {
  checkFunction(f, 'hessian(f, point)');
  return hessianAt(f, point, 'hessian(f, point)');
}

/** hessian's work, with errors naming `where` (the function the caller called). */
export function hessianAt(f: (xs: Value[]) => Value, point: unknown, where: string): number[][] {
  const xs = leavesAt(checkPoint(point, 'point', where));
  const y = checkReturnsValue(f(xs), where);
  const g = gradients(y, xs, { createGraph: true });
  return g.map((gi) => gradients(gi, xs).map((h) => h.data));
}
