// pyRepr: format a float64 exactly as Python's repr(float) does, so printed Values match the walkthrough.

/**
 * Python's `repr(x)` for a float: the shortest digits that round-trip (which JavaScript also finds),
 * laid out by Python's rules — fixed notation for exponents in [-4, 16) with a trailing `.0` on whole
 * numbers, otherwise `1e-05` / `1.5e+16` style; `inf`, `-inf`, `nan`.
 *
 * @param x - Any number.
 * @example
 * ```ts
 * import { pyRepr } from 'micrograd-ts';
 *
 * console.log(pyRepr(-6)); // → -6.0
 * console.log(pyRepr(0.1 + 0.2)); // → 0.30000000000000004
 * console.log(pyRepr(1e16), pyRepr(1e-5)); // → 1e+16 1e-05
 * ```
 */
export function pyRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() with no argument gives the shortest round-tripping significand: "d.ddde±n".
  const [mantissa = '', expText = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expSign = exp < 0 ? '-' : '+';
    return `${sign}${digits[0]}${frac}e${expSign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return `${sign}${digits.padEnd(intLen, '0')}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}
