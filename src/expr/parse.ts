// parse: expression text such as "tanh(x1*w1 + x2*w2 + b)" → an Expression that builds Value graphs.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import { Value } from '../engine/value.js';
import type { ExprNode } from './ast.js';
import { buildGraph } from './buildGraph.js';
import { parseTokens } from './parseTokens.js';
import { tokenize } from './tokenize.js';

/** Values for an expression's variables: numbers become labelled leaves, Values are used as they are. */
export type Bindings = Readonly<Record<string, number | Value>>;

/** The options of `Expression.build(values, opts)`. */
export interface BuildOptions {
  /**
   * Also label each computed Value with the text it came from (`x1*w1`, `x1*w1 + x2*w2`), as the
   * walkthrough labels its nodes by hand; the graph picture then reads like the formula. Texts longer
   * than 40 characters are shortened in the middle (`x+x+x+x+x+x+x+x+x+x+x+x … x+x+x+x+x+x+x`), so a long
   * chain's labels grow linearly, not quadratically. Default false.
   */
  labelSubexpressions?: boolean;
}

/**
 * Parsed expression text, such as `tanh(x1*w1 + x2*w2 + b)`: `build` turns it into a Value graph for given
 * variable values, `evaluate` into a number. Made by `parse`; no `eval` is involved.
 *
 * @example The walkthrough's neuron from text
 * ```ts
 * import { parse } from 'micrograd-ts';
 *
 * const neuron = parse('tanh(x1*w1 + x2*w2 + b)');
 * console.log(neuron.variables.join(' ')); // → x1 w1 x2 w2 b
 * const b = 6.88137358;
 * const o = neuron.build({ x1: 2, x2: 0, w1: -3, w2: 1, b });
 * console.log(o.data); // → 0.707106777676776
 * ```
 */
export class Expression {
  /** The text that was parsed. */
  readonly source: string;
  /** The variables, in order of first appearance. */
  readonly variables: readonly string[];
  /** The parsed tree (for tools that walk it). */
  readonly tree: ExprNode;

  /**
   * An Expression over an already parsed tree; `parse(source)` is the usual way to make one.
   *
   * @param source - The text the tree was parsed from.
   * @param tree - Its parsed tree.
   */
  constructor(source: string, tree: ExprNode) {
    this.source = source;
    this.tree = tree;
    const seen: string[] = [];
    collectVariables(tree, seen);
    this.variables = seen;
  }

  /**
   * Build the Value graph. Each variable given as a number becomes one leaf labelled with the variable's
   * name (a variable used twice is the same leaf, so its gradient collects both uses).
   *
   * @param values - A number or a Value for every variable; Values are used as they are.
   * @param opts - `labelSubexpressions`: label each computed node with its text.
   * @returns The graph's output node.
   * @throws TypeError when `values` is not an object, a variable has no value or one that is neither a
   * number nor a Value, or `opts` has an unknown key.
   */
  build(values: Bindings, opts: BuildOptions = {}): Value {
    if (typeof values !== 'object' || values === null) {
      throw new TypeError(
        `Expression.build(values): expected an object of variable values, got ${describe(values)}`,
      );
    }
    checkOptions(opts, ['labelSubexpressions'], 'Expression.build(values, opts)');
    const leaves = new Map<string, Value>();
    for (const name of this.variables) {
      if (!Object.hasOwn(values, name)) {
        throw new TypeError(
          `no value for variable '${name}' in "${this.source}" (expected values for: ${this.variables.join(', ')})`,
        );
      }
      const x: unknown = values[name];
      if (x instanceof Value) leaves.set(name, x);
      else if (typeof x === 'number') leaves.set(name, new Value(x, { label: name }));
      else throw new TypeError(`variable '${name}': expected a number or a Value, got ${describe(x)}`);
    }
    const label = (node: ExprNode, built: Value | number): void => {
      if (built instanceof Value && built.label === '' && node.kind !== 'var') {
        built.label = subexpressionLabel(this.source, node.start - 1, node.end - 1);
      }
    };
    const out = buildGraph(
      this.tree,
      (node) => {
        if (node.kind === 'var') return leaves.get(node.name)!;
        throw new TypeError(`template hole \${${node.index}} in a parsed expression`);
      },
      opts.labelSubexpressions === true ? label : undefined,
    );
    return out instanceof Value ? out : new Value(out);
  }

  /**
   * The expression's value for these variables, without keeping the graph.
   *
   * @param values - A number or a Value for every variable.
   * @throws TypeError as `build` does.
   */
  evaluate(values: Bindings): number {
    return this.build(values).data;
  }

  /** The source text, as parsed. */
  toString(): string {
    return this.source;
  }
}

/**
 * Parse expression text into an Expression (see there for an example). No `eval` is involved.
 *
 * @param source - The expression, e.g. `tanh(x1*w1 + x2*w2 + b)`: numbers, variables, `+ - * / **`,
 * parentheses and function calls (the unary ops, and defineOp's).
 * @throws ExprSyntaxError (with `.column`) on malformed input.
 * @throws TypeError when `source` is not a string.
 */
export function parse(source: string): Expression {
  if (typeof source !== 'string') {
    throw new TypeError(`parse(source): expected the expression as a string, got ${describe(source)}`);
  }
  return new Expression(source, parseTokens(tokenize([{ text: source }])));
}

// A label shows the start and end of a long subexpression: enough to find it, and O(1) to make.
const MAX_LABEL = 40;
const LABEL_HEAD = 24;
const LABEL_TAIL = 14;

function subexpressionLabel(source: string, from: number, to: number): string {
  const text =
    to - from <= MAX_LABEL
      ? source.slice(from, to)
      : `${source.slice(from, from + LABEL_HEAD).trimEnd()} … ${source.slice(to - LABEL_TAIL, to).trimStart()}`;
  return text.replace(/\s+/g, ' ');
}

function collectVariables(node: ExprNode, out: string[]): void {
  switch (node.kind) {
    case 'var':
      if (!out.includes(node.name)) out.push(node.name);
      return;
    case 'num':
    case 'hole':
      return;
    case 'neg':
    case 'call':
      collectVariables(node.arg, out);
      return;
    case 'pow':
      collectVariables(node.base, out);
      collectVariables(node.exponent, out); // `x**y`: a Value exponent
      return;
    case 'bin':
      collectVariables(node.left, out);
      collectVariables(node.right, out);
      return;
  }
}
