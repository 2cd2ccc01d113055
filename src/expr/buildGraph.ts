// buildGraph: turn an expression tree into a Value graph with the same method calls Python would make.
//
// Python evaluates `2 * x` as `x.__rmul__(2)` = `x * 2`, `2 - x` as `x.__rsub__(2)`, and folds
// number-with-number arithmetic before any Value sees it; the graph built here matches that exactly,
// so `parse('x*w + b')` and `x.mul(w).add(b)` draw the same picture and give the same gradients.

import { applyOp } from '../engine/applyOp.js';
import { opCodeOf, opDef } from '../engine/opRegistry.js';
import { powC } from '../engine/ops.js';
import { Value } from '../engine/value.js';
import type { BinaryOperator, ExprNode } from './ast.js';

/** Resolves a leaf of the tree (a variable or a template hole) to a Value or a number. */
export type LeafResolver = (node: Extract<ExprNode, { kind: 'var' } | { kind: 'hole' }>) => Value | number;

/** Called with each tree node and what it built, children first. */
export type BuiltHook = (node: ExprNode, built: Value | number) => void;

/** Build the tree bottom-up; the result is a number when no Value took part. */
export function buildGraph(node: ExprNode, leaf: LeafResolver, onBuilt?: BuiltHook): Value | number {
  const built = buildNode(node, (child) => buildGraph(child, leaf, onBuilt), leaf);
  onBuilt?.(node, built);
  return built;
}

function buildNode(
  node: ExprNode,
  sub: (child: ExprNode) => Value | number,
  leaf: LeafResolver,
): Value | number {
  switch (node.kind) {
    case 'num':
      return node.value;
    case 'var':
    case 'hole':
      return leaf(node);
    case 'neg': {
      const a = sub(node.arg);
      return typeof a === 'number' ? -a : a.neg();
    }
    case 'call': {
      const a = sub(node.arg);
      // The op's node as its method (`a.tanh()`) or defineOp's function records it; numbers fold.
      const code = opCodeOf(node.fn);
      return typeof a === 'number' ? opDef(code).forward(a, 0, 0) : applyOp(code, a, null, 0);
    }
    case 'pow': {
      const base = sub(node.base);
      const k = sub(node.exponent);
      // A number exponent is a constant (`x**2`); a Value exponent is an input (`x**y`, `2**x`).
      if (typeof k !== 'number') return (typeof base === 'number' ? new Value(base) : base).pow(k);
      return typeof base === 'number' ? powC(base, k) : base.pow(k);
    }
    case 'bin': {
      const a = sub(node.left);
      const b = sub(node.right);
      if (typeof a === 'number' && typeof b === 'number') return fold(node.op, a, b);
      const [method, reflected] = METHODS[node.op];
      if (typeof a !== 'number') return a[method](b);
      // A number on the left: Python hands the operation to the Value's reflected method.
      return (b as Value)[reflected](a);
    }
  }
}

// Each operator's Value method, and the method Python's reflected dunder calls (`2 - x` → `x.__rsub__(2)`).
const METHODS = {
  '+': ['add', 'add'],
  '-': ['sub', 'rsub'],
  '*': ['mul', 'mul'],
  '/': ['div', 'rdiv'],
} as const;

function fold(op: BinaryOperator, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
  }
}
