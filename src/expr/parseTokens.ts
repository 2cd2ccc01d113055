// parseTokens: a recursive-descent parser with Python's precedence for + - * / ** and unary minus.
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('**' unary)?          -- right-associative; binds tighter than a unary minus;
//                                                 an exponent with a variable is a Value exponent
//   primary := number | hole | name | name '(' sum ')' | '(' sum ')'
//
// So `-x**2` is `-(x**2)`, `2**-1` is allowed and `x**2**3` is `x**(2**3)`, as in Python.

import { opCodeOf, opDef, registeredOpNames } from '../engine/opRegistry.js';
import { OP_NAMES, OPS, type UnaryOpName } from '../engine/ops.js';
import type { BinaryOperator, ExprNode, FunctionName } from './ast.js';
import { ExprSyntaxError } from './ExprSyntaxError.js';
import type { Token } from './tokenize.js';

/** The op table's unary functions callable from the language (every unary op except pow). */
export const FUNCTION_NAMES: readonly Exclude<UnaryOpName, 'pow'>[] = OP_NAMES.filter(
  (name): name is Exclude<UnaryOpName, 'pow'> => OPS[name].arity === 1 && name !== 'pow',
);

/** A one-input op by this name, built-in or defined with defineOp (looked up when the text is parsed). */
const isFunction = (name: string): name is FunctionName => {
  const code = opCodeOf(name);
  return code >= 0 && name !== 'pow' && opDef(code).arity === 1;
};

/** Every function name the language knows now: the table's, then defineOp's one-input ops. */
const knownFunctions = (): string[] => [
  ...FUNCTION_NAMES,
  ...registeredOpNames().filter((name) => opDef(opCodeOf(name)).arity === 1),
];

// Limits that keep every recursion over the input or its tree (the parser's, buildGraph's, a tool's)
// far from the call stack's end, in Node and in browsers. Nesting counts parentheses, calls, signs and
// exponents (the parser recurses on each); tree depth also counts each operator of a chain such as
// `x+x+…+x`, which the parser reads in a loop but which nests in the tree.
export const MAX_NESTING = 500;
export const MAX_TREE_DEPTH = 1000;

/** Parse a whole token list (ending in an `end` token) into one expression tree. */
export function parseTokens(tokens: readonly Token[]): ExprNode {
  let pos = 0;
  let depth = 0;
  // Depth of each tree node built so far (a leaf is 1).
  const treeDepth = new WeakMap<ExprNode, number>();
  const made = <N extends ExprNode>(node: N, ...children: ExprNode[]): N => {
    const d = 1 + Math.max(0, ...children.map((c) => treeDepth.get(c) ?? 1));
    if (d > MAX_TREE_DEPTH) {
      throw new ExprSyntaxError(
        `expression nested deeper than ${MAX_TREE_DEPTH} levels`,
        node.col,
        ' (each operator of a chain such as x+x+…+x nests one level; split it into sums of parts)',
      );
    }
    treeDepth.set(node, d);
    return node;
  };
  const enter = (col: number): void => {
    if (++depth > MAX_NESTING) {
      throw new ExprSyntaxError(
        `expression nested deeper than ${MAX_NESTING} levels`,
        col,
        ' (parentheses, function calls, signs and exponents each nest one level)',
      );
    }
  };
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
  function leftAssociative(ops: readonly BinaryOperator[], operand: () => ExprNode): ExprNode {
    const start = peek().col; // includes an opening parenthesis, which left.start does not
    let left = operand();
    while (ops.some(isOp)) {
      const t = next();
      const right = operand();
      const op = t.text as BinaryOperator;
      left = made({ kind: 'bin', op, left, right, col: t.col, start, end: lastEnd }, left, right);
    }
    return left;
  }

  function sum(): ExprNode {
    enter(peek().col);
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
      enter(t.col);
      const arg = unary();
      depth--;
      return t.text === '-' ? made({ kind: 'neg', arg, col: t.col, start: t.col, end: lastEnd }, arg) : arg;
    }
    return power();
  }

  function power(): ExprNode {
    const start = peek().col;
    const base = primary();
    if (!isOp('**')) return base;
    const t = next();
    enter(t.col);
    const exponent = unary();
    depth--;
    return made({ kind: 'pow', base, exponent, col: t.col, start, end: lastEnd }, base, exponent);
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
          ` (known: ${knownFunctions().join(', ')})`,
        );
      }
      next();
      const arg = sum();
      if (!isOp(')')) fail(`')' to close '${t.text}('`);
      next();
      return made({ kind: 'call', fn: t.text, arg, col: t.col, start: t.col, end: lastEnd }, arg);
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
