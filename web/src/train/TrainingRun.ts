// TrainingRun: the train page's setup made real — data split into train and test, the chosen features, an
// MLP and the library's Trainer — plus what the page measures and draws. Runs in the page's worker and in Node.

import { Rng } from '../../../src/data/Rng.js';
import type { Dataset } from '../../../src/data/Dataset.js';
import { Value } from '../../../src/engine/value.js';
import { lossGraph, MLP, taskScores, Trainer, type BatchGraph } from '../../../src/nn/index.js';
import type { Optimizer } from '../../../src/nn/Optimizer.js';
import { activateNumber } from '../../../src/nn/activation.js';
import { compile } from '../../../src/tape/compile.js';
import type { Tape } from '../../../src/tape/Tape.js';
import { drawDot } from '../../../src/viz/drawDot.js';
import { outputsFor, type TrainConfig } from './config.js';
import { makeDataset } from './datasets.js';
import { badWeight, explainDivergence, type PageDivergence } from './divergence.js';
import { featureRow } from './features.js';

export interface Bounds {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * Loss (the data loss, without regularization, as Playground shows it) of one set, with accuracy for
 * classification or R² for regression (the other NaN).
 */
export interface SetScore {
  loss: number;
  accuracy: number;
  r2: number;
}

export interface Measure {
  step: number;
  train: SetScore;
  test: SetScore;
}

/** A loss graph recorded once and replayed from the current weights: measuring costs one tape forward. */
interface EvalTape {
  graph: BatchGraph;
  tape: Tape;
  y: number[];
}

/** The weights, optimizer and settings a run hands on when only its data changes (a click adds a point). */
export interface Carried {
  model: MLP;
  optimizer: Optimizer;
  live: LiveRates;
}

/** The settings that change while a run goes on (Playground keeps training with the new value). */
export interface LiveRates {
  lr: number;
  regularization: TrainConfig['regularization'];
  regRate: number;
}

export class TrainingRun {
  readonly config: TrainConfig;
  /** Every point, in the plane (x1, x2), with its class. */
  readonly data: Dataset;
  /** Which points train (the rest test), as indices into `data`. */
  readonly trainIdx: number[];
  readonly testIdx: number[];
  readonly model: MLP;
  readonly trainer: Trainer;
  /** Shared with a run that carries this one's weights on, so the optimizer's rate reads the current one. */
  readonly live: LiveRates;
  private readonly evals: { train?: EvalTape; test?: EvalTape } = {};

  /** A fresh run of `config`, or (with `carried`) one that goes on training the same weights on new data. */
  constructor(config: TrainConfig, carried?: Carried) {
    this.config = config;
    this.data = makeDataset(config);
    const n = this.data.X.length;
    const order = new Rng(config.seed + 7919).shuffle(Array.from({ length: n }, (_, i) => i));
    const nTrain = Math.min(n - 1, Math.max(1, Math.round((n * config.trainPct) / 100)));
    this.trainIdx = order.slice(0, nTrain).sort((a, b) => a - b);
    this.testIdx = order.slice(nTrain).sort((a, b) => a - b);
    this.live = carried?.live ?? {
      lr: config.lr,
      regularization: config.regularization,
      regRate: config.regRate,
    };
    const live = this.live;
    this.model =
      carried?.model ??
      new MLP(config.features.length, [...config.hidden, outputsFor(config.loss)], {
        activation: config.activation,
        seed: config.seed,
        task: config.problem,
      });
    const train = this.subset(this.trainIdx);
    this.trainer = new Trainer(this.model, train, {
      loss: config.loss,
      // A schedule that reads the run's current rate, so a change applies from the next step on; a carried
      // optimizer (its Adam moments, its step count) already reads the same shared settings.
      ...(carried === undefined
        ? { optimizer: config.optimizer, lr: () => live.lr }
        : { optimizer: carried.optimizer }),
      // Regularization is applied to the weights after each step, as Playground does (see `regularize`).
      alpha: 0,
      batchSize: Math.min(config.batch, train.X.length),
      seed: config.seed,
      // The page reads StepResult.divergence and pauses; it must not lose the run to a throw.
      onDivergence: 'report',
    });
  }

