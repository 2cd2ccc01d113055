// loadStage: the first stage of a training run — split the data, build the model and its Trainer, say what will run.

import { classCount, trainTestSplit, type Dataset } from '../../data/index.js';
import { MLP, Trainer } from '../../nn/index.js';
import { CliError } from '../CliError.js';
import type { TrainConfig } from '../trainRun.js';

/** Everything the later stages share: the split, the model, its Trainer and the run's length. */
export interface LoadedRun {
  /** The samples trained on (all of them when nothing is held out). */
  data: Dataset;
  /** The held-out samples, when --test-fraction is above 0. */
  testData: Dataset | undefined;
  model: MLP;
  trainer: Trainer;
  steps: number;
  /** Steps per pass over the training samples. */
  perEpoch: number;
}

/** `MLP 2-16-16-1`: the model's shape in one short word. */
export const shapeOf = (model: MLP): string => `MLP ${[model.nin, ...model.nouts].join('-')}`;

export function loadStage(cfg: TrainConfig, write: (s: string) => void): LoadedRun {
  const all = cfg.data;
  const split =
    cfg.testFraction > 0 ? trainTestSplit(all, { testFraction: cfg.testFraction, seed: cfg.seed }) : null;
  const data = split?.train ?? all;
  const testData = split?.test;
  const nin = data.X[0]!.length;
  // Classes of the whole dataset (a loop, not Math.max(...y)): a split may miss the rarest class.
  const outs = cfg.loss === 'cross-entropy' ? classCount(all.y) : 1;
  if (cfg.batchSize !== undefined && cfg.batchSize > data.X.length) {
    throw new CliError(
      `--batch-size ${cfg.batchSize}: expected at most the ${data.X.length} ${testData ? 'training ' : ''}samples`,
    );
  }
  const model = new MLP(nin, [...cfg.layers, outs], {
    activation: cfg.activation,
    init: cfg.init,
    seed: cfg.seed,
    task: cfg.task,
  });
  const perEpoch = Math.ceil(data.X.length / Math.min(cfg.batchSize ?? data.X.length, data.X.length));
  const steps = cfg.epochs === undefined ? cfg.steps : cfg.epochs * perEpoch;
  const trainer = new Trainer(model, data, {
    loss: cfg.loss,
    optimizer: cfg.optimizer,
    lr: cfg.schedule === 'decay' ? (s: number) => cfg.lr - (0.9 * cfg.lr * s) / steps : cfg.lr,
    steps,
    alpha: cfg.alpha,
    ...(cfg.batchSize === undefined ? {} : { batchSize: cfg.batchSize }),
    seed: cfg.seed,
    compile: cfg.compile,
  });
  write(
    `${String(model).length > 120 ? shapeOf(model) : String(model)}, ${model.parameters().length} parameters\n`,
  );
  write(
    `${data.X.length} samples of ${cfg.dataset}${cfg.task === 'regression' ? ' (regression)' : ''}${testData ? ` (${testData.X.length} more held out for testing)` : ''}, ${cfg.loss} loss + ${cfg.alpha}·Σp², ${cfg.optimizer} lr ${cfg.lr}` +
      `${cfg.schedule === 'decay' ? ` decaying to ${cfg.lr / 10}` : ''}, ${steps} steps${cfg.epochs === undefined ? '' : ` (${cfg.epochs} epochs)`}, batch ${trainer.batchSize}\n`,
  );
  write(
    trainer.engine === 'tape'
      ? `engine: compiled tape (${trainer.batchSize === data.X.length ? 'the graph is recorded once and replayed every step' : "one sample's graph is recorded once and replayed over every batch"}; --no-compile for eager)\n`
      : 'engine: eager (the graph is rebuilt every step, as --no-compile asks)\n',
  );
  return { data, testData, model, trainer, steps, perEpoch };
}
