// `micrograd train`: train an MLP on a toy dataset or a CSV file; by default micrograd's moons demo.

import { basename, extname, join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseDecimal } from '../../data/parseDecimal.js';
import { ACTIVATIONS, LOSSES, type Activation, type LossName } from '../../nn/index.js';
import { CliError } from '../CliError.js';
import { DATASETS, loadDataset } from '../loadDataset.js';
import { checkTargets, prepareOutDir, previousDataset } from '../outFolder.js';
import { checkTrainData } from '../checkTrainData.js';
import {
  checkGraphMemory,
  dataBytes,
  MAX_CLASSES,
  MAX_DEPTH,
  MAX_SAMPLES,
  MAX_WIDTH,
} from '../trainLimits.js';
import { RUN_FILES, trainRun } from '../trainRun.js';

function int(min: number, max: number, tooMany?: (n: number) => string): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\s*\d+\s*$/.test(v) || n < min)
      throw new InvalidArgumentError(`expected an integer >= ${min}, got "${v}"`);
    if (n > max) throw new InvalidArgumentError(`the most is ${max}${tooMany ? ` (${tooMany(n)})` : ''}`);
    return n;
  };
}

function num(min: number): (v: string) => number {
  return (v) => {
    const n = parseDecimal(v);
    if (!Number.isFinite(n) || n < min)
      throw new InvalidArgumentError(`expected a decimal number >= ${min}, got "${v}"`);
    return n;
  };
}

function layerList(v: string): number[] {
  if (v.trim() === '') return [];
  const sizes = v.split(',').map((s) => {
    if (!/^\s*\d+\s*$/.test(s) || Number(s) < 1) {
      throw new InvalidArgumentError(
        `expected hidden layer sizes like 16,16 (positive integers), got "${v}"`,
      );
    }
    if (Number(s) > MAX_WIDTH)
      throw new InvalidArgumentError(`a layer has at most ${MAX_WIDTH} neurons, got ${s.trim()}`);
    return Number(s);
  });
  if (sizes.length > MAX_DEPTH)
    throw new InvalidArgumentError(`at most ${MAX_DEPTH} hidden layers, got ${sizes.length}`);
  return sizes;
}

/** Where a run goes by default: runs/<dataset name>, or runs/<CSV file name without .csv>. */
export function defaultOut(dataset: string): string {
  const name = dataset.toLowerCase().endsWith('.csv') ? basename(dataset, extname(dataset)) : dataset;
  return join('runs', name);
}

interface TrainFlags {
  dataset: string;
  samples: number;
  noise: number;
  classes: number;
  layers: number[];
  activation: Activation;
  loss?: LossName;
  optimizer: 'sgd' | 'adam';
  lr?: number;
  schedule: 'decay' | 'constant';
  steps: number;
  batchSize?: number;
  alpha: number;
  seed: number;
  out?: string | false;
  compile: boolean;
}