  /** What a run on new data needs to go on from here. */
  carry(): Carried {
    return { model: this.model, optimizer: this.trainer.optimizer, live: this.live };
  }

  get lr(): number {
    return this.live.lr;
  }

  /** The points at `idx` as the network's inputs (the chosen features) and labels. */
  subset(idx: readonly number[]): Dataset {
    return {
      X: idx.map((i) => this.inputs(this.data.X[i]!)),
      y: idx.map((i) => this.data.y[i]!),
    };
  }

  inputs(p: readonly number[]): number[] {
    return featureRow(this.config.features, p[0]!, p[1]!);
  }

  get steps(): number {
    return this.trainer.optimizer.stepCount;
  }

  /** Whether measuring has to record the graphs first (the slow part of a big run's first report). */
  needsRecording(which: 'train' | 'test'): boolean {
    return this.evals[which] === undefined && (which === 'train' ? this.trainIdx : this.testIdx).length > 0;
  }

  /**
   * One step: the Trainer's forward, backward and update, then regularization. A divergence (the library's
   * check, or a weight gone non-finite) is returned, explained for the current settings.
   */
  step(): PageDivergence | null {
    const r = this.trainer.step();
    if (r.divergence !== undefined) return explainDivergence(r.divergence, this.settings(), this.data.X);
    this.regularize();
    const bad = badWeight(this.model.parameters());
    if (bad === undefined) return null;
    const why = `a weight became ${bad} at step ${r.step}`;
    return explainDivergence(
      { step: r.step, loss: NaN, best: r.loss, reason: why },
      this.settings(),
      this.data.X,
    );
  }

  private settings(): Parameters<typeof explainDivergence>[1] {
    return { ...this.config, ...this.live };
  }

  /**
   * Playground's regularization: after the gradient step each weight (not bias) moves by lr·rate·R′(w), with
   * R = |w| (L1, stopping at 0 rather than crossing it) or w²/2 (L2).
   */
  private regularize(): void {
    const { regularization, regRate, lr } = this.live;
    if (regularization === 'none' || regRate === 0) return;
    const k = lr * regRate;
    for (const layer of this.model.layers) {
      for (const n of layer.neurons) {
        for (const w of n.w) {
          const old = w.data;
          if (regularization === 'l2') w.data = old - k * old;
          else {
            const next = old - k * Math.sign(old);
            w.data = old * next < 0 ? 0 : next;
          }
        }
      }
    }
  }

  /** Record (once) the loss graph of the train or test set, compiled to a tape. */
  private evalTape(which: 'train' | 'test'): EvalTape | undefined {
    const idx = which === 'train' ? this.trainIdx : this.testIdx;
    if (idx.length === 0) return undefined;
    let e = this.evals[which];
    if (e === undefined) {
      const { X, y } = this.subset(idx);
      const graph = lossGraph(this.model, X, y, this.config.loss, 0);
      const tape = compile(graph.loss, { outputs: [graph.dataLoss, ...graph.outputs.flat()] });
      e = { graph, tape, y };
      this.evals[which] = e;
    }
    return e;
  }

  /** Data loss and accuracy of the train and test sets, both at the current weights. */
  measure(): Measure {
    const score = (which: 'train' | 'test'): SetScore => {
      const e = this.evalTape(which);
      if (e === undefined) return { loss: NaN, accuracy: NaN, r2: NaN };
      e.tape.forward();
      const s = taskScores(this.model.task, e.graph.outputs, e.y);
      return { loss: e.graph.dataLoss.data, accuracy: s.accuracy, r2: s.r2 ?? NaN };
    };
    return { step: this.steps, train: score('train'), test: score('test') };
  }

  /** Every neuron's output (and every feature) at the current weights, for the input row `x`. */
  activations(x: readonly number[]): number[][] {
    const out: number[][] = [x.slice()];
    let h: readonly number[] = x;
    for (const layer of this.model.layers) {
      h = layer.neurons.map((n) => {
        let act = n.b.data;
        for (let i = 0; i < n.w.length; i++) act = act + n.w[i]!.data * h[i]!;
        return activateNumber(act, n.activation);
      });
      out.push(h as number[]);
    }
    return out;
  }

