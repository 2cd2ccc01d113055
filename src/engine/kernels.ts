// Op dispatch for the hot loops of backward and the tape: one switch per rule kind, each case calling one fixed table function.
//
// Every case's call site sees a single function, so V8 inlines the table's own formula there; the op table
// stays the only place the math is written. An op added to the table later still works through the
// `default` branch (a generic, slower call) until it gets its own case.

import { OPS, OPS_BY_CODE } from './ops.js';

/** An op's optional "no gradient reaches the input here" rule (read structurally: older tables lack it). */
type Blocks = ((a: number, b: number, out: number, k: number) => boolean) | undefined;
const blocksOf = (def: unknown): Blocks => (def as { blocks?: Blocks }).blocks;

export const ADD = OPS.add.code;
export const MUL = OPS.mul.code;
const POW = OPS.pow.code;
const TANH = OPS.tanh.code;
const EXP = OPS.exp.code;
const RELU = OPS.relu.code;
const LOG = OPS.log.code;
const SIGMOID = OPS.sigmoid.code;
export { POW };

const addF = OPS.add.forward;
const addDa = OPS.add.da;
const addDb = OPS.add.db;
const mulF = OPS.mul.forward;
const mulDa = OPS.mul.da;
const mulDb = OPS.mul.db;
const powF = OPS.pow.forward;
const powDa = OPS.pow.da;
const tanhF = OPS.tanh.forward;
const tanhDa = OPS.tanh.da;
const expF = OPS.exp.forward;
const expDa = OPS.exp.da;
const reluF = OPS.relu.forward;
const reluDa = OPS.relu.da;
const logF = OPS.log.forward;
const logDa = OPS.log.da;
const sigmoidF = OPS.sigmoid.forward;
const sigmoidDa = OPS.sigmoid.da;
const reluBlocks = blocksOf(OPS.relu);
const powBlocks = blocksOf(OPS.pow);
const BLOCKS: readonly Blocks[] = OPS_BY_CODE.map(blocksOf);

/**
 * True where the op's table entry says no gradient reaches input a at all (so `0 * g` is not added, and an
 * infinite or NaN upstream gradient stays out). Ops without a `blocks` rule never block.
 */
export function blocksA(o: number, a: number, b: number, out: number, k: number): boolean {
  if (o === ADD || o === MUL) {
    const f = BLOCKS[o];
    return f !== undefined && f(a, b, out, k);
  }
  if (o === RELU) return reluBlocks !== undefined && reluBlocks(a, b, out, k);
  if (o === POW) return powBlocks !== undefined && powBlocks(a, b, out, k);
  const f = BLOCKS[o];
  return f !== undefined && f(a, b, out, k);
}

/** True for ops with two Value inputs. */
export function isBinary(o: number): boolean {
  return OPS_BY_CODE[o]!.arity === 2;
}

/** out = f(a, b) of a binary op. */
export function forward2(o: number, a: number, b: number): number {
  if (o === ADD) return addF(a, b, 0);
  if (o === MUL) return mulF(a, b, 0);
  return OPS_BY_CODE[o]!.forward(a, b, 0);
}

/** ∂out/∂a of a binary op. */
export function da2(o: number, a: number, b: number, out: number): number {
  if (o === ADD) return addDa(a, b, out, 0);
  if (o === MUL) return mulDa(a, b, out, 0);
  return OPS_BY_CODE[o]!.da(a, b, out, 0);
}

/** ∂out/∂b of a binary op. */
export function db2(o: number, a: number, b: number, out: number): number {
  if (o === ADD) return addDb(a, b, out, 0);
  if (o === MUL) return mulDb(a, b, out, 0);
  const def = OPS_BY_CODE[o]!;
  return def.arity === 2 ? def.db(a, b, out, 0) : 0;
}

/** out = f(a; k) of a unary op (unary ops see b = 0, as in the eager engine). */
export function forward1(o: number, a: number, k: number): number {
  switch (o) {
    case RELU:
      return reluF(a, 0, k);
    case TANH:
      return tanhF(a, 0, k);
    case POW:
      return powF(a, 0, k);
    case EXP:
      return expF(a, 0, k);
    case SIGMOID:
      return sigmoidF(a, 0, k);
    case LOG:
      return logF(a, 0, k);
    default:
      return OPS_BY_CODE[o]!.forward(a, 0, k);
  }
}

/** ∂out/∂a of a unary op. */
export function da1(o: number, a: number, out: number, k: number): number {
  switch (o) {
    case RELU:
      return reluDa(a, 0, out, k);
    case TANH:
      return tanhDa(a, 0, out, k);
    case POW:
      return powDa(a, 0, out, k);
    case EXP:
      return expDa(a, 0, out, k);
    case SIGMOID:
      return sigmoidDa(a, 0, out, k);
    case LOG:
      return logDa(a, 0, out, k);
    default:
      return OPS_BY_CODE[o]!.da(a, 0, out, k);
  }
}
