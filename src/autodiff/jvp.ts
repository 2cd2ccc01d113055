// jvp(f, point, tangent): the value and directional derivative by forward mode, tangents pushed node by node.

import { opDef } from '../engine/opRegistry.js';
import type { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValue, leavesAt } from './checks.js';
import { jointOrder } from './gradients.js';

const WHERE = 'jvp(f, point, tangent)';

/**
 * `[f(point), ∇f(point) · tangent]` (PyTorch's `torch.autograd.functional.jvp`, JAX's `jvp`), by forward
 * mode: f is recorded once, then each node's tangent is computed from its inputs' tangents in topological
 * order, `ṫ = ∂out/∂a · ȧ + ∂out/∂b · ḃ`, with the table's numeric rules. No reverse pass is run. Where the
 * table's `blocks` rule holds, the input's term is 0 whatever its tangent (PyTorch selects there).
 *
 * @param f - A function of leaves (one per coordinate of `point`) returning a Value.
 * @param point - Where to differentiate.
 * @param tangent - The direction, one number per input.
 * @returns `[f(point), the directional derivative]`.
 * @throws TypeError when `f` is not a function or does not return a Value, or `point` or `tangent` is not an
 * array of numbers.
 * @throws RangeError when `tangent` and `point` differ in length.
 */
export function jvp(f: (xs: Value[]) => Value, point: number[], tangent: number[]): [number, number] {
  checkFunction(f, WHERE);
  checkPoint(point, 'point', WHERE);
  checkPoint(tangent, 'tangent', WHERE);
  if (tangent.length !== point.length) {
    throw new RangeError(
      `${WHERE}: expected tangent to have the length of point (${point.length}), got length ${tangent.length}`,
    );
  }
  const xs = leavesAt(point);
  const y = checkReturnsValue(f(xs), WHERE);
  const dot = forwardTangents([y], new Map(xs.map((x, i) => [x, tangent[i]!])));
  return [y.data, dot.get(y) ?? 0];
}

/**
 * Every node's tangent below `outputs`, pushed forward from the `seeds` leaves' tangents (forward mode).
 * A node no seeded leaf reaches has none (undefined): a constant.
 */
export function forwardTangents(
  outputs: readonly Value[],
  seeds: ReadonlyMap<Value, number>,
): Map<Value, number> {
  const dot = new Map(seeds);
  for (const v of jointOrder(outputs)) {
    if (v._op < 0) continue; // a leaf: an input's tangent, or a constant's (none)
    const def = opDef(v._op);
    const a = v._a!;
    const b = v._b;
    const bd = b === null ? 0 : b.data;
    // A constant has no tangent and adds no term, as in PyTorch's forward AD (an undefined tangent is
    // skipped, not taken as 0: ∞ · 0 would be NaN where the input does not vary at all).
    const ta = dot.get(a);
    const tb = b === null ? undefined : dot.get(b);
    if (ta === undefined && tb === undefined) continue;
    let t = 0;
    if (ta !== undefined && def.blocks?.(a.data, bd, v.data, v._k) !== true) {
      t = def.da(a.data, bd, v.data, v._k) * ta;
    }
    if (tb !== undefined && def.arity === 2) t += def.db(a.data, bd, v.data, v._k) * tb;
    dot.set(v, t);
  }
  return dot;
}
