// vjp(f, point, v): f's outputs and vᵀ·J by one reverse pass, as torch.autograd.functional.vjp.

import type { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValues, checkVector, leavesAt } from './checks.js';
import { seededGrads } from './gradients.js';

const WHERE = 'vjp(f, point, v)';

/**
 * `[outputs, vᵀJ]` for `f: (xs) => Value[]` at `point` (PyTorch's `torch.autograd.functional.vjp`): one
 * backward pass seeded with v's entries at f's outputs, so `vjp[j] = Σᵢ v[i]·∂outputs[i]/∂x_j` without the
 * Jacobian. `v` has one number per output (f may return a single Value: then `v` is `[number]`).
 *
 * @param f - A function of leaves (one per coordinate of `point`) returning a Value or an array of Values.
 * @param point - Where to differentiate.
 * @param v - One weight per output.
 * @returns `[the outputs' values, vᵀJ with one entry per input]`.
 * @throws TypeError when `f` is not a function or does not return a Value or a non-empty array of Values,
 * or `point` or `v` is not an array of numbers; RangeError when `v` does not have one entry per output.
 */
export function vjp(f: (xs: Value[]) => Value[] | Value, point: number[], v: number[]): [number[], number[]] {
  checkFunction(f, WHERE);
  const xs = leavesAt(checkPoint(point, 'point', WHERE));
  const { outputs } = checkReturnsValues(f(xs), WHERE);
  const seeds = checkVector(v, outputs.length, 'v', "f's output", WHERE);
  const gs = seededGrads(outputs, seeds);
  return [outputs.map((y) => y.data), xs.map((x) => gs.get(x) ?? 0)];
}
