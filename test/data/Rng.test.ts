// Rng: the xoshiro128** stream against the reference implementation's published test vector.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/Rng.js';

describe('Rng', () => {
  it('reproduces xoshiro128** from state [1, 2, 3, 4] (reference test vector)', () => {
    // Expected: the first ten outputs of Blackman & Vigna's xoshiro128starstar.c from s = {1, 2, 3, 4}.
    const r = Rng.fromState(1, 2, 3, 4);
    const got = Array.from({ length: 10 }, () => r.nextUint32());
    expect(got).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('gives the same stream for the same seed and a different one for another seed', () => {
    const a = new Rng(1337);
    const b = new Rng(1337);
    const c = new Rng(1338);
    const sa = Array.from({ length: 5 }, () => a.random());
    expect(Array.from({ length: 5 }, () => b.random())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.random())).not.toEqual(sa);
  });

  it('draws uniforms in [0, 1) with the right mean and normals with the right moments', () => {
    const r = new Rng(7);
    const n = 100_000;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = r.random();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
    }
    // Standard error of the mean of U(0,1) over 1e5 draws is ~0.0009; 0.005 is over 5 sigma.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.005);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = r.normal();
      s1 += z;
      s2 += z * z;
    }
    expect(Math.abs(s1 / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => new Rng(1.5)).toThrow(TypeError);
    expect(() => new Rng('1' as unknown as number)).toThrow(/seed/);
  });
});
