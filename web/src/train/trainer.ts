// Trainer: a dataset, an MLP, a loss and an optimizer from the library, stepped on demand.
//
// Runs in the page's Web Worker and, unchanged, in Node (the tests). Two classes, labelled 0 and 1.

import { makeBlobs, makeCircles, makeMoons, Rng, spiral, xor, type Dataset } from '../../../src/data/index.js';
import { Value } from '../../../src/engine/value.js';
import {
  Adam,
  binaryCrossEntropy,
  maxMargin,
  MLP,
  mse,
  SGD,
  softmaxCrossEntropy,
  type Optimizer,
} from '../../../src/nn/index.js';
import { drawDot } from '../../../src/viz/drawDot.js';
import type { LossName, TrainConfig } from './config.js';

export function makeDataset(c: TrainConfig): Dataset {
  const seed = c.seed;
  switch (c.dataset) {
    case 'moons':
      return makeMoons({ nSamples: c.size, noise: c.noise, seed });
    case 'circles':
      return makeCircles({ nSamples: c.size, noise: c.noise, factor: 0.5, seed });
    case 'xor':
      return xor({ nSamples: c.size, noise: c.noise, seed });
    case 'spiral':
      return spiral({ perClass: Math.ceil(c.size / 2), classes: 2, noise: c.noise, seed });
    case 'blobs':
      return makeBlobs({ nSamples: c.size, centers: 2, clusterStd: Math.max(c.noise, 0.01) * 4, box: 3, seed });
  }
}

/** Per-loss output count and label encoding; `score > 0` always means class 1. */
const LOSS_SPECS: Record<LossName, { nout: number; loss: (out: Value[][], y: number[]) => Value }> = {
  maxMargin: { nout: 1, loss: (out, y) => maxMargin(out.map((o) => o[0]!), y.map((c) => c * 2 - 1)) },
  mse: { nout: 1, loss: (out, y) => mse(out.map((o) => o[0]!), y.map((c) => c * 2 - 1)) },
  bce: { nout: 1, loss: (out, y) => binaryCrossEntropy(out.map((o) => o[0]!), y) },
  softmax: { nout: 2, loss: (out, y) => softmaxCrossEntropy(out, y) },
};

const score = (out: readonly Value[]): number => (out.length === 1 ? out[0]!.data : out[1]!.data - out[0]!.data);

export interface StepReport {
  step: number;
  /** Loss of the last step's batch, before its update. */
  loss: number;
}

export class Trainer {
  readonly config: TrainConfig;
  readonly data: Dataset;
  readonly model: MLP;
  readonly optimizer: Optimizer;
  private readonly rng: Rng;
  steps = 0;
  lastLoss = NaN;

  constructor(config: TrainConfig) {
    this.config = config;
    this.data = makeDataset(config);
    const spec = LOSS_SPECS[config.loss];
    this.model = new MLP(2, [...config.hidden, spec.nout], { activation: config.activation, seed: config.seed });
    const params = this.model.parameters();
    this.optimizer =
      config.optimizer === 'adam' ? new Adam(params, { lr: config.lr }) : new SGD(params, { lr: config.lr });
    this.rng = new Rng(config.seed + 7919);
  }

  /** One optimizer step on a batch (the whole set when batch ≥ size). */
  step(): StepReport {
    const { X, y } = this.data;
    let idx = Array.from({ length: y.length }, (_, i) => i);
    if (this.config.batch < y.length) idx = this.rng.shuffle(idx).slice(0, this.config.batch);
    const out = idx.map((i) => this.model.forward(X[i]!));
    const loss = LOSS_SPECS[this.config.loss].loss(out, idx.map((i) => y[i]!));
    this.optimizer.zeroGrad();
    loss.backward();
    this.optimizer.step();
    this.steps++;
    this.lastLoss = loss.data;
    return { step: this.steps, loss: loss.data };
  }

  /** The model's score for a point: positive means class 1. */
  score(x: number, y: number): number {
    return score(this.model.forward([x, y]));
  }

  /** Fraction of the whole dataset classified correctly. */
  accuracy(): number {
    const { X, y } = this.data;
    let right = 0;
    for (let i = 0; i < y.length; i++) if (this.score(X[i]![0]!, X[i]![1]!) > 0 === (y[i] === 1)) right++;
    return right / y.length;
  }

  /** Scores on a res×res grid over `bounds` (rows from the top), for the decision-boundary picture. */
  grid(bounds: Bounds, res: number): Float32Array {
    const out = new Float32Array(res * res);
    for (let r = 0; r < res; r++) {
      const py = bounds.y1 - ((r + 0.5) / res) * (bounds.y1 - bounds.y0);
      for (let c = 0; c < res; c++) {
        const px = bounds.x0 + ((c + 0.5) / res) * (bounds.x1 - bounds.x0);
        out[r * res + c] = this.score(px, py);
      }
    }
    return out;
  }

  /**
   * The graph of neuron `j` of layer `layer` for one sample, with the grads of that sample's loss. Its inputs
   * are cut loose as labelled leaves (carrying their grads), so the picture shows the neuron alone.
   */
  neuronGraph(layer: number, j: number, sample: number): { dot: string; nodes: number } {
    const { X, y } = this.data;
    const x = X[sample]!;
    let h: Value[] = x.map((v, i) => new Value(v, { label: `x${i}` }));
    let target: Value | undefined;
    this.model.layers.forEach((l, li) => {
      if (li === layer) h = h.map((v, i) => new Value(v.data, { label: li === 0 ? `x${i}` : `h${li}[${i}]` }));
      const outs = l.forward(h);
      if (li === layer) {
        target = outs[j]!;
        const n = l.neurons[j]!;
        n.w.forEach((w, i) => (w.label = `w${i}`));
        n.b.label = 'b';
        target.label = `L${li + 1} N${j + 1}`;
      }
      h = outs;
    });
    const loss = LOSS_SPECS[this.config.loss].loss([h], [y[sample]!]);
    this.optimizer.zeroGrad();
    loss.backward();
    const drawing = drawDot(target!, { rankdir: 'LR' });
    // The training step zeroes grads before its own backward, so leaving these grads here changes nothing.
    return { dot: drawing.source, nodes: drawing.nodeCount };
  }
}

export interface Bounds {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A square-ish box around the points with a margin, so the boundary shows beyond the data. */
export function boundsOf(X: readonly number[][]): Bounds {
  const xs = X.map((p) => p[0]!);
  const ys = X.map((p) => p[1]!);
  const pad = (lo: number, hi: number): [number, number] => {
    const m = (hi - lo) * 0.12 + 0.1;
    return [lo - m, hi + m];
  };
  const [x0, x1] = pad(Math.min(...xs), Math.max(...xs));
  const [y0, y1] = pad(Math.min(...ys), Math.max(...ys));
  return { x0, x1, y0, y1 };
}
