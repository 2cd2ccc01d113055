// makeBlobs: Gaussian clusters around random centres, as scikit-learn's make_blobs.

import { commonOptions, intOption, numOption, shuffleAndNoise, type Dataset } from './Dataset.js';

/** The options of `makeBlobs`; every one has a default. */
export interface BlobsOptions {
  /** Default 100, spread evenly over the centres (the first n mod k get one more). */
  nSamples?: number;
  /** Number of clusters. Default 3. */
  centers?: number;
  /** Standard deviation of each cluster. Default 1. */
  clusterStd?: number;
  /** Centres are drawn uniformly in [-box, box]². Default 10. */
  box?: number;
  /** Dimensions. Default 2. */
  nFeatures?: number;
  /** Seed of the random generator (an integer): the same seed gives the same points. Default 0. */
  seed?: number;
  /** Shuffle the points (points and labels together); false keeps them class by class. Default true. */
  shuffle?: boolean;
}

/**
 * Gaussian clusters around random centres, as scikit-learn's make_blobs. Labels: the cluster index,
 * 0 … centers-1. *
 * @param opts - `nSamples`, `centers`, `clusterStd`, `box`, `nFeatures`, `seed`, `shuffle` (see BlobsOptions).
 * @returns The points `X` and their labels `y`.
 * @throws TypeError when `opts` is not an object or has an unknown key, `seed` is not an integer or
 * `shuffle` not a boolean.
 * @throws RangeError when a count is not a positive integer or a size not a finite number ≥ 0.
 */
export function makeBlobs(opts?: BlobsOptions): Dataset {
  const where = 'makeBlobs(opts)';
  const { o, shuffle, rng } = commonOptions(opts, where, [
    'nSamples',
    'centers',
    'clusterStd',
    'box',
    'nFeatures',
    'seed',
    'shuffle',
  ]);
  const n = intOption(o['nSamples'], 100, 1, 'nSamples', where);
  const k = intOption(o['centers'], 3, 1, 'centers', where);
  const std = numOption(o['clusterStd'], 1, 0, 'clusterStd', where);
  const box = numOption(o['box'], 10, 0, 'box', where);
  const d = intOption(o['nFeatures'], 2, 1, 'nFeatures', where);
  const centres = Array.from({ length: k }, () => Array.from({ length: d }, () => rng.uniform(-box, box)));
  const X: number[][] = [];
  const y: number[] = [];
  centres.forEach((c, j) => {
    const count = Math.floor(n / k) + (j < n % k ? 1 : 0);
    for (let i = 0; i < count; i++) {
      X.push(c.map((ci) => rng.normal(ci, std)));
      y.push(j);
    }
  });
  return shuffleAndNoise({ X, y }, rng, shuffle, 0);
}
