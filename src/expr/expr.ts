// expr: a tagged template that builds a Value graph from a formula, e.g. expr`${x1} * ${w1} + ${b}`.

import { describe } from '../engine/describe.js';
import { Value } from '../engine/value.js';
import { buildGraph } from './buildGraph.js';
import type { ExprNode } from './ast.js';
import { ExprSyntaxError } from './ExprSyntaxError.js';
import { parseTokens } from './parseTokens.js';
import { tokenize, type SourcePart } from './tokenize.js';

/**
 * Build the graph of a formula whose operands are the template's holes: Values are used as they are,
 * numbers as constants. Names in the text can only be functions (`tanh(${n})`); variables must be holes.
 *
 * @returns The formula's output node.
 * @throws ExprSyntaxError when the formula is malformed (its message shows the text, holes as `${i}`).
 * @throws TypeError when called other than as a tagged template, a hole is neither a Value nor a number,
 * or the text names a variable.
 * @example The walkthrough's neuron with one input
 * ```ts
 * import { Value, expr } from 'micrograd-ts';
 *
 * const x1 = new Value(2);
 * const w1 = new Value(-3);
 * const b = new Value(6.88137358);
 * const o = expr`tanh(${x1} * ${w1} + ${b})`;
 * o.backward();
 * console.log(o.data); // → 0.707106777676776
 * console.log(w1.grad); // → 1.000000009927133
 * ```
 */
export function expr(strings: TemplateStringsArray, ...holes: Array<Value | number>): Value {
  if (!Array.isArray(strings) || !('raw' in strings)) {
    throw new TypeError('expr: use it as a tagged template, expr`${a} * ${b}`');
  }
  holes.forEach((h, i) => {
    if (!(h instanceof Value) && typeof h !== 'number') {
      throw new TypeError(`expr: hole \${${i}} must be a Value or a number, got ${describe(h)}`);
    }
  });
  const parts: SourcePart[] = strings.map((text, i) => (i < holes.length ? { text, hole: i } : { text }));
  let tree: ExprNode;
  try {
    tree = parseTokens(tokenize(parts));
  } catch (err) {
    // Columns count a hole as its `${i}` text; show that text so the column can be found.
    if (err instanceof ExprSyntaxError) err.message += ` in expr\`${parts.map(showPart).join('')}\``;
    throw err;
  }
  const out = buildGraph(tree, (node) => {
    if (node.kind === 'hole') return holes[node.index]!;
    throw new TypeError(
      `expr: unknown variable '${node.name}' at column ${node.col}; put Values and numbers in \${…} holes`,
    );
  });
  return out instanceof Value ? out : new Value(out);
}

const showPart = (p: SourcePart): string => (p.hole === undefined ? p.text : `${p.text}\${${p.hole}}`);
