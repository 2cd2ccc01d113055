// Trainer: micrograd's demo loop (forward, loss, zeroGrad, backward, step) for any dataset, loss and optimizer.

import { checkOptions } from '../engine/checkKeys.js';
import { describe, describeAt } from '../engine/describe.js';
import { Value } from '../engine/value.js';
import type { Dataset } from '../data/Dataset.js';
import { classCount } from '../data/labels.js';
import { Rng } from '../data/Rng.js';
import { Adam, type AdamOptions } from './Adam.js';
import { DivergenceError, DivergenceMonitor, dataScale, type Divergence } from './divergence.js';
import { checkLossName, lossGraph, type BatchGraph, type LossName } from './lossGraph.js';
import type { MLP } from './MLP.js';
import { Optimizer, type LearningRate } from './Optimizer.js';
import { microgradDecay } from './schedules.js';
import { SGD, type SGDOptions } from './SGD.js';
import { compile } from '../tape/compile.js';
import type { Tape } from '../tape/Tape.js';
import { HeldRun } from './HeldRun.js';
import { SampleTape } from './SampleTape.js';
import {
  DEFAULT_LOSS,
  flatTaskScores,
  isLabel,
  LABEL_TEXT,
  TASK_LOSSES,
  taskScores,
  type Task,
  type TaskScores,
} from './task.js';

/** Options of `new Trainer(model, data, opts)`; each default is micrograd's demo. */
export interface TrainOptions {
  /** Default `max-margin` (micrograd's demo); `mse`, the only choice, for a regression model (`model.task`). */
  loss?: LossName;
  /**
   * Default `sgd`. A name; a name with that optimizer's options (`{ type: 'sgd', momentum: 0.9 }`,
   * `{ type: 'adam', betas: [0.8, 0.99] }`); or an optimizer built over `model.parameters()`
   * (`new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 })`), which then brings its own lr.
   */
  optimizer?: 'sgd' | 'adam' | OptimizerSpec | Optimizer;
  /** A number or a schedule; default micrograd's `lr0 - 0.9·lr0·k/steps` with lr0 = 1 for SGD, 0.01 for Adam. */
  lr?: LearningRate;
  /** Number of steps the schedule spans. Default 100. */
  steps?: number;
  /** L2 strength alpha in alpha·Σp². Default 1e-4 (micrograd's demo). */
  alpha?: number;
  /** Samples per step, drawn without replacement each step; default the whole dataset (micrograd's demo). */
  batchSize?: number;
  /** Seed for batch sampling. Default 0. */
  seed?: number;
  /**
   * Record the loss graph once and replay it as a compiled tape each step (same numbers, many times
   * faster). Default true. Full batch replays the whole batch's graph; minibatches (and per-sample SGD)
   * replay one sample's graph, recorded with its features and target as inputs, over the batch.
   */
  compile?: boolean;
  /**
   * What a diverging loss (non-finite, or 100× above its best) does: `throw` (default) a
   * DivergenceError from `step()` before the update; `report` it in `StepResult.divergence` and go on.
   */
  onDivergence?: 'throw' | 'report';
}

/** An optimizer by name with its options; `lr` may also come from TrainOptions.lr. */
export type OptimizerSpec =
  | ({ type: 'sgd' } & Omit<SGDOptions, 'lr'> & { lr?: LearningRate })
  | ({ type: 'adam' } & Omit<AdamOptions, 'lr'> & { lr?: LearningRate });

const TRAIN_KEYS = [
  'loss',
  'optimizer',
  'lr',
  'steps',
  'alpha',
  'batchSize',
  'seed',
  'compile',
  'onDivergence',
];

/** How a Trainer runs its steps: replaying a compiled tape, or rebuilding the graph eagerly every step. */
export type TrainEngine = 'tape' | 'eager';

export interface StepResult extends TaskScores {
  /** 0-based index of the step just taken. */
  step: number;
  /** The loss of the batch before the update (what micrograd's demo prints). */
  loss: number;
  /** The learning rate this step used. */
  lr: number;
  /** Set when this step's loss diverged and `onDivergence` is `report`. */
  divergence?: Divergence;
}

