// opRegistry: the built-in op table and the ops users define (defineOp), behind one lookup by code or name.
//
// The built-in table (ops.ts) stays a closed, typed record. A registered op has the same shape (an OpDef:
// forward, numeric derivatives, display) plus what the table's side records hold for built-ins (a Value-form
// rule, a formula), and gets the next op code after the built-ins. Every consumer (kernels, backward, the
// tape, gradients, jvp, the stepper, pictures, the expression language) asks here, never OPS_BY_CODE directly.

import { OP_NAMES, OPS_BY_CODE, type OpDef } from './ops.js';
import type { Value } from './value.js';

/** A local derivative as a Value over the node's inputs, its output and its constant (see autodiff/valueRules). */
export type ValueGrad = (a: Value, b: Value | null, out: Value, k: number) => Value | 1;

/** What a registered op brings beyond its OpDef: the records the built-ins keep beside the table. */
export interface RegisteredOp {
  readonly name: string;
  readonly code: number;
  readonly def: OpDef;
  /** Value-form derivatives (for second order); absent when the op was defined without them. */
  readonly valueRule?: { readonly da: ValueGrad; readonly db?: ValueGrad };
  /** The derivatives as formula text over `a`, `b`, `out` (the stepper writes them out). */
  readonly formula: { readonly da: string; readonly db?: string };
}

/** Codes of the built-in ops: 0 … BUILTIN_OP_COUNT − 1. */
export const BUILTIN_OP_COUNT = OP_NAMES.length;
/** The tape stores op codes in a byte and keeps 253–255 for its own slots. */
export const MAX_OP_CODE = 252;

const registered: RegisteredOp[] = [];
const byName = new Map<string, number>(OP_NAMES.map((name, code) => [name, code]));

/** The op with this code, built-in or registered (undefined for an unknown code). */
export function opDef(code: number): OpDef {
  return code < BUILTIN_OP_COUNT ? OPS_BY_CODE[code]! : registered[code - BUILTIN_OP_COUNT]!.def;
}

/** The registered op with this code, or undefined for a built-in. */
export function registeredOp(code: number): RegisteredOp | undefined {
  return code < BUILTIN_OP_COUNT ? undefined : registered[code - BUILTIN_OP_COUNT];
}

/** An op's name (`add`, `tanh`, a registered op's own name). */
export function opNameOf(code: number): string {
  return code < BUILTIN_OP_COUNT ? OP_NAMES[code]! : registered[code - BUILTIN_OP_COUNT]!.name;
}

/** The code of the op with this name, built-in or registered; -1 when there is none. */
export function opCodeOf(name: string): number {
  return byName.get(name) ?? -1;
}

/** The op with this name, built-in or registered; a RangeError naming it when there is none. */
export function opDefNamed(name: string): OpDef {
  const code = opCodeOf(name);
  if (code < 0)
    throw new RangeError(`unknown op ${JSON.stringify(name)} (not built in, not defined with defineOp)`);
  return opDef(code);
}

/** Add an op after the built-ins; the caller (defineOp) has checked the definition and the name. */
export function registerOp(make: (code: number) => Omit<RegisteredOp, 'code'>): RegisteredOp {
  const code = BUILTIN_OP_COUNT + registered.length;
  if (code > MAX_OP_CODE) {
    throw new RangeError(
      `defineOp: at most ${MAX_OP_CODE + 1 - BUILTIN_OP_COUNT} ops can be defined (op codes are bytes)`,
    );
  }
  const op: RegisteredOp = { ...make(code), code };
  registered.push(op);
  byName.set(op.name, code);
  return op;
}

/** Every registered op's name, in code order. */
export function registeredOpNames(): string[] {
  return registered.map((op) => op.name);
}
