// Learning-rate schedules: functions of the step index, for SGD/Adam's `lr`.

import { describe } from '../engine/describe.js';

/**
 * micrograd's demo schedule generalised: lr(k) = lr0 - 0.9·lr0·k/steps, so it falls from lr0 to a tenth
 * of it, and stays at lr0/10 from step `steps` on. With lr0 = 1 and steps = 100 it is exactly micrograd's
 * `1.0 - 0.9*k/100` over the demo's 100 steps.
 *
 * @param lr0 - The learning rate at step 0, a finite number >= 0.
 * @param steps - The steps the fall spans, a positive integer.
 * @returns A schedule to give as `lr` to {@link SGD}, {@link Adam} or a {@link Trainer}.
 * @throws RangeError when `lr0` is not a finite number >= 0, or `steps` not a positive integer.
 *
 * @example
 * ```ts
 * import { microgradDecay } from 'micrograd-ts';
 *
 * const lr = microgradDecay(1, 100);
 * console.log(lr(0), lr(50), lr(99)); // → 1 0.55 0.10899999999999987
 * console.log(lr(100) === lr(500)); // → true
 * ```
 */
export function microgradDecay(lr0: number, steps: number): (step: number) => number {
  if (typeof lr0 !== 'number' || !Number.isFinite(lr0) || lr0 < 0) {
    throw new RangeError(
      `microgradDecay(lr0, steps): expected lr0 to be a finite number >= 0, got ${describe(lr0)}`,
    );
  }
  if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 1) {
    throw new RangeError(
      `microgradDecay(lr0, steps): expected steps to be a positive integer, got ${describe(steps)}`,
    );
  }
  const drop = 0.9 * lr0;
  // Past `steps` the rate holds at lr0/10, as PyTorch's LinearLR holds its end factor: a loop or Trainer run
  // longer than planned keeps learning slowly rather than meeting a negative learning rate.
  return (k) => lr0 - (drop * Math.min(k, steps)) / steps;
}

/**
 * A constant learning rate as a schedule.
 *
 * @param lr - The rate every step uses.
 */
export function constantLr(lr: number): (step: number) => number {
  return () => lr;
}
