// datasets: the points a config names — a generated toy set, or the custom points it carries.

import {
  makeBlobs,
  makeCircles,
  makeMoons,
  regressGaussian,
  regressPlane,
  spiral,
  xor,
  type Dataset,
} from '../../../src/data/index.js';
import type { TrainConfig } from './config.js';

/** The dataset a config names: two classes (0 and 1), or for regression real-valued targets. */
export function makeDataset(c: TrainConfig): Dataset {
  const seed = c.seed;
  switch (c.dataset) {
    case 'moons':
      return makeMoons({ nSamples: c.size, noise: c.noise, seed });
    case 'circles':
      return makeCircles({ nSamples: c.size, noise: c.noise, factor: 0.5, seed });
    case 'xor':
      return xor({ nSamples: c.size, noise: c.noise, seed });
    case 'spiral':
      return spiral({ perClass: Math.ceil(c.size / 2), classes: 2, noise: c.noise, seed });
    case 'blobs':
      // Noise is the clusters' spread; a box of 3 keeps the two centres on the same scale as the others.
      return makeBlobs({
        nSamples: c.size,
        centers: 2,
        clusterStd: Math.max(c.noise, 0.01) * 4,
        box: 3,
        seed,
      });
    case 'plane':
      return regressPlane({ nSamples: c.size, noise: c.noise, seed });
    case 'gauss':
      return regressGaussian({ nSamples: c.size, noise: c.noise, seed });
    case 'custom':
      return { X: c.points.map((p) => [p.x, p.y]), y: c.points.map((p) => p.c) };
  }
}
