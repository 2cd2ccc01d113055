// nodeNames: the name every node goes by in a written-out pass — its label, else a generated `t<i>`.

import type { Value } from '../engine/value.js';

/** How a node is named in formulas: `name(v, i)` where i is its position in topological order. */
export type NameNode = (v: Value, index: number) => string;

/** The default: the node's label, else `t` and its position in topological order (`t3`). */
export const defaultName: NameNode = (v, i) => (v.label !== '' ? v.label : `t${i}`);

const SIMPLE = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A name as a term of a formula: in parentheses unless it is a single identifier (`(x1*w1)`, `nn`). */
export const wrapName = (s: string): string => (SIMPLE.test(s) ? s : `(${s})`);

/** `∂o/∂nn`, with names that are not single identifiers in parentheses: `∂(x1*w1)/∂x1`. */
export function partial(of: string, by: string): string {
  return `∂${wrapName(of)}/∂${wrapName(by)}`;
}
