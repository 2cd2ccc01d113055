// formatCompact: Python's %.4f below one million, four significant digits with an exponent above.
import { describe, expect, it } from 'vitest';
import { formatCompact } from '../../src/viz/formatCompact.js';

describe('formatCompact', () => {
  it("keeps Python's %.4f for the post's magnitudes", () => {
    // Right-hand sides from CPython 3: '%.4f' % x.
    expect(formatCompact(0.7071067811865476)).toBe('0.7071');
    expect(formatCompact(6.881373587019543)).toBe('6.8814');
    expect(formatCompact(-1.5000000148906993)).toBe('-1.5000');
    expect(formatCompact(999999.5)).toBe('999999.5000');
    expect(formatCompact(NaN)).toBe('nan');
    expect(formatCompact(-Infinity)).toBe('-inf');
  });

  it('writes an exponent from one million up, four significant digits', () => {
    // Right-hand sides from CPython 3: '%.3e' % x (Python pads the exponent to two digits; JavaScript does not).
    expect(formatCompact(1e6)).toBe('1.000e+6');
    expect(formatCompact(1.5609395646328147e49)).toBe('1.561e+49');
    expect(formatCompact(-3.72e10)).toBe('-3.720e+10');
    expect(formatCompact(1e200 * 1e200)).toBe('inf');
    expect(formatCompact(1e300)).toBe('1.000e+300');
    expect(formatCompact(58039331)).toBe('5.804e+7');
  });

  it('is at most 11 characters wide for any finite number from 1e6 up', () => {
    for (const x of [1e6, 9.999e99, -1.7976931348623157e308, 123456789.123]) {
      expect(formatCompact(x).length).toBeLessThanOrEqual(11);
    }
  });

  it('refuses a bad precision by name', () => {
    expect(() => formatCompact(1, 0)).toThrow(/decimals to be an integer from 1 to 20, got 0/);
  });
});
