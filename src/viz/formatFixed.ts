// formatFixed: Python's `'%.Nf' % x` — round half to even on the exact binary value, "-0.0000", nan, inf.

/**
 * Format `x` with `digits` decimals exactly as Python's `%.{digits}f` does. JavaScript's toFixed differs
 * in three places: exact ties (toFixed rounds 0.03125 up to 0.0313, Python to even, 0.0312), negative
 * zero (toFixed drops the sign) and numbers from 1e21 up (toFixed switches to exponent notation).
 */
export function formatFixed(x: number, digits = 4): string {
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`formatFixed: expected digits to be an integer from 0 to 20, got ${String(digits)}`);
  }
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const negative = x < 0 || Object.is(x, -0);
  const abs = Math.abs(x);
  const sign = negative ? '-' : '';
  const frac = digits > 0 ? `.${'0'.repeat(digits)}` : '';
  if (abs >= 1e21) return `${sign}${BigInt(abs).toString()}${frac}`;
  // A tie is abs = (2n+1) / (2·10^digits); for a binary float that means abs·2^(digits+1) is odd.
  const scaled = abs * 2 ** (digits + 1);
  if (Number.isInteger(scaled) && scaled % 2 === 1) {
    const twoNPlusOne = BigInt(scaled) * 5n ** BigInt(digits);
    let n = (twoNPlusOne - 1n) / 2n;
    if (n % 2n === 1n) n += 1n;
    const s = n.toString().padStart(digits + 1, '0');
    const body = digits > 0 ? `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}` : s;
    return `${sign}${body}`;
  }
  return `${sign}${abs.toFixed(digits)}`;
}
