// pyRepr: Python's float repr, checked against strings CPython 3.11 printed for the same doubles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pyRepr } from '../../src/engine/pyRepr.js';

// Each pair: a double and what CPython 3.11's repr() printed for it (generated with /usr/bin/python3).
const CPYTHON: Array<[number, string]> = [
  [-6.0, '-6.0'],
  [0.0, '0.0'],
  [-0.0, '-0.0'],
  [0.88137358, '0.88137358'],
  [0.707106777676776, '0.707106777676776'],
  [1e-5, '1e-05'],
  [0.0001, '0.0001'],
  [1e16, '1e+16'],
  [1.5e16, '1.5e+16'],
  [123456789012345.6, '123456789012345.6'],
  [1e15, '1000000000000000.0'],
  [0.1 + 0.2, '0.30000000000000004'],
  [5e-324, '5e-324'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [2 ** 53, '9007199254740992.0'],
  [-1.5e-7, '-1.5e-07'],
  [100.0, '100.0'],
  [12345.678, '12345.678'],
  [1 / 3, '0.3333333333333333'],
  [9999999999999998.0, '9999999999999998.0'],
  [0.00012345, '0.00012345'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
  [NaN, 'nan'],
];

describe('pyRepr', () => {
  it.each(CPYTHON)('formats %s as CPython does (%s)', (x, expected) => {
    expect(pyRepr(x)).toBe(expected);
  });

  it('round-trips every finite double (shortest repr parses back to the same number)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = pyRepr(x);
        expect(Object.is(Number(s), x)).toBe(true);
        // Python's layout: fixed notation always has a '.', scientific a two-digit exponent.
        expect(/^-?(\d+\.\d+|\d(\.\d+)?e[+-]\d{2,3})$/.test(s)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
