// hvp(f, point, v): f's value and the Hessian-vector product H·v, without forming the Hessian.

import type { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValue, checkVector, leavesAt } from './checks.js';
import { gradients, seededGrads } from './gradients.js';

const WHERE = 'hvp(f, point, v)';

/**
 * `[f(point), H·v]` (PyTorch's `torch.autograd.functional.hvp`): the gradient is recorded as a graph
 * (createGraph), then one reverse pass over it seeded with v gives `Σᵢ v[i]·∂gᵢ/∂x_j = (vᵀH)_j = (Hv)_j`
 * (H is symmetric). Two passes, whatever the number of inputs; the n×n Hessian is never built.
 */
export function hvp(f: (xs: Value[]) => Value, point: number[], v: number[]): [number, number[]] {
  checkFunction(f, WHERE);
  const xs = leavesAt(checkPoint(point, 'point', WHERE));
  const seeds = checkVector(v, xs.length, 'v', 'input', WHERE);
  const y = checkReturnsValue(f(xs), WHERE);
  const g = gradients(y, xs, { createGraph: true });
  const gs = seededGrads(g, seeds);
  return [y.data, xs.map((x) => gs.get(x) ?? 0)];
}
