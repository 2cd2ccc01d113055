// Label conventions: datasets use classes 0/1; micrograd's max-margin loss wants -1/+1.

import { describe } from '../engine/describe.js';

/**
 * micrograd's demo `y*2 - 1`: 0 → -1, 1 → +1, for its max-margin loss.
 *
 * @param y - Labels, each 0 or 1.
 * @throws TypeError when `y` is not an array; RangeError when a label is neither 0 nor 1.
 */
export function toPlusMinusOne(y: readonly number[]): number[] {
  if (!Array.isArray(y))
    throw new TypeError(`toPlusMinusOne(y): expected an array of 0/1 labels, got ${describe(y)}`);
  return y.map((v: unknown, i) => {
    if (v !== 0 && v !== 1)
      throw new RangeError(`toPlusMinusOne(y): expected y[${i}] to be 0 or 1, got ${describe(v)}`);
    return v * 2 - 1;
  });
}

/**
 * The number of classes: largest label + 1 (by a loop: `Math.max(...y)` overflows the stack past ~125k
 * labels).
 *
 * @param y - Class labels 0, 1, …
 */
export function classCount(y: readonly number[]): number {
  let k = 0;
  for (const c of y) if (c >= k) k = c + 1;
  return k;
}
