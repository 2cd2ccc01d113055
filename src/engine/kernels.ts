// Op dispatch for the hot loops of backward and the tape: one switch per rule kind, one table rule per case.
//
// Every case reads its rule from the table at call time (so a patched table entry takes effect at once) and
// each call site sees a single function, so V8 inlines the table's own formula there: the op table stays
// the only place the math is written. Other ops (later built-ins, ops registered with defineOp) go through
// the `default` branch: a generic, slower call through the registry's one lookup.

import { opDef } from './opRegistry.js';
import { OPS } from './ops.js';

export const ADD = OPS.add.code;
export const MUL = OPS.mul.code;
const POW = OPS.pow.code;
const TANH = OPS.tanh.code;
const EXP = OPS.exp.code;
const RELU = OPS.relu.code;
const LOG = OPS.log.code;
const SIGMOID = OPS.sigmoid.code;
export { POW };

/**
 * True where the op's table entry says no gradient reaches input a at all (so `0 * g` is not added, and an
 * infinite or NaN upstream gradient stays out). Ops without a `blocks` rule never block.
 */
export function blocksA(o: number, a: number, b: number, out: number, k: number): boolean {
  // relu and pow get their own call sites (the ops that have the rule); others read the table generically.
  const f = o === RELU ? OPS.relu.blocks : o === POW ? OPS.pow.blocks : opDef(o).blocks;
  return f !== undefined && f(a, b, out, k);
}

/** True for ops with two Value inputs. */
export function isBinary(o: number): boolean {
  return opDef(o).arity === 2;
}

/** out = f(a, b) of a binary op. */
export function forward2(o: number, a: number, b: number): number {
  if (o === ADD) return OPS.add.forward(a, b, 0);
  if (o === MUL) return OPS.mul.forward(a, b, 0);
  return opDef(o).forward(a, b, 0);
}

/** ∂out/∂a of a binary op. */
export function da2(o: number, a: number, b: number, out: number): number {
  if (o === ADD) return OPS.add.da(a, b, out, 0);
  if (o === MUL) return OPS.mul.da(a, b, out, 0);
  return opDef(o).da(a, b, out, 0);
}

/** ∂out/∂b of a binary op. */
export function db2(o: number, a: number, b: number, out: number): number {
  if (o === ADD) return OPS.add.db(a, b, out, 0);
  if (o === MUL) return OPS.mul.db(a, b, out, 0);
  const def = opDef(o);
  return def.arity === 2 ? def.db(a, b, out, 0) : 0;
}

/** out = f(a; k) of a unary op (unary ops see b = 0, as in the eager engine). */
export function forward1(o: number, a: number, k: number): number {
  switch (o) {
    case RELU:
      return OPS.relu.forward(a, 0, k);
    case TANH:
      return OPS.tanh.forward(a, 0, k);
    case POW:
      return OPS.pow.forward(a, 0, k);
    case EXP:
      return OPS.exp.forward(a, 0, k);
    case SIGMOID:
      return OPS.sigmoid.forward(a, 0, k);
    case LOG:
      return OPS.log.forward(a, 0, k);
    default:
      return opDef(o).forward(a, 0, k);
  }
}

/** ∂out/∂a of a unary op. */
export function da1(o: number, a: number, out: number, k: number): number {
  switch (o) {
    case RELU:
      return OPS.relu.da(a, 0, out, k);
    case TANH:
      return OPS.tanh.da(a, 0, out, k);
    case POW:
      return OPS.pow.da(a, 0, out, k);
    case EXP:
      return OPS.exp.da(a, 0, out, k);
    case SIGMOID:
      return OPS.sigmoid.da(a, 0, out, k);
    case LOG:
      return OPS.log.da(a, 0, out, k);
    default:
      return opDef(o).da(a, 0, out, k);
  }
}
