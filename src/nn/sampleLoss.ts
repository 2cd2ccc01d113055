// sampleLoss: one sample's loss term with its target held in Value leaves, so one recorded graph serves
// every sample (a per-sample tape replays it with new features and targets).

import { describe } from '../engine/describe.js';
import type { Value } from '../engine/value.js';
import type { LossName } from './lossGraph.js';
import { max2, softplus } from './losses.js';
import { sum } from './sum.js';
import type { Task } from './task.js';

/** How many target leaves a sample's loss reads: one, or the k entries of a one-hot row for cross-entropy. */
export function targetWidth(loss: LossName, classes: number): number {
  return loss === 'cross-entropy' ? classes : 1;
}

/**
 * Write class `c`'s target values at `out[at …]`: the number the eager loss puts in its constant leaf
 * (max-margin and mse: -(2c-1), as `mul(-y)` and `sub(y)` record it; bce: c), or a one-hot row. For
 * regression `c` is the target itself, and mse's leaf holds -c.
 */
export function encodeTarget(
  loss: LossName,
  c: number,
  classes: number,
  out: number[] | Float64Array,
  at: number,
  task: Task = 'classification',
): void {
  if (task === 'regression') {
    if (!Number.isFinite(c))
      throw new RangeError(`sampleLoss: expected a finite regression target, got ${describe(c)}`);
    out[at] = -c;
    return;
  }
  if (!Number.isInteger(c) || c < 0 || c >= (loss === 'cross-entropy' ? classes : 2)) {
    throw new RangeError(`sampleLoss: expected a class index for the ${loss} loss, got ${describe(c)}`);
  }
  switch (loss) {
    case 'max-margin':
    case 'mse':
      out[at] = -(c * 2 - 1);
      return;
    case 'bce':
      out[at] = c;
      return;
    case 'cross-entropy':
      for (let j = 0; j < classes; j++) out[at + j] = j === c ? 1 : 0;
  }
}

/**
 * One sample's term of the batch loss, built op for op as the batch losses build it (losses.ts), except
 * that cross-entropy picks the label's score with a one-hot dot product (Σ t_j·(z_j - m), the same
 * number, since every other product is an exact zero) so the graph's shape does not depend on the label.
 */
export function sampleLoss(scores: readonly Value[], target: readonly Value[], loss: LossName): Value {
  const z = scores[0]!;
  switch (loss) {
    case 'max-margin':
      return z.mul(target[0]!).add(1).relu();
    case 'mse':
      return z.add(target[0]!).pow(2);
    case 'bce':
      return softplus(z).sub(z.mul(target[0]!));
    case 'cross-entropy': {
      let m = scores[0]!;
      for (let j = 1; j < scores.length; j++) m = max2(m, scores[j]!);
      const shifted = scores.map((s) => s.sub(m));
      const picked = sum(shifted.map((d, j) => d.mul(target[j]!)));
      return sum(shifted.map((d) => d.exp()))
        .log()
        .sub(picked);
    }
  }
}
