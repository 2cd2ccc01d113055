// task: what a model is trained to do — name a class (classification) or predict a number (regression) —
// and what follows from it: the labels it takes, its default loss, the score beside the loss, what a
// prediction prints. Chosen once, on the model (MLPOptions.task), and read by Trainer, CLI and pages alike.

import { describe } from '../engine/describe.js';
import type { Value } from '../engine/value.js';
import { accuracy, predictClass, type LossName } from './lossGraph.js';

/**
 * What a model can be trained to do: `classification` (its outputs are class scores; labels are class
 * indices 0, 1, …) or `regression` (its first output is the prediction; labels are any finite numbers).
 */
export const TASKS = ['classification', 'regression'] as const;
/** One of {@link TASKS}; chosen once on the model ({@link MLPOptions.task}) and read by everything else. */
export type Task = (typeof TASKS)[number];

export function checkTask(x: unknown, where: string): Task {
  if (x === 'classification' || x === 'regression') return x;
  throw new TypeError(`${where}: expected the task to be one of ${TASKS.join(', ')}, got ${describe(x)}`);
}

/** The losses a task trains with; regression's MSE compares the output with the target itself. */
export const TASK_LOSSES: Readonly<Record<Task, readonly LossName[]>> = {
  classification: ['max-margin', 'mse', 'bce', 'cross-entropy'],
  regression: ['mse'],
};

/** The loss a task trains with when none is named. */
export const DEFAULT_LOSS: Readonly<Record<Task, LossName>> = {
  classification: 'max-margin',
  regression: 'mse',
};

/** Whether `v` is a label the task takes: a class index (an integer >= 0), or any finite number. */
export function isLabel(task: Task, v: unknown): v is number {
  if (typeof v !== 'number') return false;
  return task === 'regression' ? Number.isFinite(v) : Number.isInteger(v) && v >= 0;
}

/** What the task expects of each label, for error messages. */
export const LABEL_TEXT: Readonly<Record<Task, string>> = {
  classification: 'a class index (an integer >= 0)',
  regression: 'a finite number (a regression target)',
};

/** Whether labels read from a file look like class indices; if not, the data is a regression problem. */
export function inferTask(y: readonly number[]): Task {
  for (const v of y) if (!Number.isInteger(v) || v < 0) return 'regression';
  return 'classification';
}

/** Mean of (prediction - target)² over the rows' first outputs. */
export function meanSquaredError(pred: readonly number[], y: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (pred[i]! - y[i]!) ** 2;
  return y.length === 0 ? NaN : s / y.length;
}

/**
 * The coefficient of determination, R² = 1 - Σ(y - ŷ)² / Σ(y - ȳ)², as scikit-learn's `r2_score` defines
 * it: 1 for a perfect fit, 0 for predicting the mean, negative for worse. Constant targets give 1 when
 * predicted exactly and 0 otherwise (scikit-learn's convention, rather than a division by zero).
 */
export function r2Score(pred: readonly number[], y: readonly number[]): number {
  const n = y.length;
  if (n === 0) return NaN;
  let mean = 0;
  for (const v of y) mean += v;
  mean /= n;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < n; i++) {
    res += (y[i]! - pred[i]!) ** 2;
    tot += (y[i]! - mean) ** 2;
  }
  if (tot === 0) return res === 0 ? 1 : 0;
  return 1 - res / tot;
}

/** What `micrograd predict` prints after a point's outputs: the class, or nothing (the value is the answer). */
export function predictionNote(task: Task, row: readonly number[]): string {
  return task === 'regression' ? '' : ` (class ${predictClass(row)})`;
}

/** What a task measures beside the loss: accuracy for classification; for regression MSE and R². */
export interface TaskScores {
  /** Fraction of rows whose predicted class is the label; NaN for regression, which has no classes. */
  accuracy: number;
  /** Regression only: mean squared error of the first outputs against the targets. */
  mse?: number;
  /** Regression only: R² of the first outputs against the targets (see `r2Score`). */
  r2?: number;
}

/**
 * The task's scores of output rows against labels. A classifier's class comes from `loss`'s rule (argmax under
 * cross-entropy, even for one output; the sign of a single score otherwise; see predictClass).
 */
export function taskScores(
  task: Task,
  rows: readonly (readonly (Value | number)[])[],
  y: readonly number[],
  loss?: LossName,
): TaskScores {
  if (task === 'classification') return { accuracy: accuracy(rows, y, loss) };
  const pred = rows.map((r) => (typeof r[0] === 'number' ? r[0] : r[0]!.data));
  return regressionScores(pred, y);
}

/**
 * `taskScores` of the first `y.length` rows of `width` outputs each, flat in `outputs` (a batch replay's),
 * without making a row array per sample.
 */
export function flatTaskScores(
  task: Task,
  outputs: Float64Array,
  width: number,
  y: readonly number[],
  loss?: LossName,
): TaskScores {
  const n = y.length;
  if (task === 'regression') {
    const pred: number[] = [];
    for (let r = 0; r < n; r++) pred.push(outputs[r * width]!);
    return regressionScores(pred, y);
  }
  let right = 0;
  for (let r = 0; r < n; r++) {
    if (predictClass(outputs.subarray(r * width, r * width + width), loss) === y[r]) right++;
  }
  return { accuracy: n === 0 ? 0 : right / n };
}

function regressionScores(pred: readonly number[], y: readonly number[]): TaskScores {
  return { accuracy: NaN, mse: meanSquaredError(pred, y), r2: r2Score(pred, y) };
}
