// The benchmark's digits epoch: `micrograd train --dataset digits`'s defaults, one epoch = 45 minibatch steps.
import { loadDigits, trainTestSplit, type Dataset } from '../src/data/index.js';
import { topoSort, Value } from '../src/engine/value.js';
import { lossGraph } from '../src/nn/lossGraph.js';
import { MLP } from '../src/nn/MLP.js';
import { Trainer } from '../src/nn/Trainer.js';
import { trainDefaults } from '../src/cli/trainDefaults.js';
import type { JsRow } from './jsRows.js';

const SEED = 1337;
const ALPHA = 1e-4;
const d = trainDefaults('digits');
export const DIGITS_BATCH = d.batchSize!;

export function digitsTrain(): Dataset {
  return trainTestSplit(loadDigits(), { testFraction: d.testFraction, seed: SEED }).train;
}

const model = (): MLP =>
  new MLP(64, [...d.layers, 10], { seed: SEED, init: d.init, activation: d.activation });

function trainer(compile: boolean): Trainer {
  return new Trainer(model(), digitsTrain(), {
    loss: d.loss,
    optimizer: d.optimizer,
    lr: d.lr,
    batchSize: DIGITS_BATCH,
    steps: 1_000_000,
    alpha: ALPHA,
    seed: SEED,
    compile,
  });
}

/**
 * The first epoch's minibatches (in the Trainer's order) and the starting weights (`weights[l][j] = [b, w0,
 * …]`), so PyTorch trains on the same samples from the same numbers; and the eager graph's nodes per epoch.
 */
export function digitsPeerData(): { batches: Dataset[]; weights: number[][][]; nodesPerEpoch: number } {
  const t = trainer(false);
  const steps = Math.ceil(t.data.X.length / DIGITS_BATCH);
  const batches = Array.from({ length: steps }, () => t.nextBatch());
  const weights = t.model.layers.map((l) => l.neurons.map((n) => [n.b.data, ...n.w.map((w) => w.data)]));
  let nodesPerEpoch = 0;
  for (const b of batches) {
    const g = lossGraph(
      t.model,
      b.X.map((r) => r.map((x) => new Value(x))),
      b.y,
      d.loss,
      ALPHA,
    );
    nodesPerEpoch += topoSort(g.loss).length;
  }
  return { batches, weights, nodesPerEpoch };
}

/**
 * ms per epoch over the training split: the one-sample tape as `micrograd train` runs it (`Trainer.run` over
 * an epoch's steps, 'run'), the same steps one `Trainer.step()` at a time ('step'), or eager graphs.
 */
export function digitsEpochRow(engine: 'run' | 'step' | 'eager'): JsRow {
  const t = trainer(engine !== 'eager');
  const steps = Math.ceil(t.data.X.length / DIGITS_BATCH);
  const epoch =
    engine === 'run'
      ? () => void t.run(steps)
      : () => {
          for (let s = 0; s < steps; s++) t.step();
        };
  const firstLoss = t.step().loss;
  for (let s = 1; s < steps; s++) t.step();
  const run = (epochs: number): number => {
    const t0 = performance.now();
    for (let e = 0; e < epochs; e++) epoch();
    return (performance.now() - t0) / epochs;
  };
  return { firstLoss, info: {}, run };
}
