// The expression tree the parser produces; columns are 1-based and point into the source text.

import type { UnaryOpName } from '../engine/ops.js';

/**
 * A one-input op the language exposes as a function call (`tanh(x)`): the table's (every unary op but pow),
 * or one defined with defineOp.
 */
export type FunctionName = Exclude<UnaryOpName, 'pow'> | (string & {});

/** Where a node's text sits: 1-based column of its first character, and the column just past its last. */
export interface Span {
  /** 1-based column of the node's first character. */
  start: number;
  /** 1-based column just past its last character (`end − start` is its length). */
  end: number;
}

/** The binary operators, each mapped to a Value method when built (`+` add, `-` sub, `*` mul, `/` div). */
export type BinaryOperator = '+' | '-' | '*' | '/';

/**
 * A node of the parsed tree (`Expression.tree`), told apart by `kind`: a number, a variable, a template
 * hole (`expr`), a negation, a binary operator, a power (`**`) or a function call. Each carries its
 * `Span` in the source and `col`, the 1-based column of its operator or first character.
 */
export type ExprNode = Span &
  (
    | { kind: 'num'; value: number; col: number }
    | { kind: 'var'; name: string; col: number }
    | { kind: 'hole'; index: number; col: number }
    | { kind: 'neg'; arg: ExprNode; col: number }
    | { kind: 'bin'; op: BinaryOperator; left: ExprNode; right: ExprNode; col: number }
    | { kind: 'pow'; base: ExprNode; exponent: ExprNode; col: number }
    | { kind: 'call'; fn: FunctionName; arg: ExprNode; col: number }
  );
