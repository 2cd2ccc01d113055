// trainRun: `micrograd train` without the flag parsing, in named stages — load (split, model, Trainer),
// train (the steps), evaluate (final metrics, divergence), save (model and metrics), picture.

import type { Dataset } from '../data/index.js';
import type { Activation, Init, LossName, StepResult, Task, TaskScores } from '../nn/index.js';
import type { DatasetKind } from './loadDataset.js';
import { AtomicFiles } from './AtomicFiles.js';
import { MissingPackageError } from '../viz/loadOptional.js';
import { evaluateStage } from './trainStages/evaluateStage.js';
import { loadStage } from './trainStages/loadStage.js';
import { pictureStage } from './trainStages/pictureStage.js';
import { saveStage } from './trainStages/saveStage.js';
import { trainStage } from './trainStages/trainStage.js';

/** Every picture a run may write; left out together when a picture package is missing. */
const PICTURE_FILES = (): string[] => RUN_FILES.filter((f) => !f.endsWith('.json'));

export interface TrainConfig {
  dataset: string;
  data: Dataset;
  /** What the rows are (points in the plane, images, a table): decides the pictures. */
  kind: DatasetKind;
  layers: number[];
  activation: Activation;
  init: Init;
  /** Classification (class labels) or regression (real-valued targets, MSE, R²); the model carries it. */
  task: Task;
  loss: LossName;
  optimizer: 'sgd' | 'adam';
  lr: number;
  schedule: 'decay' | 'constant';
  steps: number;
  /** When set, steps = epochs × ceil(training samples / batch size). */
  epochs: number | undefined;
  batchSize: number | undefined;
  /** Fraction of the samples held out (seeded split); 0: train on everything, no test metrics. */
  testFraction: number;
  alpha: number;
  /** The noise generated data was made with (names --noise as a likely cause of divergence); undefined for a CSV. */
  noise?: number;
  seed: number;
  out: string | undefined;
  /** Replay a compiled tape (the full batch's graph, or one sample's over each minibatch); false forces eager. */
  compile: boolean;
  /** false: plain lines instead of a progress bar (stdout is not a terminal). */
  tty: boolean;
}

/** Every file a run may write into its folder. */
export const RUN_FILES = [
  'model.json',
  'metrics.json',
  'decision-boundary.svg',
  'decision-boundary.png',
  'curves.svg',
  'curves.png',
  'misclassified.svg',
  'misclassified.png',
];

/** Loss and the task's scores: accuracy, or for regression MSE and R² (accuracy NaN, null in JSON). */
export type Metrics = { loss: number } & TaskScores;

export interface TrainSummary {
  log: StepResult[];
  /** The training split after the last step (what earlier versions called `final`). */
  final: Metrics;
  test: Metrics | undefined;
  /** Training wall time (evaluations included, pictures excluded). */
  seconds: number;
  msPerStep: number;
  files: string[];
}

export async function trainRun(cfg: TrainConfig, write: (s: string) => void): Promise<TrainSummary> {
  const run = loadStage(cfg, write);
  const trained = trainStage(cfg, run, write);
  const result = evaluateStage(cfg, run, trained, write);
  const summary = { log: trained.log, ...result, msPerStep: trained.msPerStep };
  if (cfg.out === undefined) return { ...summary, files: [] };
  // Everything is staged as temporaries and renamed at the end: a failure or a kill before then leaves
  // the folder's previous run whole.
  const staged = new AtomicFiles(cfg.out);
  let skipped: string | undefined;
  try {
    saveStage(staged, cfg, run, trained, result);
    // Pictures need optional packages; without one, the model and metrics are still written (no lost run)
    // and the pictures are skipped with a line saying what to install.
    try {
      await pictureStage(staged, cfg, run, trained, result);
    } catch (e) {
      if (!(e instanceof MissingPackageError)) throw e;
      staged.discard(PICTURE_FILES());
      skipped = e.message;
    }
  } catch (e) {
    staged.abort();
    throw e;
  }
  const files = staged.commit();
  write(`wrote ${files.join(', ')}\n`);
  if (skipped !== undefined) write(`pictures skipped: ${skipped}\n`);
  return { ...summary, files };
}
