// trainTestSplit: a seeded shuffle of the samples cut into a training part and a test part.

import { describe } from '../engine/describe.js';
import { checkOptions } from '../engine/checkKeys.js';
import type { Dataset } from './Dataset.js';
import { Rng } from './Rng.js';

/** The options of `trainTestSplit`. */
export interface SplitOptions {
  /** Fraction of the samples held out for testing, in [0, 1). Default 0.2. */
  testFraction?: number;
  /** Seed of the shuffle. Default 0. */
  seed?: number;
}

/**
 * Shuffle (seeded) and split: the test part gets ceil(n · testFraction) samples, as scikit-learn's
 * `train_test_split` counts them (1,797 digits at 0.2: 1,437 to train, 360 to test).
 *
 * @param data - The points and labels.
 * @param opts - `testFraction` (default 0.2), `seed` (default 0).
 * @returns The two parts.
 * @throws TypeError when `data` is not `{ X, y }` or `seed` is not an integer.
 * @throws RangeError when `X` and `y` differ in length, `testFraction` is not in [0, 1), or it would leave
 * no sample to train on.
 */
export function trainTestSplit(data: Dataset, opts?: SplitOptions): { train: Dataset; test: Dataset } {
  const where = 'trainTestSplit(data, opts)';
  const o = checkOptions(opts, ['testFraction', 'seed'], where);
  if (data === null || typeof data !== 'object' || !Array.isArray(data.X) || !Array.isArray(data.y)) {
    throw new TypeError(`${where}: expected data to be { X, y }, got ${describe(data)}`);
  }
  if (data.X.length !== data.y.length) {
    throw new RangeError(
      `${where}: expected as many labels as points, got ${data.X.length} and ${data.y.length}`,
    );
  }
  const f = o['testFraction'] ?? 0.2;
  if (typeof f !== 'number' || !(f >= 0 && f < 1)) {
    throw new RangeError(`${where}: expected opts.testFraction to be a number in [0, 1), got ${describe(f)}`);
  }
  const seed = o['seed'] ?? 0;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new TypeError(`${where}: expected opts.seed to be an integer, got ${describe(seed)}`);
  }
  const n = data.X.length;
  const nTest = Math.ceil(n * f);
  if (nTest >= n) {
    // The largest fraction that leaves one sample to train on: ceil(n·f) ≤ n − 1 ⇔ f ≤ (n − 1)/n.
    const most = Math.floor(((n - 1) / n) * 1000) / 1000;
    const fix =
      n > 1 && most > 0
        ? `use at most ${most} (${Math.ceil(n * most)} of ${n} held out)`
        : `with ${n} sample${n === 1 ? '' : 's'} use opts.testFraction 0 (no test part)`;
    throw new RangeError(
      `${where}: opts.testFraction ${f} would hold out all ${n} samples, leaving none to train on; ${fix}`,
    );
  }
  const order = new Rng(seed).shuffle(Array.from({ length: n }, (_, i) => i));
  const pick = (idx: number[]): Dataset => ({ X: idx.map((i) => data.X[i]!), y: idx.map((i) => data.y[i]!) });
  return { train: pick(order.slice(nTest)), test: pick(order.slice(0, nTest)) };
}
