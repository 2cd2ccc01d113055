// `micrograd train`: train an MLP on a toy dataset or a CSV file; by default micrograd's moons demo.

import { Command, InvalidArgumentError, Option } from 'commander';
import { parseDecimal } from '../../data/parseDecimal.js';
import {
  ACTIVATIONS,
  INITS,
  inferTask,
  LOSSES,
  TASKS,
  type Init,
  type LossName,
  type Task,
} from '../../nn/index.js';
import { checkTrainData } from '../checkTrainData.js';
import { CliError } from '../CliError.js';
import { DATASETS, datasetKind, loadDataset } from '../loadDataset.js';
import { checkTargets, prepareOutDir, previousDataset } from '../outFolder.js';
import { trainDefaults } from '../trainDefaults.js';
import {
  checkGraphMemory,
  dataBytes,
  MAX_CLASSES,
  MAX_DEPTH,
  MAX_SAMPLES,
  MAX_WIDTH,
} from '../trainLimits.js';
import { RUN_FILES, trainRun } from '../trainRun.js';

function int(
  min: number,
  max = Number.MAX_SAFE_INTEGER,
  tooMany?: (n: number) => string,
): (v: string) => number {
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

function fraction(v: string): number {
  const n = parseDecimal(v);
  if (!(n >= 0 && n < 1)) {
    throw new InvalidArgumentError(`expected a fraction in [0, 1), got "${v}"`);
  }
  return n;
}

function layerList(v: string): number[] {
  if (v.trim() === '') return [];
  const sizes = v.split(',').map((s) => {
    if (!/^\s*\d+\s*$/.test(s) || Number(s) < 1) {
      throw new InvalidArgumentError(
        `expected hidden layer sizes like 16,16 (positive integers), got "${v}"`,
      );
    }
    if (Number(s) > MAX_WIDTH) {
      throw new InvalidArgumentError(`a layer has at most ${MAX_WIDTH} neurons, got ${s.trim()}`);
    }
    return Number(s);
  });
  if (sizes.length > MAX_DEPTH) {
    throw new InvalidArgumentError(`at most ${MAX_DEPTH} hidden layers, got ${sizes.length}`);
  }
  return sizes;
}

/** The held-out part is ceil(n·f) samples (trainTestSplit's count): refuse a fraction that holds out all. */
function checkTestFraction(f: number, n: number): void {
  if (f === 0 || Math.ceil(n * f) < n) return;
  const most = Math.floor((100 * (n - 1)) / n) / 100;
  throw new CliError(
    `--test-fraction ${f} would hold out all ${n} samples, leaving none to train on` +
      (most > 0 ? `: use at most ${most}` : ': there are too few samples to hold any out'),
  );
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
    .option(
      '--layers <sizes>',
      'hidden layer sizes, comma-separated (the output layer is added; default 16,16, digits 64)',
      layerList,
    )
    .addOption(
      new Option('--activation <name>', 'hidden-layer activation (default relu)').choices(ACTIVATIONS),
    )
    .addOption(
      new Option('--init <name>', 'weight initialisation (default uniform, digits he)').choices(INITS),
    )
    .addOption(
      new Option('--task <name>', 'classification, or regression (real-valued labels; MSE, R²)').choices(
        TASKS,
      ),
    )
    .addOption(
      new Option(
        '--loss <name>',
        'max-margin/mse/bce: 2 classes, one output; cross-entropy: k classes (default max-margin for 2 classes, cross-entropy for more)',
      ).choices(LOSSES),
    )
    .addOption(
      new Option('--optimizer <name>', 'optimizer (default sgd, digits adam)').choices(['sgd', 'adam']),
    )
    .option(
      '--lr <rate>',
      'learning rate at step 0 (default 1.0 for sgd, 0.1 on blobs whose points spread ±10; 0.01 for adam)',
      num(0),
    )
    .addOption(
      new Option('--schedule <name>', "decay: lr·(1 - 0.9·k/steps), micrograd's; constant")
        .choices(['decay', 'constant'])
        .default('decay'),
    )
    .option('--steps <n>', 'optimisation steps (default 100)', int(1))
    .option(
      '--epochs <n>',
      'passes over the training samples, instead of --steps (digits default 20)',
      int(1),
    )
    .option('--batch-size <n>', 'samples per step (default: all, as micrograd; digits 32)', int(1))
    .option('--test-fraction <f>', 'samples held out for testing (default 0, digits 0.2)', fraction)
    .option('--alpha <a>', 'L2 penalty alpha·Σp²', num(0), 1e-4)
    .option('--seed <n>', 'seed for the data, the split, the weights and the batches', int(0), 1337)
    .option(
      '-o, --out <dir>',
      'where to write model.json, metrics.json and the pictures (default runs/<dataset>)',
    )
    .option('--no-out', 'write nothing, only train')
    .option('--no-compile', 'rebuild the graph eagerly every step instead of replaying a compiled tape')
    .action(async (o: Record<string, unknown>) => {
      const data = loadDataset({
        dataset: o['dataset'] as string,
        samples: o['samples'] as number,
        noise: o['noise'] as number,
        classes: o['classes'] as number,
        seed: o['seed'] as number,
      });
      const dataset = o['dataset'] as string;
      const d = trainDefaults(dataset);
      const pick = <T>(key: string, fallback: T): T => (o[key] === undefined ? fallback : (o[key] as T));
      if (o['steps'] !== undefined && o['epochs'] !== undefined) {
        throw new CliError('give --steps or --epochs, not both');
      }
      const loadsCsv = dataset.toLowerCase().endsWith('.csv');
      // The task: as asked, or from a CSV whose labels are not class indices (said, so it is no surprise).
      const inferred = loadsCsv && o['task'] === undefined && inferTask(data.y) === 'regression';
      const task = inferred ? 'regression' : pick<Task>('task', 'classification');
      if (inferred)
        process.stdout.write(
          `task: regression (the labels of ${dataset} are not class indices; --task to choose)\n`,
        );
      const k = checkTrainData(data, dataset, loadsCsv ? undefined : (o['noise'] as number), task);
      if (task === 'regression' && o['loss'] !== undefined && o['loss'] !== 'mse') {
        throw new CliError(`--loss ${o['loss'] as string}: regression trains with --loss mse`);
      }
      const loss = task === 'regression' ? 'mse' : pick<LossName>('loss', k > 2 ? 'cross-entropy' : d.loss);
      if (loss !== 'cross-entropy' && k > 2) {
        throw new CliError(
          `--loss ${loss} separates 2 classes but the data has ${k}: use --loss cross-entropy`,
        );
      }
      const optimizer = pick<'sgd' | 'adam'>('optimizer', d.optimizer);
      // The dataset's learning rate goes with its optimizer; another optimizer gets its own default.
      const lr = pick('lr', optimizer === d.optimizer ? d.lr : optimizer === 'adam' ? 0.01 : 1);
      const batchSize = pick<number | undefined>('batchSize', d.batchSize);
      const n = data.X.length;
      if (batchSize !== undefined && batchSize > n) {
        throw new CliError(`--batch-size ${batchSize}: expected at most the ${n} samples`);
      }
      const testFraction = pick('testFraction', d.testFraction);
      checkTestFraction(testFraction, n);
      const layers = pick('layers', d.layers);
      checkGraphMemory(
        [data.X[0]!.length, ...layers, loss === 'cross-entropy' ? k : 1],
        batchSize ?? n,
        'use --batch-size, fewer --samples or smaller --layers',
      );
      const out = o['out'] === false ? undefined : ((o['out'] as string | undefined) ?? d.out);
      if (out !== undefined) {
        // Checked before training: a bad folder must not cost a whole run.
        prepareOutDir(out, '--out');
        const previous = previousDataset(out);
        if (previous !== undefined && previous !== dataset) {
          throw new CliError(
            `--out ${out} holds a run on ${previous}; training ${dataset} there would overwrite it: choose another --out or remove the folder`,
          );
        }
        checkTargets(out, RUN_FILES, '--out');
      }
      await trainRun(
        {
          dataset: o['dataset'] as string,
          data,
          kind: datasetKind(dataset, data),
          layers,
          activation: pick('activation', d.activation),
          init: pick<Init>('init', d.init),
          task,
          loss,
          optimizer,
          lr,
          schedule: o['schedule'] as 'decay' | 'constant',
          steps: pick('steps', d.steps),
          epochs: o['steps'] === undefined ? pick<number | undefined>('epochs', d.epochs) : undefined,
          batchSize,
          testFraction,
          alpha: o['alpha'] as number,
          ...(loadsCsv ? {} : { noise: o['noise'] as number }),
          seed: o['seed'] as number,
          out,
          compile: o['compile'] !== false,
          tty: process.stdout.isTTY === true,
        },
        (s) => process.stdout.write(s),
      );
    });
}
