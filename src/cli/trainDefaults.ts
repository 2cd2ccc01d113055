// trainDefaults: what `micrograd train` uses for an option the user left out, per dataset — micrograd's
// moons demo for the toy datasets, a minibatch classifier for the digits.

import { basename, extname, join } from 'node:path';
import type { TrainConfig } from './trainRun.js';

/** Where a run goes by default: runs/<dataset name>, or runs/<CSV file name without .csv>. */
export function defaultOut(dataset: string): string {
  const name = dataset.toLowerCase().endsWith('.csv') ? basename(dataset, extname(dataset)) : dataset;
  return join('runs', name);
}

export type TrainDefaults = Pick<
  TrainConfig,
  | 'layers'
  | 'activation'
  | 'init'
  | 'loss'
  | 'optimizer'
  | 'lr'
  | 'epochs'
  | 'steps'
  | 'batchSize'
  | 'testFraction'
> & { out: string };

export function trainDefaults(dataset: string): TrainDefaults {
  if (dataset === 'digits') {
    // MLP 64-64-10 on 1,437 images, Adam on minibatches of 32 for 20 epochs: ≥ 97% on the 360 held out.
    return {
      layers: [64],
      activation: 'relu',
      init: 'he',
      loss: 'cross-entropy',
      optimizer: 'adam',
      lr: 0.01,
      epochs: 20,
      steps: 0,
      batchSize: 32,
      testFraction: 0.2,
      out: 'runs/digits',
    };
  }
  return {
    layers: [16, 16],
    activation: 'relu',
    init: 'uniform',
    loss: 'max-margin',
    optimizer: 'sgd',
    // Blobs spread ±10 (scikit-learn's centre box): SGD at micrograd's lr 1 diverges there.
    lr: dataset === 'blobs' ? 0.1 : 1.0,
    epochs: undefined,
    steps: 100,
    batchSize: undefined,
    testFraction: 0,
    out: defaultOut(dataset),
  };
}
