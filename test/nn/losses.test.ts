// Losses: values from the math, gradients against central finite differences, stability and label checks.
import { describe, expect, it } from 'vitest';
import {
  binaryCrossEntropy,
  l2Penalty,
  maxMargin,
  mse,
  softmaxCrossEntropy,
  Value,
} from '../../src/index.js';

const vals = (xs: number[]): Value[] => xs.map((x) => new Value(x));

/** Central difference of f at leaves (h = 1e-6: truncation ~h² ≈ 1e-12, rounding ~1e-16/h ≈ 1e-10). */
function numericGrad(f: (xs: Value[]) => Value, xs: number[]): number[] {
  const h = 1e-6;
  return xs.map((_, i) => {
    const up = xs.slice();
    const dn = xs.slice();
    up[i]! += h;
    dn[i]! -= h;
    return (f(vals(up)).data - f(vals(dn)).data) / (2 * h);
  });
}

function expectGradsMatch(f: (xs: Value[]) => Value, xs: number[]): void {
  const leaves = vals(xs);
  f(leaves).backward();
  const num = numericGrad(f, xs);
  // 1e-7: finite-difference error bound above (1e-10), with room for the curvature of exp/log terms
  leaves.forEach((l, i) => expect(Math.abs(l.grad - num[i]!)).toBeLessThan(1e-7));
}

describe('losses', () => {
  it('maxMargin is mean(relu(1 - y*s)) (math)', () => {
    const loss = maxMargin(vals([2, 0.5, -0.25]), [1, 1, 1]);
    expect(loss.data).toBeCloseTo((0 + 0.5 + 1.25) / 3, 15);
    expectGradsMatch((s) => maxMargin(s, [1, -1, 1]), [0.3, 0.2, -2]);
  });

  it('mse is mean((s - t)^2) (math)', () => {
    expect(mse(vals([1, 2]), [0, 4]).data).toBe(2.5);
    expectGradsMatch((s) => mse(s, [0.5, -1, 2]), [0.3, 0.2, -2]);
  });

  it('binaryCrossEntropy equals -[y log σ(z) + (1-y) log(1-σ(z))] and its gradient σ(z) - y', () => {
    const z = [0.7, -1.3, 2.1];
    const y = [1, 0, 0.25];
    const sig = (t: number): number => 1 / (1 + Math.exp(-t));
    const want =
      z.reduce((s, zi, i) => s - (y[i]! * Math.log(sig(zi)) + (1 - y[i]!) * Math.log(1 - sig(zi))), 0) / 3;
    const leaves = vals(z);
    const loss = binaryCrossEntropy(leaves, y);
    expect(Math.abs(loss.data - want)).toBeLessThan(1e-15);
    loss.backward();
    leaves.forEach((l, i) => expect(Math.abs(l.grad - (sig(z[i]!) - y[i]!) / 3)).toBeLessThan(1e-15));
  });

  it('binaryCrossEntropy has gradient σ(0) - y = 0.5 - y at a logit of exactly 0, as PyTorch', () => {
    const z = new Value(0);
    binaryCrossEntropy([z], [1]).backward();
    expect(z.grad).toBe(-0.5);
  });

  it('binaryCrossEntropy stays finite for logits of ±1000 (naive log σ gives Infinity)', () => {
    const z = vals([1000, -1000]);
    const loss = binaryCrossEntropy(z, [0, 1]);
    expect(loss.data).toBe(1000); // softplus(1000) = 1000 exactly in float64, both samples
    loss.backward();
    expect(z.map((v) => v.grad)).toEqual([0.5, -0.5]);
  });

  it('softmaxCrossEntropy equals log Σ e^z - z_y (math), with finite-difference gradients', () => {
    const row = [0.1, 1.5, -0.3];
    const lse = Math.log(row.reduce((s, z) => s + Math.exp(z), 0));
    expect(Math.abs(softmaxCrossEntropy([vals(row)], [2]).data - (lse + 0.3))).toBeLessThan(1e-15);
    expectGradsMatch(
      (xs) => softmaxCrossEntropy([xs.slice(0, 3), xs.slice(3)], [1, 0]),
      [0.1, 1.5, -0.3, 2, 2, -1],
    );
  });

  it('softmaxCrossEntropy stays finite for logits of 1000 (e^1000 overflows)', () => {
    const z = vals([1000, 999, -5]);
    const loss = softmaxCrossEntropy([z], [1]);
    expect(loss.data).toBeCloseTo(1 + Math.log(1 + Math.exp(-1) + Math.exp(-1005)), 12);
    loss.backward();
    expect(z.every((v) => Number.isFinite(v.grad))).toBe(true);
  });

  it('l2Penalty is alpha·Σp² with gradient 2·alpha·p', () => {
    const ps = vals([1, -2, 3]);
    const r = l2Penalty(ps, 1e-4);
    expect(r.data).toBeCloseTo(14e-4, 18);
    r.backward();
    ps.forEach((p) => expect(Math.abs(p.grad - 2e-4 * p.data)).toBeLessThan(1e-19)); // 1 ulp of 6e-4 is 1e-19
    expect(() => l2Penalty(ps, NaN)).toThrow(RangeError);
  });

  it('rejects hostile labels and scores with a clear error', () => {
    const s = vals([1, 2]);
    expect(() => maxMargin(s, [1, 0])).toThrow(/labels\[1\] to be -1 or \+1, got number 0/);
    expect(() => maxMargin(s, [1, NaN])).toThrow(/got number NaN/);
    expect(() => maxMargin(s, [1])).toThrow(/expected 2 labels \(one per score\), got 1/);
    expect(() => maxMargin(s, [1, '1' as never])).toThrow(TypeError);
    expect(() => maxMargin([1, 2] as never, [1, 1])).toThrow(/scores\[0\] to be a Value/);
    expect(() => mse(s, [0, Infinity])).toThrow(RangeError);
    expect(() => binaryCrossEntropy(s, [0, 2])).toThrow(/in \[0, 1\]/);
    expect(() => softmaxCrossEntropy([s, s], [0, 2])).toThrow(
      /labels\[1\] to be a class index in \[0, 2\), got number 2/,
    );
    expect(() => softmaxCrossEntropy([s, s], [0, 0.5])).toThrow(RangeError);
    expect(() => softmaxCrossEntropy([s, [s[0]!]], [0, 0])).toThrow(/logits\[1\]/);
    expect(() => maxMargin([], [])).toThrow(/non-empty/);
  });
});
