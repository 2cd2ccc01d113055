// xor: points uniform in [-1, 1]², labelled by whether their coordinates have different signs.

import { sampleOptions, type Dataset } from './Dataset.js';

/** The options of `xor`; every one has a default. */
export interface XorOptions {
  /** Number of points. Default 100. */
  nSamples?: number;
  /** Gaussian noise added to the points after labelling. Default 0. */
  noise?: number;
  /** Seed of the random generator (an integer): the same seed gives the same points. Default 0. */
  seed?: number;
  /** Ignored (points are drawn in random order already); accepted for a uniform API. */
  shuffle?: boolean;
}

/**
 * Points uniform in [-1, 1]². Labels: 1 where exactly one coordinate is positive (x0 > 0 xor x1 > 0),
 * else 0. *
 * @param opts - `nSamples`, `noise`, `seed` (see XorOptions).
 * @returns The points `X` and their labels `y`.
 * @throws TypeError when `opts` is not an object or has an unknown key, `seed` is not an integer or
 * `shuffle` not a boolean.
 * @throws RangeError when a count is not a positive integer or a size not a finite number ≥ 0.
 */
export function xor(opts?: XorOptions): Dataset {
  const where = 'xor(opts)';
  const { n, noise, rng } = sampleOptions(opts, where);
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const p = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
    y.push(p[0]! > 0 !== p[1]! > 0 ? 1 : 0);
    X.push(noise > 0 ? p.map((c) => c + rng.normal(0, noise)) : p);
  }
  return { X, y };
}
