// loadDigits: scikit-learn's 8×8 handwritten digits (UCI, CC BY 4.0), shipped in the package, no file access.

import { describe } from '../engine/describe.js';
import { checkOptions } from '../engine/checkKeys.js';
import type { Dataset } from './Dataset.js';
import { DIGITS_DATA, DIGITS_ROWS } from './digitsData.js';

/** The options of `loadDigits`. */
export interface DigitsOptions {
  /** Pixels as 0…16 counts, as scikit-learn's `load_digits` gives them. Default false: divided by 16, in [0, 1]. */
  raw?: boolean;
}

/** Pixels per image (8×8, row by row). */
export const DIGITS_FEATURES = 64;

/**
 * The 1,797 digits of scikit-learn's `load_digits()`, in its order: `X[i]` is an 8×8 image row by row, `y[i]`
 * its digit 0…9. From E. Alpaydin and C. Kaynak, "Optical Recognition of Handwritten Digits", UCI Machine
 * Learning Repository (1998), https://doi.org/10.24432/C50P49, licensed CC BY 4.0.
 *
 * @param opts - `raw`: pixels as 0…16 counts rather than scaled to [0, 1].
 * @throws TypeError when `opts` has an unknown key or `raw` is not a boolean.
 */
export function loadDigits(opts?: DigitsOptions): Dataset {
  const o = checkOptions(opts, ['raw'], 'loadDigits(opts)');
  const raw = o['raw'] ?? false;
  if (typeof raw !== 'boolean') {
    throw new TypeError(`loadDigits(opts): expected opts.raw to be a boolean, got ${describe(raw)}`);
  }
  const scale = raw ? 1 : 1 / 16;
  const X: number[][] = [];
  const y: number[] = [];
  const width = DIGITS_FEATURES + 1;
  for (let i = 0; i < DIGITS_ROWS; i++) {
    const row = new Array<number>(DIGITS_FEATURES);
    for (let j = 0; j < DIGITS_FEATURES; j++) row[j] = parseInt(DIGITS_DATA[i * width + j]!, 17) * scale;
    X.push(row);
    y.push(parseInt(DIGITS_DATA[i * width + DIGITS_FEATURES]!, 17));
  }
  return { X, y };
}