/**
 * micrograd's training loop for any dataset, loss and optimizer: each `step()` takes a batch, computes the
 * loss (data loss + alpha·Σp²), zeroes the grads, runs backward and updates the parameters. With no
 * options it is micrograd's demo: the whole dataset each step, the max-margin loss, SGD with the learning
 * rate falling from 1.0 to 0.1 over 100 steps, alpha 1e-4. By default the loss graph is recorded once and
 * replayed as a compiled tape (the same numbers, much faster).
 *
 * @example
 * ```ts
 * import { MLP, Trainer, makeMoons } from 'micrograd-ts';
 *
 * const data = makeMoons({ nSamples: 100, noise: 0.1 });
 * const model = new MLP(2, [16, 16, 1]);
 * const trainer = new Trainer(model, data);
 * for (let k = 0; k < trainer.steps; k++) {
 *   const { loss, accuracy } = trainer.step();
 *   if (k % 25 === 0) console.log(k, loss.toFixed(4), accuracy); // step, loss, accuracy
 * }
 * // → 0 2.1480 0.32
 * // → 25 0.1658 0.93
 * // → 50 0.0340 1
 * // → 75 0.0144 1
 * console.log(trainer.evaluate().loss.toFixed(4)); // → 0.0132
 * ```
 * Any other optimizer: `new Trainer(model, data, { optimizer: { type: 'adam' }, lr: 0.01 })`, or one you
 * built, `{ optimizer: new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 }) }`.
 */
export class Trainer {
  /** The model being trained; `step()` updates its parameters in place. */
  readonly model: MLP;
  /** The training data: `X` a row of inputs per point, `y` its label (a class, or a regression target). */
  readonly data: Dataset;
  /** The loss the model trains with (see {@link LOSSES}). */
  readonly loss: LossName;
  /** The model's task (`model.task`): which labels the data holds and what is measured. */
  readonly task: Task;
  /** L2 strength: the loss adds alpha·Σp² over every parameter p. */
  readonly alpha: number;
  /** Samples per step (the whole dataset unless `opts.batchSize` says fewer). */
  readonly batchSize: number;
  /** The run's length in steps, which the default learning-rate schedule spans; `step()` may go past it. */
  readonly steps: number;
  /** The optimizer that updates the model (built from `opts.optimizer`, or the one given). */
  readonly optimizer: Optimizer;
  /** 'tape' when the graph is recorded once and replayed (compile not false), else 'eager'. */
  readonly engine: TrainEngine;
  private readonly rng: Rng;
  private readonly monitor: DivergenceMonitor;
  private readonly onDivergence: 'throw' | 'report';
  /** The recorded full-batch graph and its tape, made on the first step in 'tape' mode. */
  private compiled: { graph: BatchGraph; tape: Tape } | null = null;
  /** The recorded one-sample graph that minibatches replay, and evaluate() too; made on first use. */
  private sample: SampleTape | null = null;
  /** The parameters held in the sample tape's arrays during `run`; made on first use. */
  private held: HeldRun | null = null;
  /** nextBatch's permutation array. */
  private order: number[] = [];

