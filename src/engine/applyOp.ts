// applyOp: record any op, built-in or registered, by its code: what a Value method or a defineOp op records.

import { opDef } from './opRegistry.js';
import { node, type Value } from './value.js';

/**
 * The node `op(a, b; k)` as the op's own method records it (`a.tanh()`, `a.pow(k)`, `softplus(a)`): its
 * forward rule from the one lookup. `b` is the second input of a two-input op, else null.
 */
export function applyOp(code: number, a: Value, b: Value | null, k: number): Value {
  return node(opDef(code).forward(a.data, b === null ? 0 : b.data, k), code, a, b, k);
}
