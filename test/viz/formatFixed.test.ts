// formatFixed matches Python's '%.4f' % x, including the cases where JavaScript's toFixed differs.
import { describe, expect, it } from 'vitest';
import { formatFixed } from '../../src/viz/formatFixed.js';

describe('formatFixed', () => {
  it("matches Python's %.4f", () => {
    // Right-hand sides printed by CPython 3: ['%.4f' % x for x in xs].
    const cases: Array<[number, string]> = [
      [0.7071067811865476, '0.7071'],
      [-0.0, '-0.0000'],
      [0.0, '0.0000'],
      [0.03125, '0.0312'], // exact tie: half to even (toFixed gives 0.0313)
      [-0.03125, '-0.0312'],
      [0.09375, '0.0938'],
      [123456.78125, '123456.7812'],
      [0.00005, '0.0001'], // the double is slightly above the tie
      [-0.00001, '-0.0000'],
      [1e21, '1000000000000000000000.0000'], // toFixed switches to 1e+21 here
      [NaN, 'nan'],
      [Infinity, 'inf'],
      [-Infinity, '-inf'],
      [6.881373587019543, '6.8814'],
      [-1e-320, '-0.0000'],
      [2 ** 52 + 1, '4503599627370497.0000'],
    ];
    for (const [x, want] of cases) expect(formatFixed(x, 4)).toBe(want);
  });

  it('rounds ties to even at other precisions too', () => {
    // CPython: ['%.0f' % x for x in [0.5, 1.5, 2.5, -0.5]]
    expect([0.5, 1.5, 2.5, -0.5].map((x) => formatFixed(x, 0))).toEqual(['0', '2', '2', '-0']);
  });

  it('rejects a bad digit count', () => {
    expect(() => formatFixed(1, -1)).toThrow(RangeError);
    expect(() => formatFixed(1, 1.5)).toThrow(/integer from 0 to 20, got 1.5/);
  });
});