  /**
   * A trainer for `model` on `data`, its options checked; no graph is built until the first `step()`.
   *
   * @param model - The model to train; `model.task` decides what labels `data` holds.
   * @param data - `{ X, y }`: rows of `model.nin` finite numbers, and one label per row.
   * @param options - Loss, optimizer, learning rate, steps, alpha, batch size, seed, compile and what a
   *   diverging loss does; each defaults to micrograd's demo.
   * @throws TypeError when `options` is not an object or has an unknown key; when `opts.loss` or
   *   `opts.optimizer` names nothing known; when `data` is not `{ X, y }` or a row is not `model.nin`
   *   numbers; when `opts.compile` is not a boolean or `opts.onDivergence` not `throw`/`report`; when the
   *   learning rate is given twice (beside an optimizer instance, or in both `opts.lr` and `opts.optimizer`).
   * @throws RangeError when the loss does not suit the task; when `opts.steps` or `opts.batchSize` is not a
   *   positive integer or the batch is larger than the data; when `opts.alpha` is not a finite number >= 0;
   *   when `data` is empty, its lengths differ, an input is not finite or a label is not one the task takes;
   *   when the model's last layer has the wrong number of outputs for the loss; when an optimizer instance
   *   does not update exactly the model's parameters; and as {@link SGD} and {@link Adam} for their options.
   */
  constructor(model: MLP, data: Dataset, options: TrainOptions = {}) {
    const where = 'new Trainer(model, data, opts)';
    const opts = checkOptions(options, TRAIN_KEYS, where) as TrainOptions;
    this.model = model;
    this.data = data;
    this.task = model.task;
    this.loss = checkLossName(opts.loss ?? DEFAULT_LOSS[this.task], where);
    if (!TASK_LOSSES[this.task].includes(this.loss)) {
      throw new RangeError(
        `${where}: a ${this.task} model trains with ${TASK_LOSSES[this.task].join(' or ')}, got opts.loss "${this.loss}"`,
      );
    }
    this.steps = positiveInt(opts.steps ?? 100, 'opts.steps', where);
    this.alpha = opts.alpha ?? 1e-4;
    if (typeof this.alpha !== 'number' || !(this.alpha >= 0) || !Number.isFinite(this.alpha)) {
      throw new RangeError(
        `${where}: expected opts.alpha to be a finite number >= 0, got ${describe(this.alpha)}`,
      );
    }
    checkData(data, model.nin, where, this.task);
    const n = data.X.length;
    this.batchSize = opts.batchSize === undefined ? n : positiveInt(opts.batchSize, 'opts.batchSize', where);
    if (this.batchSize > n) {
      throw new RangeError(
        `${where}: expected opts.batchSize to be at most the ${n} samples, got ${this.batchSize}`,
      );
    }
    const outs = model.nouts[model.nouts.length - 1]!;
    const k = this.task === 'regression' ? 0 : classCount(data.y);
    const wantOuts = this.loss === 'cross-entropy' ? k : 1;
    if (outs !== wantOuts) {
      const what = this.task === 'regression' ? 'regression' : `the ${this.loss} loss on ${k} classes`;
      throw new RangeError(
        `${where}: ${what} needs a last layer of ${wantOuts} output(s), the model has ${outs}`,
      );
    }
    const wantTape = opts.compile ?? true;
    if (typeof wantTape !== 'boolean') {
      throw new TypeError(`${where}: expected opts.compile to be a boolean, got ${describe(wantTape)}`);
    }
    this.engine = wantTape ? 'tape' : 'eager';
    this.rng = new Rng(opts.seed ?? 0);
    this.optimizer = makeOptimizer(model, opts, this.steps, where);
    const onDivergence = opts.onDivergence ?? 'throw';
    if (onDivergence !== 'throw' && onDivergence !== 'report') {
      throw new TypeError(
        `${where}: expected opts.onDivergence to be "throw" or "report", got ${describe(onDivergence)}`,
      );
    }
    this.onDivergence = onDivergence;
    this.monitor = new DivergenceMonitor({
      lr: this.optimizer.lr,
      alpha: this.alpha,
      dataScale: dataScale(data.X),
      optimizer: this.optimizer instanceof Adam ? 'adam' : 'sgd',
    });
  }

  /** The compiled tape the 'tape' engine replays (e.g. to read its size); null until the first step. */
  get tape(): Tape | null {
    return this.compiled?.tape ?? this.sample?.tape ?? null;
  }

  private sampleTape(): SampleTape {
    this.sample ??= new SampleTape(
      this.model,
      this.loss,
      this.task === 'regression' ? 1 : classCount(this.data.y),
    );
    return this.sample;
  }

  /** The batch for the next step: every sample, or batchSize drawn without replacement (micrograd's permutation). */
  nextBatch(): { X: number[][]; y: number[] } {
    const { X, y } = this.data;
    if (this.batchSize === X.length) return { X, y };
    // A plain loop, not Array.from with a callback: this runs every step over the whole dataset. The array
    // is kept between steps (refilled 0 … n-1 each time, so the permutation is the same).
    if (this.order.length !== X.length) this.order = new Array<number>(X.length);
    const all = this.order;
    for (let i = 0; i < X.length; i++) all[i] = i;
    this.rng.shuffle(all);
    const bx: number[][] = [];
    const by: number[] = [];
    for (let k = 0; k < this.batchSize; k++) {
      bx.push(X[all[k]!]!);
      by.push(y[all[k]!]!);
    }
    return { X: bx, y: by };
  }

  /** The loss graph of one batch (the function a compiled tape would record once and replay). */
  graph(X: readonly (readonly (Value | number)[])[], y: readonly number[]): BatchGraph {
    return lossGraph(this.model, X, y, this.loss, this.alpha);
  }

