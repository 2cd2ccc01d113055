// hessian(f, point): the matrix of second derivatives, by differentiating a recorded gradient again.

import type { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValue, leavesAt } from './checks.js';
import { gradients } from './gradients.js';

/**
 * H[i][j] = ∂²f/∂x_i∂x_j at `point` (PyTorch's `torch.autograd.functional.hessian`): the gradient is
 * recorded as a graph (createGraph), then each of its entries is differentiated.
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
