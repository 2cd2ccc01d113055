// `micrograd train`: train an MLP on a toy dataset or a CSV file; by default micrograd's moons demo.

import { Command, InvalidArgumentError, Option } from 'commander';
import { ACTIVATIONS, INITS, LOSSES, type Init, type LossName } from '../../nn/index.js';
import { DATASETS, loadDataset } from '../loadDataset.js';
import { trainDefaults } from '../trainDefaults.js';
import { trainRun } from '../trainRun.js';

function int(min: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!/^\s*\d+\s*$/.test(v) || n < min)
      throw new InvalidArgumentError(`expected an integer >= ${min}, got "${v}"`);
    return n;
  };
}

function num(min: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < min)
      throw new InvalidArgumentError(`expected a number >= ${min}, got "${v}"`);
    return n;
  };
}

function fraction(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !(n >= 0 && n < 1)) {
    throw new InvalidArgumentError(`expected a fraction in [0, 1), got "${v}"`);
  }
  return n;
}

function layerList(v: string): number[] {
  if (v.trim() === '') return [];
  return v.split(',').map((s) => {
    if (!/^\s*\d+\s*$/.test(s) || Number(s) < 1) {
      throw new InvalidArgumentError(
        `expected hidden layer sizes like 16,16 (positive integers), got "${v}"`,
      );
    }
    return Number(s);
  });
}

export function trainCommand(): Command {
  return new Command('train')
    .description("train an MLP and draw its decision boundary (defaults: micrograd's moons demo)")
    .option('--dataset <name|file.csv>', `${DATASETS.join(', ')} or a CSV file (features…, label)`, 'moons')
    .option('--samples <n>', 'number of points (generated datasets)', int(2), 100)
    .option('--noise <sd>', 'noise of the generated points (blobs: cluster std 10×noise)', num(0), 0.1)
    .option('--classes <k>', 'classes for blobs and spiral', int(2), 3)
    .option(
      '--layers <sizes>',
      'hidden layer sizes, comma-separated (the output layer is added; default 16,16, digits 32)',
      layerList,
    )
    .addOption(
      new Option('--activation <name>', 'hidden-layer activation (default relu)').choices(ACTIVATIONS),
    )
    .addOption(
      new Option('--init <name>', 'weight initialisation (default uniform, digits he)').choices(INITS),
    )
    .addOption(
      new Option(
        '--loss <name>',
        'max-margin/mse/bce: 2 classes, one output; cross-entropy: k classes (default max-margin, digits cross-entropy)',
      ).choices(LOSSES),
    )
    .addOption(
      new Option('--optimizer <name>', 'optimizer (default sgd, digits adam)').choices(['sgd', 'adam']),
    )
    .option('--lr <rate>', 'learning rate at step 0 (default 1.0, digits 0.01)', num(0))
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
      '--out <dir>',
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
      const d = trainDefaults(o['dataset'] as string);
      const pick = <T>(key: string, fallback: T): T => (o[key] === undefined ? fallback : (o[key] as T));
      if (o['steps'] !== undefined && o['epochs'] !== undefined) {
        throw new InvalidArgumentError('give --steps or --epochs, not both');
      }
      const out = o['out'] === undefined ? d.out : o['out'];
      const loadsCsv = (o['dataset'] as string).toLowerCase().endsWith('.csv');
      await trainRun(
        {
          dataset: o['dataset'] as string,
          data,
          layers: pick('layers', d.layers),
          activation: pick('activation', d.activation),
          init: pick<Init>('init', d.init),
          loss: pick<LossName>('loss', d.loss),
          optimizer: pick<'sgd' | 'adam'>('optimizer', d.optimizer),
          lr: pick('lr', d.lr),
          schedule: o['schedule'] as 'decay' | 'constant',
          steps: pick('steps', d.steps),
          epochs: o['steps'] === undefined ? pick<number | undefined>('epochs', d.epochs) : undefined,
          batchSize: pick('batchSize', d.batchSize),
          testFraction: pick('testFraction', d.testFraction),
          alpha: o['alpha'] as number,
          ...(loadsCsv ? {} : { noise: o['noise'] as number }),
          seed: o['seed'] as number,
          out: typeof out === 'string' ? out : undefined,
          compile: o['compile'] !== false,
          tty: process.stdout.isTTY === true,
        },
        (s) => process.stdout.write(s),
      );
    });
}
