// tickText: an axis tick as short text in the pages' one number style (formatCompact past a million).

import { COMPACT_EXPONENT_FROM, formatCompact } from '../../../src/viz/formatCompact.js';

/**
 * A tick value `v` on an axis whose ticks are `step` apart: as many decimals as the step needs (0.25, 1.5,
 * 200), and from a million up formatCompact's four significant digits with an exponent (1.500e+7), as
 * every other number on the page is written.
 */
export function tickText(v: number, step: number): string {
  if (v === 0) return '0';
  if (Math.abs(v) >= COMPACT_EXPONENT_FROM) return formatCompact(v);
  const decimals = Math.min(6, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals);
}
