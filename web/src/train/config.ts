// config: the train page's whole setup, its defaults and limits, and its round trip through the URL.

import { LOSSES, type LossName } from '../../../src/nn/lossGraph.js';
import { FEATURES, type FeatureName } from './features.js';
import { parsePoints, pointsToText, type Point } from './points.js';

export { LOSSES, type LossName };
export const PROBLEMS = ['classification', 'regression'] as const;
export type Problem = (typeof PROBLEMS)[number];
export const DATASETS = ['moons', 'circles', 'xor', 'spiral', 'blobs', 'plane', 'gauss', 'custom'] as const;
/** The generated datasets of each problem type (Playground's); `custom` (your points) serves both. */
export const PROBLEM_DATASETS: Readonly<Record<Problem, readonly DatasetName[]>> = {
  classification: ['moons', 'circles', 'xor', 'spiral', 'blobs', 'custom'],
  regression: ['plane', 'gauss', 'custom'],
};
/** The fewest points a dataset of your own may have, however it is given (link, CSV, clicks). */
export const MIN_POINTS = 10;
export const ACTIVATION_CHOICES = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export const OPTIMIZERS = ['adam', 'sgd'] as const;
export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const;
/** Steps per second; 0 runs as fast as the machine goes. */
export const SPEEDS = [1, 3, 10, 30, 100, 300, 0] as const;

export type DatasetName = (typeof DATASETS)[number];

/** Outputs of the last layer: one score (or value), or one per class (two) for cross-entropy. */
export const outputsFor = (loss: LossName): number => (loss === 'cross-entropy' ? 2 : 1);

export interface TrainConfig {
  /** Classification (two classes) or regression (a real-valued target), as Playground's "Problem type". */
  problem: Problem;
  dataset: DatasetName;
  /** Noise of the dataset generator (for blobs, each cluster's standard deviation). */
  noise: number;
  /** Number of generated points (a custom dataset has its own). */
  size: number;
  /** Seed of the data, the split, the initial weights and the batches. */
  seed: number;
  /** Percent of the points used for training; the rest are the test set. */
  trainPct: number;
  /** The points of the custom dataset (clicked, pasted or uploaded), empty otherwise. */
  points: Point[];
  /** The inputs the network sees, computed from each point (x1, x2). */
  features: FeatureName[];
  /** Neurons in each hidden layer. */
  hidden: number[];
  activation: (typeof ACTIVATION_CHOICES)[number];
  loss: LossName;
  optimizer: (typeof OPTIMIZERS)[number];
  lr: number;
  regularization: (typeof REGULARIZATIONS)[number];
  regRate: number;
  /** Training points per step; at or above the training set's size it is the full batch. */
  batch: number;
  /** Steps per second while playing; 0 is as fast as it goes. */
  speed: (typeof SPEEDS)[number];
  /** The run pauses by itself at this many steps. */
  maxSteps: number;
  showTest: boolean;
  discretize: boolean;
  /** The class a click on the plane adds. */
  paint: 0 | 1;
}

export const DEFAULT_CONFIG: Readonly<TrainConfig> = {
  problem: 'classification',
  dataset: 'moons',
  noise: 0.1,
  size: 200,
  seed: 1,
  trainPct: 50,
  points: [],
  features: ['x1', 'x2'],
  hidden: [16, 16],
  activation: 'relu',
  loss: 'max-margin',
  optimizer: 'adam',
  lr: 0.02,
  regularization: 'none',
  regRate: 0.001,
  batch: 500,
  speed: 10,
  // At full speed a small network takes a thousand steps in under a second: stop later than that.
  maxSteps: 10_000,
  showTest: false,
  discretize: false,
  paint: 1,
};

export const LIMITS = {
  noise: [0, 1],
  size: [10, 500],
  seed: [0, 1_000_000],
  trainPct: [10, 90],
  layers: [0, 4],
  neurons: [1, 32],
  lr: [0.00001, 10],
  regRate: [0, 10],
  batch: [1, 500],
  maxSteps: [1, 1_000_000],
} as const;

export const LOSS_TITLES: Readonly<Record<LossName, string>> = {
  'max-margin': 'max-margin',
  mse: 'MSE',
  bce: 'BCE (logits)',
  'cross-entropy': 'cross-entropy',
};

