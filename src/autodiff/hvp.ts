// hvp(f, point, v): f's value and the Hessian-vector product H·v, without forming the Hessian.

import type { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValue, checkVector, leavesAt } from './checks.js';
import { gradients } from './gradients.js';
import { forwardTangents } from './jvp.js';

const WHERE = 'hvp(f, point, v)';

/**
 * `[f(point), H·v]` (PyTorch's `torch.autograd.functional.hvp`), forward over reverse: the gradient g is
 * recorded as a graph (createGraph), then v's tangents are pushed forward through it, giving
 * `(Hv)_i = Σ_j ∂g_i/∂x_j · v[j]`. Two passes, whatever the number of inputs; the n×n Hessian is never
 * built. (Where f is not smooth, H need not be symmetric — PyTorch's blocked pow(a, 0) — and this is Hv,
 * not vᵀH, as PyTorch's hvp is.)
 *
 * @param f - A function of leaves (one per coordinate of `point`) returning a Value.
 * @param point - Where to differentiate.
 * @param v - The vector, one number per input.
 * @returns `[f(point), H·v]`.
 * @throws TypeError when `f` is not a function or does not return a Value, or `point` or `v` is not an
 * array of numbers; RangeError when `v` does not have one entry per input; NoValueDerivativeError when `f`
 * uses a `defineOp` op defined without `valueDerivative`.
 */
export function hvp(f: (xs: Value[]) => Value, point: number[], v: number[]): [number, number[]] {
  checkFunction(f, WHERE);
  const xs = leavesAt(checkPoint(point, 'point', WHERE));
  const seeds = checkVector(v, xs.length, 'v', 'input', WHERE);
  const y = checkReturnsValue(f(xs), WHERE);
  const g = gradients(y, xs, { createGraph: true });
  const dot = forwardTangents(g, new Map(xs.map((x, i) => [x, seeds[i]!])));
  return [y.data, g.map((gi) => dot.get(gi) ?? 0)];
}