  /**
   * One optimisation step: forward, zeroGrad, backward, update.
   *
   * @returns The step's index, its loss before the update, its scores (accuracy; for regression MSE and
   *   R²), the learning rate it used, and `divergence` when the loss diverged under `onDivergence: 'report'`.
   * @throws {@link DivergenceError} when the loss is not finite or has grown 100× above its best, and
   *   `onDivergence` is `throw` (the default); the model is left as it was before that step.
   */
  step(): StepResult {
    if (this.replays()) return this.run(1)[0]!;
    const { X, y } = this.nextBatch();
    // One leaf per input number, shared by the first layer's neurons (a raw number would become a new
    // constant leaf in every product: 16× the leaves on the demo, each one re-read by every tape replay).
    const inputs = X.map((row) => row.map((x) => new Value(x)));
    let g: BatchGraph;
    let backward: () => void;
    if (this.engine === 'tape') {
      if (this.compiled === null) {
        const graph = this.graph(inputs, y);
        const outputs = [graph.dataLoss, ...graph.outputs.flat()];
        this.compiled = { graph, tape: compile(graph.loss, { outputs }) };
      }
      const { graph, tape } = this.compiled;
      // Re-reads the parameters' current data and recomputes the loss and every output's data.
      tape.forward();
      g = graph;
      backward = () => tape.backward();
    } else {
      g = this.graph(inputs, y);
      backward = () => g.loss.backward();
    }
    const scores = taskScores(this.task, g.outputs, y, this.loss);
    const lr = this.optimizer.lr;
    const step = this.optimizer.stepCount;
    const loss = g.loss.data;
    const divergence = this.monitor.observe(step, loss);
    // Checked before the update: a thrown step leaves the model as it was before the bad loss.
    if (divergence !== null && this.onDivergence === 'throw') throw new DivergenceError(divergence);
    this.optimizer.zeroGrad();
    backward();
    this.optimizer.step();
    return divergence === null ? { step, loss, ...scores, lr } : { step, loss, ...scores, lr, divergence };
  }

  /**
   * `steps` optimisation steps, as many calls of `step()` would take them (the same numbers), returning
   * their results; `onStep` sees each result as it comes. On minibatches the parameters, their grads and
   * the optimizer's state stay in typed arrays from the first step to the last, so the model's Values are
   * brought up to date when `run` returns or throws, not in between: inside `onStep`, read the results or
   * `evaluate()` (which reads the run's numbers), not the model; `step()` and `run()` there throw.
   */
  run(steps: number, onStep?: (result: StepResult) => void): StepResult[] {
    const where = 'Trainer.run(steps, onStep)';
    if (typeof steps !== 'number' || !Number.isInteger(steps) || steps < 0) {
      throw new RangeError(`${where}: expected steps to be an integer >= 0, got ${describe(steps)}`);
    }
    if (onStep !== undefined && typeof onStep !== 'function') {
      throw new TypeError(`${where}: expected onStep to be a function, got ${describe(onStep)}`);
    }
    const results: StepResult[] = [];
    if (!this.replays()) {
      for (let s = 0; s < steps; s++) {
        const r = this.step();
        results.push(r);
        onStep?.(r);
      }
      return results;
    }
    const st = this.sampleTape();
    this.held ??= new HeldRun(st, this.model.parameters(), this.optimizer.params);
    const held = this.held;
    if (held.isOpen) {
      throw new Error(
        `${where}: called from inside a run (its onStep); the run holds the parameters until it returns`,
      );
    }
    held.open(where);
    try {
      for (let s = 0; s < steps; s++) {
        const r = this.heldStep(held, st);
        results.push(r);
        onStep?.(r);
      }
    } finally {
      held.close();
    }
    return results;
  }

  /** Whether steps replay the one-sample tape over minibatches (and so run on held arrays). */
  private replays(): boolean {
    return this.engine === 'tape' && this.batchSize !== this.data.X.length;
  }

  /** A minibatch step on the one-sample tape: the same numbers as the eager batch graph gives. */
  private heldStep(held: HeldRun, st: SampleTape): StepResult {
    const { X, y } = this.nextBatch();
    const lr = this.optimizer.lr;
    const step = this.optimizer.stepCount;
    const r = held.lossAndGrads(X, y, this.alpha, 'Trainer.step()');
    const divergence = this.monitor.observe(step, r.loss);
    // Checked before the update, as in step(): a thrown step leaves the parameters as they were.
    if (divergence !== null && this.onDivergence === 'throw') throw new DivergenceError(divergence);
    held.update(this.optimizer);
    const scores = flatTaskScores(this.task, r.outputs, st.outputCount, y, this.loss);
    return divergence === null
      ? { step, loss: r.loss, ...scores, lr }
      : { step, loss: r.loss, ...scores, lr, divergence };
  }

  /**
   * Loss (data loss + alpha·Σp²) and the task's scores (accuracy; for regression MSE and R²) on the
   * training data, or on `data` (e.g. a test split), without changing anything.
   *
   * @param data - The points to score; default the training data.
   * @throws TypeError or RangeError when `data` is not valid for the model, as the constructor checks it.
   */
  evaluate(data: Dataset = this.data): { loss: number } & TaskScores {
    if (data !== this.data) checkData(data, this.model.nin, 'Trainer.evaluate(data)', this.task);
    if (this.engine === 'eager') {
      const g = this.graph(data.X, data.y);
      return { loss: g.loss.data, ...taskScores(this.task, g.outputs, data.y, this.loss) };
    }
    const st = this.sampleTape();
    // Inside a run's onStep the parameters' numbers are in the run's arrays, not yet in the Values.
    const held = this.held?.isOpen === true ? this.held : null;
    const r = st.evaluate(data.X, data.y, 'Trainer.evaluate(data)', held !== null);
    let reg = 0;
    if (held !== null) reg = held.sumOfSquares();
    else for (const p of this.model.parameters()) reg += p.data * p.data;
    const loss = this.alpha === 0 ? r.dataLoss : r.dataLoss + reg * this.alpha;
    return { loss, ...flatTaskScores(this.task, r.outputs, st.outputCount, data.y, this.loss) };
  }
}

