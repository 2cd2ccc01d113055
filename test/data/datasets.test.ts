// Datasets: scikit-learn's constructions (checked by their geometry), seeds, labels and option checks.
import { describe, expect, it } from 'vitest';
import { linspace, makeBlobs, makeCircles, makeMoons, spiral, toPlusMinusOne, xor } from '../../src/index.js';

describe('datasets', () => {
  it('linspace matches numpy: endpoints exact, even steps, endpoint=false drops the stop', () => {
    expect(linspace(0, 1, 5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(linspace(0, 1, 4, false)).toEqual([0, 0.25, 0.5, 0.75]);
    expect(linspace(0, Math.PI, 7)[6]).toBe(Math.PI);
    expect(linspace(3, 4, 1)).toEqual([3]);
  });

  it('makeMoons without noise puts floor(n/2) points on the upper unit half circle and the rest on the lower', () => {
    const { X, y } = makeMoons({ nSamples: 101, noise: 0, shuffle: false });
    expect(y.filter((v) => v === 0).length).toBe(50);
    X.forEach((p, i) => {
      const [a, b] = p as [number, number];
      // the construction: (cos t, sin t) for class 0, (1 - cos t, 1 - sin t - 0.5) for class 1, t in [0, π]
      const r = y[i] === 0 ? Math.hypot(a, b) : Math.hypot(a - 1, b - 0.5);
      expect(Math.abs(r - 1)).toBeLessThan(1e-15);
      expect(y[i] === 0 ? b >= 0 : b <= 0.5).toBe(true);
    });
    expect(X[0]).toEqual([1, 0]);
    expect(X[50]).toEqual([0, 0.5]);
    // scikit-learn's make_moons(shuffle=False, noise=0): angles t = linspace(0, π, n) per half, written out
    // here from its source (outer: cos t, sin t; inner: 1 - cos t, 1 - sin t - 0.5).
    const outer = Array.from({ length: 50 }, (_, i) => (Math.PI * i) / 49);
    const inner = Array.from({ length: 51 }, (_, i) => (Math.PI * i) / 50);
    const expected = [
      ...outer.map((t) => [Math.cos(t), Math.sin(t)]),
      ...inner.map((t) => [1 - Math.cos(t), 1 - Math.sin(t) - 0.5]),
    ];
    expect(X).toHaveLength(101);
    X.forEach((p, i) => {
      expect(Math.abs(p[0]! - expected[i]![0]!)).toBeLessThan(1e-15);
      expect(Math.abs(p[1]! - expected[i]![1]!)).toBeLessThan(1e-15);
    });
  });

  it('makeMoons adds Gaussian noise of the requested standard deviation to each coordinate', () => {
    const n = 20_000;
    const clean = makeMoons({ nSamples: n, noise: 0, shuffle: false, seed: 9 });
    const noisy = makeMoons({ nSamples: n, noise: 0.1, shuffle: false, seed: 9 });
    const d = noisy.X.flatMap((p, i) => [p[0]! - clean.X[i]![0]!, p[1]! - clean.X[i]![1]!]);
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / d.length);
    // 40,000 draws: the standard error of the mean is 0.1/200 = 5e-4 and of the sd about 3.5e-4; 5 sigma.
    expect(Math.abs(mean)).toBeLessThan(2.5e-3);
    expect(Math.abs(sd - 0.1)).toBeLessThan(1.8e-3);
  });

  it('makeMoons shuffles and adds noise reproducibly from the seed', () => {
    const a = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 });
    const b = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 });
    const c = makeMoons({ nSamples: 100, noise: 0.1, seed: 1 });
    expect(a).toEqual(b);
    expect(a.X).not.toEqual(c.X);
    expect(a.y.slice(0, 20)).not.toEqual([...Array(20)].fill(0)); // shuffled: not all class 0 first
    expect(a.y.reduce((s, v) => s + v, 0)).toBe(50);
  });

  it('makeCircles puts the inner class at radius factor', () => {
    const { X, y } = makeCircles({ nSamples: 40, factor: 0.5, seed: 2 });
    expect(X).toHaveLength(40);
    expect([0, 1].map((k) => y.filter((v) => v === k).length)).toEqual([20, 20]);
    X.forEach((p, i) =>
      expect(Math.abs(Math.hypot(p[0]!, p[1]!) - (y[i] === 0 ? 1 : 0.5))).toBeLessThan(1e-15),
    );
    expect(() => makeCircles({ factor: 1 })).toThrow(RangeError);
  });

  it('makeBlobs spreads samples over centres and labels them 0..k-1', () => {
    const { X, y } = makeBlobs({ nSamples: 10, centers: 3, seed: 4, clusterStd: 0.01 });
    expect(X.length).toBe(10);
    expect([0, 1, 2].map((k) => y.filter((v) => v === k).length)).toEqual([4, 3, 3]);
    // With std 0.01 every point sits within 6 std (0.06) of its cluster's mean point.
    for (const k of [0, 1, 2]) {
      const pts = X.filter((_, i) => y[i] === k);
      const c = [0, 1].map((j) => pts.reduce((a, p) => a + p[j]!, 0) / pts.length);
      for (const p of pts) expect(Math.hypot(p[0]! - c[0]!, p[1]! - c[1]!)).toBeLessThan(0.06);
    }
  });

  it('spiral gives perClass points per arm at radius ≤ 1', () => {
    const { X, y } = spiral({ perClass: 20, classes: 4, seed: 3 });
    expect(X.length).toBe(80);
    expect([0, 1, 2, 3].map((k) => y.filter((v) => v === k).length)).toEqual([20, 20, 20, 20]);
    expect(X.every((p) => Math.hypot(p[0]!, p[1]!) <= 1 + 1e-12)).toBe(true);
  });

  it('xor labels by differing signs', () => {
    const { X, y } = xor({ nSamples: 200, seed: 5 });
    expect(X).toHaveLength(200);
    expect(new Set(y)).toEqual(new Set([0, 1]));
    X.forEach((p, i) => expect(y[i]).toBe(p[0]! > 0 !== p[1]! > 0 ? 1 : 0));
  });

  it('toPlusMinusOne maps 0/1 to -1/+1 and rejects anything else', () => {
    expect(toPlusMinusOne([0, 1, 1])).toEqual([-1, 1, 1]);
    expect(() => toPlusMinusOne([0, 2])).toThrow(/y\[1\] to be 0 or 1, got number 2/);
  });

  it('rejects bad options', () => {
    expect(() => makeMoons({ nSamples: 0 })).toThrow(/nSamples to be an integer >= 1, got number 0/);
    expect(() => makeMoons({ noise: -1 })).toThrow(RangeError);
    expect(() => makeMoons({ seed: 1.5 })).toThrow(TypeError);
    expect(() => makeMoons(5 as never)).toThrow(TypeError);
    expect(() => spiral({ classes: 0 })).toThrow(RangeError);
  });
});
