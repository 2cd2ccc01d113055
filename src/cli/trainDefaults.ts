// trainDefaults: what `micrograd train` uses for an option the user left out, per dataset — micrograd's
// moons demo for the toy datasets, a minibatch classifier for the digits.

import type { TrainConfig } from './trainRun.js';

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
    lr: 1.0,
    epochs: undefined,
    steps: 100,
    batchSize: undefined,
    testFraction: 0,
    out: 'runs/moons',
  };
}
