// The walkthrough's rough-work examples: division, a node used twice, the d*e graph, and 2 * a.

import { Value } from '../engine/value.js';

/** `a / b` with a = 2, b = 4: prints Value(data=0.5). */
export function divisionExample(): Value {
  const a = new Value(2.0);
  const b = new Value(4.0);
  return a.div(b);
}

/** `b = a + a` then backward: a is used twice, so a.grad must be 2 (both contributions). */
export function reuseExample(): { a: Value; b: Value } {
  const a = new Value(3.0, { label: 'a' });
  const b = a.add(a);
  b.label = 'b';
  b.backward();
  return { a, b };
}

/** `f = (a*b) * (a+b)` with a = -2, b = 3, then backward: a and b each feed two branches. */
export function productOfSumExample(): { a: Value; b: Value; d: Value; e: Value; f: Value } {
  const a = new Value(-2.0, { label: 'a' });
  const b = new Value(3.0, { label: 'b' });
  const d = a.mul(b);
  d.label = 'd';
  const e = a.add(b);
  e.label = 'e';
  const f = d.mul(e);
  f.label = 'f';
  f.backward();
  return { a, b, d, e, f };
}

/** `2 * a` with a = 2: prints Value(data=4.0). */
export function scaleExample(): Value {
  const a = new Value(2.0);
  return a.mul(2);
}
