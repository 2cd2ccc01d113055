// The eager engine's backward after its speed work: same semantics (accumulating leaves, reset intermediates).
import { describe, expect, it } from 'vitest';
import { Value, topoSort } from '../../src/engine/value.js';

describe('eager backward', () => {
  it('accumulates into leaves and resets intermediates on a second pass', () => {
    const a = new Value(3);
    const b = new Value(-2);
    const c = a.mul(b); // ∂c/∂a = b = -2, ∂c/∂b = a = 3
    const d = c.tanh(); // ∂d/∂c = 1 - tanh²(c)
    d.backward();
    // Math: 1 − tanh²(−6) ≈ 2.46e-5; the table may round it another way (e.g. (1−t)(1+t)), so compare to
    // 1e-9 relative (tanh(−6) is within 1e-5 of −1, where 1 − t² keeps only about 11 good digits).
    const dc = 1 - Math.tanh(-6) ** 2;
    expect(Math.abs(c.grad - dc)).toBeLessThan(1e-9 * dc);
    const first = c.grad;
    expect(a.grad).toBe(-2 * first);
    d.backward();
    expect(c.grad).toBe(first); // intermediate: reset, not doubled
    expect(a.grad).toBe(-2 * first * 2); // leaf: accumulated (exact: doubling is exact in binary)
    expect(b.grad).toBe(3 * first * 2);
  });

  it('counts a node used twice twice, and keeps topoSort children-first', () => {
    const a = new Value(5);
    const s = a.add(a); // ∂(a+a)/∂a = 2
    s.backward();
    expect(a.grad).toBe(2);
    expect(topoSort(s)).toEqual([a, s]);
  });

  it('walks a million-deep chain without overflowing the stack', () => {
    const x = new Value(1);
    let v = x;
    for (let i = 0; i < 1_000_000; i++) v = v.mul(1); // ∂v/∂x = 1^N = 1
    v.backward();
    expect(x.grad).toBe(1);
  });
});
