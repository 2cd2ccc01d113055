// loadDataset: a named toy dataset or a CSV file, for `micrograd train`.

import { CliError } from './CliError.js';
import { closest } from './closest.js';
import { readCsv } from './readCsv.js';
import {
  DIGITS_FEATURES,
  loadDigits,
  makeBlobs,
  makeCircles,
  makeMoons,
  spiral,
  xor,
  type Dataset,
} from '../data/index.js';

export const DATASETS = ['moons', 'circles', 'blobs', 'spiral', 'xor', 'digits'] as const;

/**
 * What a dataset's rows are, which decides its pictures: points in the plane (a decision boundary),
 * square images (the misclassified ones), or columns of a table (curves only).
 */
export type DatasetKind = { kind: 'plane' } | { kind: 'images'; side: number } | { kind: 'table' };

/** The kind of a dataset loaded by `loadDataset`: the digits are 8×8 images, whatever a CSV's width. */
export function datasetKind(dataset: string, data: Dataset): DatasetKind {
  if (dataset === 'digits') return { kind: 'images', side: Math.sqrt(DIGITS_FEATURES) };
  return data.X[0]?.length === 2 ? { kind: 'plane' } : { kind: 'table' };
}

export interface DatasetSpec {
  /** A name from DATASETS, or a path ending in .csv. */
  dataset: string;
  samples: number;
  noise: number;
  classes: number;
  seed: number;
}

export function loadDataset(spec: DatasetSpec): Dataset {
  const { dataset, samples: nSamples, noise, classes, seed } = spec;
  switch (dataset) {
    case 'moons':
      return makeMoons({ nSamples, noise, seed });
    case 'circles':
      return makeCircles({ nSamples, noise, seed, factor: 0.5 });
    case 'blobs':
      // For blobs the noise is the clusters' spread: --noise 0.1 gives scikit-learn's default std of 1.
      return makeBlobs({ nSamples, centers: classes, seed, clusterStd: noise * 10 });
    case 'spiral':
      return spiral({ perClass: Math.max(1, Math.floor(nSamples / classes)), classes, noise, seed });
    case 'xor':
      return xor({ nSamples, noise, seed });
    case 'digits':
      return loadDigits(); // scikit-learn's 1,797 8×8 images, pixels scaled to [0, 1]
  }
  if (!dataset.toLowerCase().endsWith('.csv')) {
    const guess = closest(dataset, DATASETS);
    throw new CliError(
      `--dataset ${JSON.stringify(dataset)}: ${guess === undefined ? '' : `did you mean ${guess}? `}expected one of ${DATASETS.join(', ')} or a .csv file`,
    );
  }
  return readCsv(dataset, '--dataset');
}
