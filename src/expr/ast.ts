// The expression tree the parser produces; columns are 1-based and point into the source text.

import type { UnaryOpName } from '../engine/ops.js';

/** A unary op of the table that the language exposes as a function call (`tanh(x)`). */
export type FunctionName = Exclude<UnaryOpName, 'pow'>;

export type ExprNode =
  | { kind: 'num'; value: number; col: number }
  | { kind: 'var'; name: string; col: number }
  | { kind: 'hole'; index: number; col: number }
  | { kind: 'neg'; arg: ExprNode; col: number }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: ExprNode; right: ExprNode; col: number }
  | { kind: 'pow'; base: ExprNode; exponent: ExprNode; col: number }
  | { kind: 'call'; fn: FunctionName; arg: ExprNode; col: number };
