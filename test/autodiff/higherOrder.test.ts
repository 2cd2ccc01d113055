// First, second and third derivatives of every one-input op (sqrt, abs, sin and cos too) against PyTorch float64, near 0 and beyond.
//
// Expected numbers: fixtures/higherOrder.json, written by fixtures/higherOrder.py (torch.autograd.grad with
// create_graph=True, three times). A rule whose derivative is two product-rule terms that nearly cancel
// (tanh′ = (1−t)(1+t) near t = 0) loses digits there; PyTorch's own double-backward rules do not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { grad } from '../../src/autodiff/index.js';
import type { Value } from '../../src/engine/value.js';

interface Case {
  op: 'tanh' | 'sigmoid' | 'exp' | 'log' | 'relu' | 'sqrt' | 'abs' | 'sin' | 'cos' | 'pow';
  k: number;
  x: number;
  d: [number, number, number];
}
const { cases } = JSON.parse(
  readFileSync(new URL('./fixtures/higherOrder.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

const fn =
  (c: Case) =>
  (v: Value): Value =>
    c.op === 'pow' ? v.pow(c.k) : v[c.op]();

// Three ulps: the rules multiply the same factors as PyTorch's, not always in the same order, and V8's
// tanh and exp may round differently from the C library's by an ulp.
const ULPS = 3 * Number.EPSILON;
const relErr = (got: number, want: number): number =>
  got === want ? 0 : Math.abs(got - want) / Math.abs(want);

describe('derivatives of each op to the third order, against PyTorch (fixtures/higherOrder.py)', () => {
  it.each(cases.map((c) => [`${c.op}${c.op === 'pow' ? `(·, ${c.k})` : ''} at ${c.x}`, c] as const))(
    '%s',
    (_name, c) => {
      const d1 = grad(fn(c));
      const d2 = grad(d1);
      const d3 = grad(d2);
      const got = [d1(c.x).data, d2(c.x).data, d3(c.x).data];
      // The first two orders to 3 ulps of themselves. The third is a difference of products of the second
      // (tanh‴ = −2(t′² + t·t″) passes through 0 near x = ±0.66), so its rounding is that of |f″|: 3 ulps
      // of the larger of the two.
      const scale = [Math.abs(c.d[0]), Math.abs(c.d[1]), Math.max(Math.abs(c.d[2]), Math.abs(c.d[1]))];
      const off = got.map((g, i) => (g === c.d[i] ? 0 : Math.abs(g - c.d[i]!) / scale[i]!));
      expect(
        off.every((e) => e <= ULPS),
        `ours ${got.join(', ')}\ntorch ${c.d.join(', ')}`,
      ).toBe(true);
    },
  );

  it('tanh″ at 1e-12 is −2e−12 and at 1e-17 is −2e−17, not 0 (no cancellation between product terms)', () => {
    const d2 = grad(grad((v) => v.tanh()));
    expect(relErr(d2(1e-12).data, -2e-12)).toBeLessThanOrEqual(ULPS);
    expect(d2(1e-17).data).toBe(-2e-17);
  });
});
