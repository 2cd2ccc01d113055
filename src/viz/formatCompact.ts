// formatCompact: the one short form every page, picture and message uses for a number it shows.

import { formatFixed } from './formatFixed.js';

/** From this magnitude up a number is written with an exponent: `1.561e+49`, not fifty digits. */
export const COMPACT_EXPONENT_FROM = 1e6;

/**
 * Format `x` for display: Python's `%.{decimals}f` below one million (so the post's pictures read
 * `data 0.7071 | grad 0.5000`), and `decimals` significant digits with an exponent from one million up
 * (`1.561e+49`, `-3.720e+10`), so a diverging number stays a few characters wide. `nan`, `inf` and
 * `-inf` as Python prints them. A message that quotes a number uses the same function as the figure it
 * sits beside, so the two always agree.
 */
export function formatCompact(x: number, decimals = 4): string {
  if (!Number.isInteger(decimals) || decimals < 1 || decimals > 20) {
    throw new RangeError(
      `formatCompact: expected decimals to be an integer from 1 to 20, got ${String(decimals)}`,
    );
  }
  if (Number.isFinite(x) && Math.abs(x) >= COMPACT_EXPONENT_FROM) {
    // toExponential writes 'e+49'; rounding can carry 999999.99995 up, which is still correct here.
    return x.toExponential(decimals - 1);
  }
  return formatFixed(x, decimals);
}