export function trainCommand(): Command {
  return new Command('train')
    .description("train an MLP and draw its decision boundary (defaults: micrograd's moons demo)")
    .option('--dataset <name|file.csv>', `${DATASETS.join(', ')} or a CSV file (features…, label)`, 'moons')
    .option(
      '--samples <n>',
      'number of points (generated datasets)',
      int(2, MAX_SAMPLES, (n) => `${n} points would take about ${dataBytes(n, 2)} before training`),
      100,
    )
    .option('--noise <sd>', 'noise of the generated points (blobs: cluster std 10×noise)', num(0), 0.1)
    .option('--classes <k>', 'classes for blobs and spiral', int(2, MAX_CLASSES), 3)
    .addOption(
      new Option('--layers <sizes>', 'hidden layer sizes, comma-separated (the output layer is added)')
        .argParser(layerList)
        .default([16, 16], '16,16'),
    )
    .addOption(
      new Option('--activation <name>', 'hidden-layer activation').choices(ACTIVATIONS).default('relu'),
    )
    .addOption(
      new Option(
        '--loss <name>',
        'max-margin/mse/bce: 2 classes, one output; cross-entropy: k classes (default: max-margin for 2 classes, cross-entropy for more)',
      ).choices(LOSSES),
    )
    .addOption(new Option('--optimizer <name>', 'optimizer').choices(['sgd', 'adam']).default('sgd'))
    .addOption(
      new Option(
        '--lr <rate>',
        'learning rate at step 0 (default: 1 for sgd, 0.1 on blobs whose points spread ±10; 0.01 for adam)',
      ).argParser(num(0)),
    )
    .addOption(
      new Option('--schedule <name>', "decay: lr·(1 - 0.9·k/steps), micrograd's; constant")
        .choices(['decay', 'constant'])
        .default('decay'),
    )
    .option('--steps <n>', 'optimisation steps', int(1, Number.MAX_SAFE_INTEGER), 100)
    .option(
      '--batch-size <n>',
      'samples per step (default: all, as micrograd)',
      int(1, Number.MAX_SAFE_INTEGER),
    )
    .option('--alpha <a>', 'L2 penalty alpha·Σp²', num(0), 1e-4)
    .option(
      '--seed <n>',
      'seed for the data, the weights and the batches',
      int(0, Number.MAX_SAFE_INTEGER),
      1337,
    )
    .addOption(
      new Option(
        '--out <dir>',
        'where to write model.json, metrics.json and the pictures (default: runs/<dataset>, e.g. runs/circles, runs/points for points.csv)',
      ),
    )
    .option('--no-out', 'write nothing, only train')
    .option('--no-compile', 'rebuild the graph eagerly every step instead of replaying a compiled tape')
    .action(async (o: TrainFlags) => {
      const loadsCsv = o.dataset.toLowerCase().endsWith('.csv');
      const data = loadDataset({
        dataset: o.dataset,
        samples: o.samples,
        noise: o.noise,
        classes: o.classes,
        seed: o.seed,
      });
      const k = checkTrainData(data, o.dataset, loadsCsv ? undefined : o.noise);
      const loss: LossName = o.loss ?? (k > 2 ? 'cross-entropy' : 'max-margin');
      if (loss !== 'cross-entropy' && k > 2) {
        throw new CliError(
          `--loss ${loss} separates 2 classes but the data has ${k}: use --loss cross-entropy`,
        );
      }
      const n = data.X.length;
      if (o.batchSize !== undefined && o.batchSize > n) {
        throw new CliError(`--batch-size ${o.batchSize}: expected at most the ${n} samples`);
      }
      const nin = data.X[0]!.length;
      checkGraphMemory(
        [nin, ...o.layers, loss === 'cross-entropy' ? k : 1],
        o.batchSize ?? n,
        'use --batch-size, fewer --samples or smaller --layers',
      );
      const out = o.out === false ? undefined : (o.out ?? defaultOut(o.dataset));
      if (out !== undefined) {
        // Checked before training: a bad folder must not cost a whole run.
        prepareOutDir(out, '--out');
        const previous = previousDataset(out);
        if (previous !== undefined && previous !== o.dataset) {
          throw new CliError(
            `--out ${out} holds a run on ${previous}; training ${o.dataset} there would overwrite it: choose another --out or remove the folder`,
          );
        }
        checkTargets(out, RUN_FILES, '--out');
      }
      await trainRun(
        {
          dataset: o.dataset,
          data,
          layers: o.layers,
          activation: o.activation,
          loss,
          optimizer: o.optimizer,
          lr: o.lr ?? (o.optimizer === 'adam' ? 0.01 : o.dataset === 'blobs' ? 0.1 : 1),
          schedule: o.schedule,
          steps: o.steps,
          batchSize: o.batchSize,
          alpha: o.alpha,
          ...(loadsCsv ? {} : { noise: o.noise }),
          seed: o.seed,
          out,
          compile: o.compile,
          tty: process.stdout.isTTY === true,
        },
        (s) => process.stdout.write(s),
      );
    });
}
