// parseTokens: a recursive-descent parser with Python's precedence for + - * / ** and unary minus.
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('**' unary)?          -- right-associative; binds tighter than a unary minus
//   primary := number | hole | name | name '(' sum ')' | '(' sum ')'
//
// So `-x**2` is `-(x**2)`, `2**-1` is allowed and `x**2**3` is `x**(2**3)`, as in Python.

import { OP_NAMES, OPS } from '../engine/ops.js';
import type { BinaryOp, ExprNode, FunctionName } from './ast.js';
import { ExprSyntaxError } from './ExprSyntaxError.js';
import type { Token } from './tokenize.js';

/** The op table's unary functions callable from the language (every unary op except pow). */
export const FUNCTION_NAMES: readonly FunctionName[] = OP_NAMES.filter(
  (name): name is FunctionName => OPS[name].arity === 1 && name !== 'pow',
);

const isFunction = (name: string): name is FunctionName =>
  (FUNCTION_NAMES as readonly string[]).includes(name);

// Deeply nested input (`((((…))))`) would otherwise overflow the call stack with a RangeError.
const MAX_DEPTH = 500;

/** Parse a whole token list (ending in an `end` token) into one expression tree. */
export function parseTokens(tokens: readonly Token[]): ExprNode {
  let pos = 0;
  let depth = 0;
  let lastEnd = 1; // column just past the last token consumed
  const peek = (): Token => tokens[pos]!;
  const next = (): Token => {
    const t = tokens[pos++]!;
    lastEnd = t.col + t.text.length;
    return t;
  };
  const isOp = (text: string): boolean => {
    const t = peek();
    return t.kind === 'op' && t.text === text;
  };
  const describeToken = (t: Token): string => (t.kind === 'end' ? 'end of input' : `'${t.text}'`);
  const fail = (expected: string): never => {
    const t = peek();
    throw new ExprSyntaxError(`expected ${expected}`, t.col, `, found ${describeToken(t)}`);
  };

  // One precedence level of left-associative binary operators.
  function leftAssociative(ops: readonly BinaryOp[], operand: () => ExprNode): ExprNode {
    const start = peek().col; // includes an opening parenthesis, which left.start does not
    let left = operand();
    while (ops.some(isOp)) {
      const t = next();
      const right = operand();
      left = { kind: 'bin', op: t.text as BinaryOp, left, right, col: t.col, start, end: lastEnd };
    }
    return left;
  }

  function sum(): ExprNode {
    if (++depth > MAX_DEPTH) {
      throw new ExprSyntaxError(`expression nested deeper than ${MAX_DEPTH} levels`, peek().col);
    }
    const tree = leftAssociative(['+', '-'], product);
    depth--;
    return tree;
  }

  function product(): ExprNode {
    return leftAssociative(['*', '/'], unary);
  }

  function unary(): ExprNode {
    if (isOp('-') || isOp('+')) {
      const t = next();
      if (++depth > MAX_DEPTH)
        throw new ExprSyntaxError(`expression nested deeper than ${MAX_DEPTH} levels`, t.col);
      const arg = unary();
      depth--;
      return t.text === '-' ? { kind: 'neg', arg, col: t.col, start: t.col, end: lastEnd } : arg;
    }
    return power();
  }

  function power(): ExprNode {
    const start = peek().col;
    const base = primary();
    if (!isOp('**')) return base;
    const t = next();
    const expStart = peek();
    const exponent = unary();
    const variable = firstVariable(exponent);
    if (variable !== undefined) {
      throw new ExprSyntaxError(
        `the exponent of '**' must be a number, not the variable '${variable.name}'`,
        expStart.col,
        ' (exponents are constants)',
      );
    }
    return { kind: 'pow', base, exponent, col: t.col, start, end: lastEnd };
  }

  function primary(): ExprNode {
    const t = peek();
    if (t.kind === 'num') {
      next();
      return { kind: 'num', value: t.value, col: t.col, start: t.col, end: lastEnd };
    }
    if (t.kind === 'hole') {
      next();
      return { kind: 'hole', index: t.index, col: t.col, start: t.col, end: lastEnd };
    }
    if (t.kind === 'name') {
      next();
      if (!isOp('(')) return { kind: 'var', name: t.text, col: t.col, start: t.col, end: lastEnd };
      if (!isFunction(t.text)) {
        throw new ExprSyntaxError(
          `unknown function '${t.text}'`,
          t.col,
          ` (known: ${FUNCTION_NAMES.join(', ')})`,
        );
      }
      next();
      const arg = sum();
      if (!isOp(')')) fail(`')' to close '${t.text}('`);
      next();
      return { kind: 'call', fn: t.text, arg, col: t.col, start: t.col, end: lastEnd };
    }
    if (isOp('(')) {
      next();
      const inner = sum();
      if (!isOp(')')) fail("')'");
      next();
      return inner;
    }
    return fail("a number, a variable, a function call or '('");
  }

  const tree = sum();
  if (peek().kind !== 'end') fail('an operator or end of input');
  return tree;
}

/** The first variable in a tree, left to right, if any. */
export function firstVariable(node: ExprNode): { name: string; col: number } | undefined {
  switch (node.kind) {
    case 'var':
      return node;
    case 'num':
    case 'hole':
      return undefined;
    case 'neg':
    case 'call':
      return firstVariable(node.arg);
    case 'pow':
      return firstVariable(node.base) ?? firstVariable(node.exponent);
    case 'bin':
      return firstVariable(node.left) ?? firstVariable(node.right);
  }
}
