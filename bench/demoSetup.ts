// The benchmark's demo: exactly what `micrograd train` runs by default, built from the library's pieces.
import { makeMoons, type Dataset } from '../src/data/index.js';
import { microgradDecay } from '../src/nn/schedules.js';
import { MLP } from '../src/nn/MLP.js';
import { Trainer } from '../src/nn/Trainer.js';

export const DEMO_SEED = 1337;
export const DEMO_ALPHA = 1e-4;
const decay = microgradDecay(1, 100);

/** micrograd's schedule 1.0 → 0.1 over 100 steps, repeated, so a benchmark can run any number of steps. */
export const demoLr = (k: number): number => decay(k % 100);

/** `micrograd train`'s defaults: 100 moons points, noise 0.1, seed 1337 (labels 0/1). */
export function demoDataset(): Dataset {
  return makeMoons({ nSamples: 100, noise: 0.1, seed: DEMO_SEED });
}

/** MLP(2, [16, 16, 1]): ReLU hidden layers, a linear output, micrograd's uniform init from seed 1337. */
export function demoModel(): MLP {
  return new MLP(2, [16, 16, 1], { seed: DEMO_SEED });
}

/** The Trainer `micrograd train` builds (max-margin, alpha 1e-4, SGD, full batch); `compile` picks the engine. */
export function demoTrainer(compile: boolean): Trainer {
  return new Trainer(demoModel(), demoDataset(), {
    loss: 'max-margin',
    optimizer: 'sgd',
    lr: demoLr,
    alpha: DEMO_ALPHA,
    seed: DEMO_SEED,
    compile,
  });
}

/**
 * The data with max-margin's -1/+1 targets and the model's starting weights (`weights[l][j] = [b, w0, w1,
 * …]`), exported so PyTorch, TensorFlow.js and the closure port start from the same numbers.
 */
export function demoData(): { X: number[][]; y: number[]; weights: number[][][] } {
  const { X, y } = demoDataset();
  const model = demoModel();
  const weights = model.layers.map((l) => l.neurons.map((n) => [n.b.data, ...n.w.map((w) => w.data)]));
  return { X, y: y.map((c) => c * 2 - 1), weights };
}
