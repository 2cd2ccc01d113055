// The functional verdict's hvp rules on shrunk fuzz graphs, against PyTorch 1.13's recorded answers.
import { describe, expect, it } from 'vitest';
import { decodeFunctional, type FunctionalAnswer } from '../../src/oracle/functional.js';
import { forwardOverReverse, functionalCase, functionalVerdict } from './functional.js';
import type { Program } from './fuzz/program.js';

/**
 * x·(x⁰ − x⁰)⁻¹ at 0: the gradient's recorded graph holds (x⁰ − x⁰)⁻¹, whose forward tangent is
 * −∞ · (pow(x, 0)'s tangent 0) = NaN; the double backward and the Hessian select pow's zero gradient.
 */
const POW0: Program = [
  { t: 'leaf', value: 0 },
  { t: 'pow', a: 0, k: 0 },
  { t: 'binary', op: 'rsub', a: 1, b: 1 },
  { t: 'pow', a: 2, k: -1 },
  { t: 'binary', op: 'mul', a: 3, b: 0 },
];
/** |x|/0 at 0: the recorded g·sgn(x) with g = ∞, where sgn's tangent is PyTorch's ZeroTensor. */
const ABS: Program = [
  { t: 'leaf', value: 0 },
  { t: 'unary', op: 'abs', a: 0 },
  { t: 'const', op: 'div', a: 1, c: 0 },
];

// PyTorch 1.13's answers to the oracle's "functional" request for these two cases (oracle/functional.py).
const TORCH_POW0 = decodeFunctional({
  outputs: ['NaN', 0],
  vjp: ['Infinity'],
  jacobian: [['Infinity'], [0]],
  value: 'NaN',
  hvp: [0],
  hvpHessian: [0],
  hvpForward: ['NaN'],
  values: [0, 1, -1, -1, 0, 'Infinity', 'NaN'],
});
const TORCH_ABS = decodeFunctional({
  outputs: ['NaN', 0],
  vjp: ['NaN'],
  jacobian: [['NaN'], [0]],
  value: 'NaN',
  hvp: [0],
  hvpHessian: [0],
  hvpForward: [0],
  values: [0, 0, 'Infinity', 'NaN'],
});

describe('functional verdict: hvp by forward over reverse', () => {
  it('counts ours where it is PyTorch’s own forward over reverse and that differs from its hvp', () => {
    const v = functionalVerdict(functionalCase(POW0), TORCH_POW0);
    expect(v.mismatches).toEqual([]);
    expect(v.edges).toBe(1);
  });

  it('fails the same hvp without PyTorch’s forward-over-reverse answer, or where that agrees with its hvp', () => {
    const { hvpForward: _, ...old } = TORCH_POW0;
    const without: FunctionalAnswer = old;
    expect(functionalVerdict(functionalCase(POW0), without).mismatches).toEqual([
      { what: 'hvp[0]', ours: NaN, torch: 0 },
    ]);
    const agreeing = { ...TORCH_POW0, hvpForward: [0] };
    expect(functionalVerdict(functionalCase(POW0), agreeing).mismatches).toHaveLength(1);
  });

  it('holds abs’s recorded sgn to PyTorch directly: 0, not counted', () => {
    const v = functionalVerdict(functionalCase(ABS), TORCH_ABS);
    expect(v.mismatches).toEqual([]);
    expect(v.edges).toBe(0);
  });

  it('forwardOverReverse: only where PyTorch’s two answers differ and ours is the forward one', () => {
    expect(forwardOverReverse(NaN, 0, NaN, 0)).toBe(true);
    expect(forwardOverReverse(NaN, 0, 0, 0)).toBe(false); // PyTorch's two agree: compared as usual
    expect(forwardOverReverse(NaN, 0, undefined, 0)).toBe(false); // an answer without it
    expect(forwardOverReverse(1, 0, NaN, 0)).toBe(false); // ours is neither
    expect(forwardOverReverse(2, 1, 2 + 1e-13, 0)).toBe(true); // within the tolerance of the forward one
  });
});