/** The optimizer opts.optimizer names, configures or is; an instance must cover exactly the model's parameters. */
function makeOptimizer(model: MLP, opts: TrainOptions, steps: number, where: string): Optimizer {
  const spec: unknown = opts.optimizer ?? 'sgd';
  if (spec instanceof Optimizer) {
    if (opts.lr !== undefined) {
      throw new TypeError(`${where}: give opts.lr to the optimizer instance, not beside it`);
    }
    const mine = new Set(model.parameters());
    if (spec.params.length !== mine.size || !spec.params.every((p) => mine.has(p))) {
      throw new RangeError(
        `${where}: opts.optimizer updates ${spec.params.length} parameters that are not this model's ${mine.size} (build it over model.parameters())`,
      );
    }
    return spec;
  }
  let type: unknown = spec;
  let rest: Record<string, unknown> = {};
  if (spec !== null && typeof spec === 'object' && !Array.isArray(spec)) {
    ({ type, ...rest } = spec as Record<string, unknown>);
  }
  if (rest['lr'] !== undefined && opts.lr !== undefined) {
    throw new TypeError(`${where}: give the learning rate once, as opts.lr or opts.optimizer.lr`);
  }
  const lr = (rest['lr'] as LearningRate | undefined) ?? opts.lr;
  if (type === 'sgd') {
    return new SGD(model.parameters(), { ...rest, lr: lr ?? microgradDecay(1, steps) } as SGDOptions);
  }
  if (type === 'adam') {
    return new Adam(model.parameters(), { ...rest, lr: lr ?? microgradDecay(0.01, steps) } as AdamOptions);
  }
  throw new TypeError(
    `${where}: expected opts.optimizer to be "sgd", "adam", { type: "sgd" | "adam", …options } or an SGD/Adam instance, got ${describe(spec)}${typeof spec === 'object' && spec !== null ? ` with type ${describe(type)}` : ''}`,
  );
}

function positiveInt(x: unknown, name: string, where: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 1) {
    throw new RangeError(`${where}: expected ${name} to be a positive integer, got ${describe(x)}`);
  }
  return x;
}

function checkData(data: unknown, nin: number, where: string, task: Task): void {
  const d = data as Dataset | null;
  if (d === null || typeof d !== 'object' || !Array.isArray(d.X) || !Array.isArray(d.y)) {
    throw new TypeError(
      `${where}: expected data to be { X: number[][], y: number[] }, got ${describe(data)}`,
    );
  }
  if (d.X.length === 0 || d.X.length !== d.y.length) {
    throw new RangeError(
      `${where}: expected as many labels as points (at least one), got ${d.X.length} points, ${d.y.length} labels`,
    );
  }
  // Index loops, not forEach: a sparse array's holes are named, not skipped.
  for (let i = 0; i < d.X.length; i++) {
    const row: unknown = d.X[i];
    if (!Array.isArray(row) || row.length !== nin) {
      const got = Array.isArray(row) ? `${row.length} numbers` : describeAt(d.X, i);
      throw new TypeError(
        `${where}: expected data.X[${i}] to be ${nin} finite numbers (the model's inputs), got ${got}`,
      );
    }
    for (let j = 0; j < nin; j++) {
      const v: unknown = row[j];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new (typeof v === 'number' ? RangeError : TypeError)(
          `${where}: expected data.X[${i}][${j}] (input ${j} of point ${i}) to be a finite number, got ${describeAt(row, j)}`,
        );
      }
    }
  }
  for (let i = 0; i < d.y.length; i++) {
    const c: unknown = d.y[i];
    if (!isLabel(task, c)) {
      const hint =
        task === 'classification' && typeof c === 'number' && Number.isFinite(c)
          ? ' (for real-valued targets, make the model with { task: "regression" })'
          : '';
      throw new RangeError(
        `${where}: expected data.y[${i}] to be ${LABEL_TEXT[task]}, got ${describeAt(d.y, i)}${hint}`,
      );
    }
  }
}