/** A query value the page could not use, and why (shown to the user, never silently dropped). */
export interface Ignored {
  key: string;
  value: string;
  reason: string;
}

type Reader = (text: string) => { ok: true; value: unknown } | { ok: false; reason: string };

const oneOf =
  (choices: readonly (string | number)[]): Reader =>
  (x) => {
    const hit = choices.find((c) => String(c) === x);
    return hit === undefined
      ? { ok: false, reason: `expected one of ${choices.join(', ')}` }
      : { ok: true, value: hit };
  };

const numberIn =
  ([lo, hi]: readonly [number, number], integer = false): Reader =>
  (x) => {
    // Number('') is 0 and Number('0x10') is 16: only plain decimal notation is a number here.
    const n = /^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(x) ? Number(x) : NaN;
    if (!Number.isFinite(n) || n < lo || n > hi || (integer && !Number.isInteger(n)))
      return { ok: false, reason: `expected ${integer ? 'a whole number' : 'a number'} from ${lo} to ${hi}` };
    return { ok: true, value: n };
  };

const bool: Reader = (x) =>
  x === '1' || x === 'true'
    ? { ok: true, value: true }
    : x === '0' || x === 'false'
      ? { ok: true, value: false }
      : { ok: false, reason: 'expected 1 or 0' };

const hiddenReader: Reader = (x) => {
  const parts = x === '' ? [] : x.split(',');
  if (parts.length > LIMITS.layers[1])
    return { ok: false, reason: `expected at most ${LIMITS.layers[1]} layers` };
  const sizes: number[] = [];
  for (const p of parts) {
    const r = numberIn(LIMITS.neurons, true)(p);
    if (!r.ok) return { ok: false, reason: `layer sizes: ${r.reason}` };
    sizes.push(r.value as number);
  }
  return { ok: true, value: sizes };
};

const featuresReader: Reader = (x) => {
  const names = x === '' ? [] : x.split(',');
  const bad = names.find((n) => !(FEATURES as readonly string[]).includes(n));
  if (bad !== undefined) return { ok: false, reason: `expected features from ${FEATURES.join(', ')}` };
  if (names.length === 0) return { ok: false, reason: 'expected at least one feature' };
  // Kept in the one canonical order, without repeats, so a link always reads back the same.
  return { ok: true, value: FEATURES.filter((f) => names.includes(f)) };
};

