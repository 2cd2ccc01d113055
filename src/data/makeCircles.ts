// makeCircles: a small circle inside a large one, as scikit-learn's make_circles.

import { linspace, numOption, sampleOptions, shuffleAndNoise, type Dataset } from './Dataset.js';

/** The options of `makeCircles`; every one has a default. */
export interface CirclesOptions {
  /** Default 100: floor(n/2) on the outer circle, the rest on the inner. */
  nSamples?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate. Default 0. */
  noise?: number;
  /** Inner radius over outer radius, in [0, 1). Default 0.8. */
  factor?: number;
  /** Seed of the random generator (an integer): the same seed gives the same points. Default 0. */
  seed?: number;
  /** Shuffle the points (points and labels together); false keeps them class by class. Default true. */
  shuffle?: boolean;
}

/**
 * Points on two circles, as scikit-learn's make_circles. Labels: 0 on the outer circle (radius 1), 1 on
 * the inner (radius `factor`). *
 * @param opts - `nSamples`, `noise`, `factor`, `seed`, `shuffle` (see CirclesOptions).
 * @returns The points `X` and their labels `y`.
 * @throws TypeError when `opts` is not an object or has an unknown key, `seed` is not an integer or
 * `shuffle` not a boolean.
 * @throws RangeError when a count is not a positive integer or a size not a finite number ≥ 0.
 * @throws RangeError when `factor` is not in [0, 1).
 */
export function makeCircles(opts?: CirclesOptions): Dataset {
  const where = 'makeCircles(opts)';
  const { o, n, noise, shuffle, rng } = sampleOptions(opts, where, ['factor']);
  const factor = numOption(o['factor'], 0.8, 0, 'factor', where);
  if (factor >= 1) throw new RangeError(`${where}: expected factor to be in [0, 1), got number ${factor}`);
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const X: number[][] = [];
  const y: number[] = [];
  for (const t of linspace(0, 2 * Math.PI, nOut, false)) {
    X.push([Math.cos(t), Math.sin(t)]);
    y.push(0);
  }
  for (const t of linspace(0, 2 * Math.PI, nIn, false)) {
    X.push([Math.cos(t) * factor, Math.sin(t) * factor]);
    y.push(1);
  }
  return shuffleAndNoise({ X, y }, rng, shuffle, noise);
}
