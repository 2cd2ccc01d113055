// TrainingRun: the train page's setup made real — a dataset, an MLP and the library's Trainer — plus the
// pictures the page needs (scores on a grid, one neuron's graph). Runs in the page's worker and in Node.

import { makeBlobs, makeCircles, makeMoons, spiral, xor, type Dataset } from '../../../src/data/index.js';
import { Value } from '../../../src/engine/value.js';
import { lossGraph, MLP, Trainer, type StepResult } from '../../../src/nn/index.js';
import { drawDot } from '../../../src/viz/drawDot.js';
import { outputsFor, type TrainConfig } from './config.js';

/** The dataset a config names, always two classes (0 and 1). */
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
      // Noise is the clusters' spread; a box of 3 keeps the two centres on the same scale as the others.
      return makeBlobs({
        nSamples: c.size,
        centers: 2,
        clusterStd: Math.max(c.noise, 0.01) * 4,
        box: 3,
        seed,
      });
  }
}

/** One output row as a single number whose sign is the predicted class (positive: class 1). */
const score = (row: readonly Value[]): number =>
  row.length === 1 ? row[0]!.data : row[1]!.data - row[0]!.data;

export interface Bounds {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export class TrainingRun {
  readonly config: TrainConfig;
  readonly data: Dataset;
  readonly model: MLP;
  readonly trainer: Trainer;
  lastLoss = NaN;

  constructor(config: TrainConfig) {
    this.config = config;
    this.data = makeDataset(config);
    this.model = new MLP(2, [...config.hidden, outputsFor(config.loss)], {
      activation: config.activation,
      seed: config.seed,
    });
    this.trainer = new Trainer(this.model, this.data, {
      loss: config.loss,
      optimizer: config.optimizer,
      lr: config.lr,
      batchSize: Math.min(config.batch, this.data.X.length),
      seed: config.seed,
      // The page reads StepResult.divergence and pauses; it must not lose the run to a throw.
      onDivergence: 'report',
    });
  }

  get steps(): number {
    return this.trainer.optimizer.stepCount;
  }

  step(): StepResult {
    const r = this.trainer.step();
    this.lastLoss = r.loss;
    return r;
  }

  /** Accuracy on the whole dataset at the current weights. */
  accuracy(): number {
    return this.trainer.evaluate().accuracy;
  }

  /** Scores on a res×res grid over `bounds` (rows from the top), for the decision-boundary picture. */
  grid(bounds: Bounds, res: number): Float32Array {
    const out = new Float32Array(res * res);
    for (let r = 0; r < res; r++) {
      const py = bounds.y1 - ((r + 0.5) / res) * (bounds.y1 - bounds.y0);
      for (let c = 0; c < res; c++) {
        const px = bounds.x0 + ((c + 0.5) / res) * (bounds.x1 - bounds.x0);
        out[r * res + c] = score(this.model.forward([px, py]));
      }
    }
    return out;
  }

  /**
   * The graph of neuron `j` of layer `layer` for one sample, with the grads of the training loss on that
   * sample alone. The neuron's inputs are cut loose as labelled leaves (carrying their grads), so the
   * picture shows the neuron, not the whole network below it.
   */
  /** `loss` is the sample's data loss (without the L2 term). */
  neuronGraph(layer: number, j: number, sample: number): { dot: string; nodes: number; loss: number } {
    const x = this.data.X[sample]!;
    let h: Value[] = x.map((v, i) => new Value(v, { label: `x${i}` }));
    let target: Value | undefined;
    this.model.layers.forEach((l, li) => {
      if (li === layer)
        h = h.map((v, i) => new Value(v.data, { label: li === 0 ? `x${i}` : `h${li}[${i}]` }));
      const outs = l.forward(h);
      if (li === layer) {
        const n = l.neurons[j]!;
        n.w.forEach((w, i) => (w.label = `w${i}`));
        n.b.label = 'b';
        target = outs[j]!;
        target.label = `L${li + 1} N${j + 1}`;
      }
      h = outs;
    });
    // The library's loss for this one sample, fed the outputs just computed (so the cut stays in place).
    const outputs = h;
    const asModel = { forward: () => outputs, parameters: () => this.model.parameters() } as unknown as MLP;
    const { loss, dataLoss } = lossGraph(
      asModel,
      [x],
      [this.data.y[sample]!],
      this.config.loss,
      this.trainer.alpha,
    );
    // The next training step zeroes grads before its own backward, so this pass changes nothing there.
    this.trainer.optimizer.zeroGrad();
    loss.backward();
    // Top to bottom: a neuron with many inputs is a long chain of additions, easier to scroll down than across.
    const drawing = drawDot(target!, { rankdir: 'TB' });
    return { dot: drawing.source, nodes: drawing.nodeCount, loss: dataLoss.data };
  }
}

/** A box around the points with a margin, so the boundary shows beyond the data. */
export function boundsOf(X: readonly number[][]): Bounds {
  const pad = (vs: number[]): [number, number] => {
    const lo = Math.min(...vs);
    const hi = Math.max(...vs);
    const m = (hi - lo) * 0.12 + 0.1;
    return [lo - m, hi + m];
  };
  const [x0, x1] = pad(X.map((p) => p[0]!));
  const [y0, y1] = pad(X.map((p) => p[1]!));
  return { x0, x1, y0, y1 };
}
