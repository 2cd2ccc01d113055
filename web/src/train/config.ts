// config: the training setup, its defaults and limits, and its round trip through the page's URL.

import { LOSSES, type LossName } from '../../../src/nn/lossGraph.js';

export { LOSSES, type LossName };
export const DATASETS = ['moons', 'circles', 'xor', 'spiral', 'blobs'] as const;
export const ACTIVATION_CHOICES = ['relu', 'tanh', 'sigmoid'] as const;
export const OPTIMIZERS = ['adam', 'sgd'] as const;

export type DatasetName = (typeof DATASETS)[number];

/** Outputs of the last layer: one score, or one per class (two) for cross-entropy. */
export const outputsFor = (loss: LossName): number => (loss === 'cross-entropy' ? 2 : 1);

export interface TrainConfig {
  dataset: DatasetName;
  /** Noise of the dataset generator (for blobs, each cluster's standard deviation). */
  noise: number;
  /** Number of points. */
  size: number;
  /** Seed of the data, the initial weights and the batches. */
  seed: number;
  /** Neurons in each hidden layer. */
  hidden: number[];
  activation: (typeof ACTIVATION_CHOICES)[number];
  loss: LossName;
  optimizer: (typeof OPTIMIZERS)[number];
  lr: number;
  /** Points per step; equal to size means full batch. */
  batch: number;
}

export const DEFAULT_CONFIG: Readonly<TrainConfig> = {
  dataset: 'moons',
  noise: 0.1,
  size: 100,
  seed: 1,
  hidden: [16, 16],
  activation: 'relu',
  loss: 'max-margin',
  optimizer: 'adam',
  lr: 0.02,
  batch: 100,
};

export const LIMITS = {
  noise: [0, 1],
  size: [10, 500],
  seed: [0, 1_000_000],
  layers: [0, 4],
  neurons: [1, 32],
  lr: [0.00001, 10],
  batch: [1, 500],
} as const;

export const LOSS_TITLES: Readonly<Record<LossName, string>> = {
  'max-margin': 'max-margin',
  mse: 'MSE',
  bce: 'BCE (logits)',
  'cross-entropy': 'cross-entropy',
};

function oneOf<T extends string>(choices: readonly T[], x: string | null, dflt: T): T {
  return x !== null && (choices as readonly string[]).includes(x) ? (x as T) : dflt;
}

function numberIn(
  x: string | null,
  [lo, hi]: readonly [number, number],
  dflt: number,
  integer = false,
): number {
  if (x === null || x.trim() === '') return dflt;
  const n = Number(x);
  if (!Number.isFinite(n) || n < lo || n > hi || (integer && !Number.isInteger(n))) return dflt;
  return n;
}

/** Read a config from URL search parameters; anything missing or out of range takes its default. */
export function configFromParams(params: URLSearchParams): TrainConfig {
  const d = DEFAULT_CONFIG;
  const hiddenText = params.get('hidden');
  let hidden = [...d.hidden];
  if (hiddenText !== null) {
    const parts =
      hiddenText === '' ? [] : hiddenText.split(',').map((s) => numberIn(s, LIMITS.neurons, NaN, true));
    if (parts.length <= LIMITS.layers[1] && parts.every(Number.isFinite)) hidden = parts;
  }
  const size = numberIn(params.get('size'), LIMITS.size, d.size, true);
  return {
    dataset: oneOf(DATASETS, params.get('dataset'), d.dataset),
    noise: numberIn(params.get('noise'), LIMITS.noise, d.noise),
    size,
    seed: numberIn(params.get('seed'), LIMITS.seed, d.seed, true),
    hidden,
    activation: oneOf(ACTIVATION_CHOICES, params.get('activation'), d.activation),
    loss: oneOf(LOSSES, params.get('loss'), d.loss),
    optimizer: oneOf(OPTIMIZERS, params.get('optimizer'), d.optimizer),
    lr: numberIn(params.get('lr'), LIMITS.lr, d.lr),
    batch: Math.min(size, numberIn(params.get('batch'), LIMITS.batch, size, true)),
  };
}

/** The config as URL search parameters (every field, so a link pins the whole setup). */
export function configToParams(c: TrainConfig): URLSearchParams {
  return new URLSearchParams({
    dataset: c.dataset,
    noise: String(c.noise),
    size: String(c.size),
    seed: String(c.seed),
    hidden: c.hidden.join(','),
    activation: c.activation,
    loss: c.loss,
    optimizer: c.optimizer,
    lr: String(c.lr),
    batch: String(c.batch),
  });
}
