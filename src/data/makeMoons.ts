// makeMoons: two interleaving half circles, built as scikit-learn's make_moons builds them.

import { linspace, sampleOptions, shuffleAndNoise, type Dataset } from './Dataset.js';

/** The options of `makeMoons`; every one has a default. */
export interface MoonsOptions {
  /** Total points; the upper moon gets floor(n/2), the lower the rest. Default 100. */
  nSamples?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0. */
  noise?: number;
  /** Seed of the random generator (an integer): the same seed gives the same points. Default 0. */
  seed?: number;
  /** Shuffle the points (points and labels together); false keeps them class by class. Default true. */
  shuffle?: boolean;
}

/**
 * Labels: 0 for the upper moon (cos t, sin t), 1 for the lower (1 - cos t, 1 - sin t - 0.5), t in [0, π].
 * micrograd's demo trains on `y*2 - 1` (see `toPlusMinusOne`). *
 * @param opts - `nSamples`, `noise`, `seed`, `shuffle` (see MoonsOptions).
 * @returns The points `X` and their labels `y`.
 * @throws TypeError when `opts` is not an object or has an unknown key, `seed` is not an integer or
 * `shuffle` not a boolean.
 * @throws RangeError when a count is not a positive integer or a size not a finite number ≥ 0.
 * @example
 * ```ts
 * import { makeMoons } from 'micrograd-ts';
 *
 * const { X, y } = makeMoons({ nSamples: 4, shuffle: false });
 * console.log(JSON.stringify(X[0]), y.join(' ')); // → [1,0] 0 0 1 1
 * ```
 */
export function makeMoons(opts?: MoonsOptions): Dataset {
  const where = 'makeMoons(opts)';
  const { n, noise, shuffle, rng } = sampleOptions(opts, where);
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const X: number[][] = [];
  const y: number[] = [];
  for (const t of linspace(0, Math.PI, nOut)) {
    X.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  for (const t of linspace(0, Math.PI, nIn)) {
    X.push([1 - Math.cos(t), 1 - Math.sin(t) - 0.5]);
    y.push(1);
  }
  return shuffleAndNoise({ X, y }, rng, shuffle, noise);
}
