// Label conventions: datasets use classes 0/1; micrograd's max-margin loss wants -1/+1.

import { describe } from '../engine/describe.js';

/** micrograd's demo `y*2 - 1`: 0 → -1, 1 → +1. Any other label is an error. */
export function toPlusMinusOne(y: readonly number[]): number[] {
  if (!Array.isArray(y))
    throw new TypeError(`toPlusMinusOne(y): expected an array of 0/1 labels, got ${describe(y)}`);
  return y.map((v: unknown, i) => {
    if (v !== 0 && v !== 1)
      throw new RangeError(`toPlusMinusOne(y): expected y[${i}] to be 0 or 1, got ${describe(v)}`);
    return v * 2 - 1;
  });
}

/** Largest label + 1, by a loop: `Math.max(...y)` overflows the stack past ~125k labels. */
export function classCount(y: readonly number[]): number {
  let k = 0;
  for (const c of y) if (c >= k) k = c + 1;
  return k;
}