  /**
   * Values over a res×res grid of `bounds` (rows from the top): for `all`, one array per feature and per
   * neuron (the network picture's thumbnails); otherwise only the output score (positive: class 1), or for
   * regression the predicted value.
   */
  grid(bounds: Bounds, res: number, all: boolean): Float32Array[] {
    const count = all ? this.config.features.length + this.model.nouts.reduce((a, b) => a + b, 0) : 1;
    const maps = Array.from({ length: count }, () => new Float32Array(res * res));
    for (let r = 0; r < res; r++) {
      const py = bounds.y1 - ((r + 0.5) / res) * (bounds.y1 - bounds.y0);
      for (let c = 0; c < res; c++) {
        const px = bounds.x0 + ((c + 0.5) / res) * (bounds.x1 - bounds.x0);
        const acts = this.activations(this.inputs([px, py]));
        if (all) {
          let k = 0;
          for (const layer of acts) for (const v of layer) maps[k++]![r * res + c] = v;
        } else maps[0]![r * res + c] = score(acts.at(-1)!);
      }
    }
    return maps;
  }

  /** The weights as [layer][neuron][input] and biases as [layer][neuron], for the network picture. */
  /** Set one weight (an edited edge): layer `layer`, neuron `j`, input `i`. */
  setWeight(layer: number, j: number, i: number, value: number): void {
    const w = this.model.layers[layer]?.neurons[j]?.w[i];
    if (w === undefined)
      throw new RangeError(`setWeight: no weight at layer ${layer}, neuron ${j}, input ${i}`);
    if (!Number.isFinite(value)) throw new RangeError(`setWeight: expected a finite number, got ${value}`);
    w.data = value;
  }

  weights(): { w: number[][][]; b: number[][] } {
    return {
      w: this.model.layers.map((l) => l.neurons.map((n) => n.w.map((v) => v.data))),
      b: this.model.layers.map((l) => l.neurons.map((n) => n.b.data)),
    };
  }

  /**
   * The graph of neuron `j` of layer `layer` for one point, with the grads of the data loss on that point
   * alone. The neuron's inputs are cut loose as labelled leaves (carrying their grads), so the picture shows
   * the neuron, not the whole network below it.
   */
  neuronGraph(layer: number, j: number, sample: number): { dot: string; nodes: number; loss: number } {
    const x = this.inputs(this.data.X[sample]!);
    const names = this.config.features;
    let h: Value[] = x.map((v, i) => new Value(v, { label: names[i]! }));
    let target: Value | undefined;
    this.model.layers.forEach((l, li) => {
      if (li === layer && li > 0) h = h.map((v, i) => new Value(v.data, { label: `h${li}[${i}]` }));
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
    // The library's loss for this one point, fed the outputs just computed (so the cut stays in place).
    const outputs = h;
    const asModel = {
      forward: () => outputs,
      parameters: () => this.model.parameters(),
      task: this.model.task,
    } as unknown as MLP;
    const { loss } = lossGraph(asModel, [x], [this.data.y[sample]!], this.config.loss, 0);
    // The next training step zeroes grads before its own backward, so this pass changes nothing there.
    this.trainer.optimizer.zeroGrad();
    loss.backward();
    // Top to bottom: a neuron with many inputs is a long chain of additions, easier to scroll down than across.
    const drawing = drawDot(target!, { rankdir: 'TB' });
    return { dot: drawing.source, nodes: drawing.nodeCount, loss: loss.data };
  }
}

/** One output row as a single number whose sign is the predicted class (positive: class 1). */
const score = (row: readonly number[]): number => (row.length === 1 ? row[0]! : row[1]! - row[0]!);

/** A box around the points with a margin, so the boundary shows beyond the data. */
export function boundsOf(X: readonly number[][]): Bounds {
  const pad = (vs: number[]): [number, number] => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of vs) {
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    const m = (hi - lo) * 0.12 + 0.1;
    return [lo - m, hi + m];
  };
  const [x0, x1] = pad(X.map((p) => p[0]!));
  const [y0, y1] = pad(X.map((p) => p[1]!));
  return { x0, x1, y0, y1 };
}