const pointsReader: Reader = (x) => {
  try {
    return { ok: true, value: parsePoints(x) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
};

/** Each URL key, the field it sets and how it is read. */
const KEYS: ReadonlyArray<readonly [string, keyof TrainConfig, Reader]> = [
  ['problem', 'problem', oneOf(PROBLEMS)],
  ['dataset', 'dataset', oneOf(DATASETS)],
  ['noise', 'noise', numberIn(LIMITS.noise)],
  ['size', 'size', numberIn(LIMITS.size, true)],
  ['seed', 'seed', numberIn(LIMITS.seed, true)],
  ['train', 'trainPct', numberIn(LIMITS.trainPct, true)],
  ['points', 'points', pointsReader],
  ['features', 'features', featuresReader],
  ['hidden', 'hidden', hiddenReader],
  ['activation', 'activation', oneOf(ACTIVATION_CHOICES)],
  ['loss', 'loss', oneOf(LOSSES)],
  ['optimizer', 'optimizer', oneOf(OPTIMIZERS)],
  ['lr', 'lr', numberIn(LIMITS.lr)],
  ['reg', 'regularization', oneOf(REGULARIZATIONS)],
  ['regRate', 'regRate', numberIn(LIMITS.regRate)],
  ['batch', 'batch', numberIn(LIMITS.batch, true)],
  ['speed', 'speed', oneOf(SPEEDS)],
  ['limit', 'maxSteps', numberIn(LIMITS.maxSteps, true)],
  ['showTest', 'showTest', bool],
  ['discretize', 'discretize', bool],
  ['paint', 'paint', oneOf([0, 1])],
];
const KNOWN = new Set(KEYS.map(([k]) => k));

/**
 * Read a config from URL search parameters. A missing key takes its default; a key the page does not
 * know, or a value it cannot use, also takes the default and is listed in `ignored` with the reason.
 */
export function configFromParams(params: URLSearchParams): { config: TrainConfig; ignored: Ignored[] } {
  const config: TrainConfig = { ...DEFAULT_CONFIG, points: [], features: [...DEFAULT_CONFIG.features] };
  config.hidden = [...DEFAULT_CONFIG.hidden];
  const ignored: Ignored[] = [];
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (!KNOWN.has(key)) ignored.push({ key, value, reason: 'not a setting of this page' });
    else if (seen.has(key)) ignored.push({ key, value, reason: 'given twice; the first is used' });
    seen.add(key);
  }
  for (const [key, field, read] of KEYS) {
    const text = params.get(key);
    if (text === null) continue;
    const r = read(text);
    if (r.ok) (config as unknown as Record<string, unknown>)[field] = r.value;
    else ignored.push({ key, value: text, reason: r.reason });
  }
  checkProblem(config, params, ignored);
  if (config.dataset === 'custom' && config.points.length < MIN_POINTS) {
    if (params.has('dataset'))
      ignored.push({
        key: 'dataset',
        value: 'custom',
        reason: `your own points need at least ${MIN_POINTS} (the link has ${config.points.length})`,
      });
    config.dataset = PROBLEM_DATASETS[config.problem][0]!;
    config.points = [];
  }
  const pointsReported = ignored.some((i) => i.key === 'points');
  if (config.dataset !== 'custom' && params.has('points') && !pointsReported) {
    ignored.push({
      key: 'points',
      value: params.get('points') ?? '',
      reason: 'points belong to dataset=custom',
    });
    config.points = [];
  }
  return { config, ignored };
}

/**
 * Keep the setup true to its problem type: regression trains with MSE on Playground's regression data
 * (or your points, any finite targets); classification on the two-class sets, your points labelled 0 or 1.
 */
function checkProblem(config: TrainConfig, params: URLSearchParams, ignored: Ignored[]): void {
  const p = config.problem;
  if (!PROBLEM_DATASETS[p].includes(config.dataset)) {
    if (params.has('dataset'))
      ignored.push({ key: 'dataset', value: config.dataset, reason: `not a ${p} dataset` });
    config.dataset = PROBLEM_DATASETS[p][0]!;
  }
  if (p === 'regression' && config.loss !== 'mse') {
    if (params.has('loss'))
      ignored.push({ key: 'loss', value: config.loss, reason: 'regression trains with mse' });
    config.loss = 'mse';
  }
  const bad = config.points.findIndex((q) => p === 'classification' && q.c !== 0 && q.c !== 1);
  if (bad >= 0) {
    ignored.push({
      key: 'points',
      value: params.get('points') ?? '',
      reason: `point ${bad + 1}: a classification point's class is 0 or 1 (use problem=regression for values)`,
    });
    config.points = [];
  }
}

/** The config as URL search parameters (every field, so a link pins the whole setup). */
export function configToParams(c: TrainConfig): URLSearchParams {
  const p = new URLSearchParams({
    problem: c.problem,
    dataset: c.dataset,
    noise: String(c.noise),
    size: String(c.size),
    seed: String(c.seed),
    train: String(c.trainPct),
    features: c.features.join(','),
    hidden: c.hidden.join(','),
    activation: c.activation,
    loss: c.loss,
    optimizer: c.optimizer,
    lr: String(c.lr),
    reg: c.regularization,
    regRate: String(c.regRate),
    batch: String(c.batch),
    speed: String(c.speed),
    limit: String(c.maxSteps),
    showTest: c.showTest ? '1' : '0',
    discretize: c.discretize ? '1' : '0',
    paint: String(c.paint),
  });
  if (c.dataset === 'custom') p.set('points', pointsToText(c.points));
  return p;
}

/** One line for the page: which query values were not used. */
export function describeIgnored(ignored: readonly Ignored[]): string {
  const clip = (s: string): string => (s.length > 24 ? `${s.slice(0, 24)}…` : s);
  return (
    'Ignored in the link: ' +
    ignored.map((i) => `${clip(i.key)}=${JSON.stringify(clip(i.value))} (${i.reason})`).join('; ') +
    '. The defaults are used instead.'
  );
}
