// modelEvaluation: what a saved model scores on labelled data — the one place the CLI turns a task into metrics.

import type { Dataset } from '../data/index.js';
import { lossGraph, meanSquaredError, predictClass, r2Score, type LossName, type MLP } from '../nn/index.js';
import { CliError } from './CliError.js';

export type ModelTask = 'classification' | 'regression';

/** A model's task: regression when its file says so (`task` in the JSON, read by MLP.fromJSON), else classes. */
export function taskOf(model: MLP): ModelTask {
  return model.task;
}

/** The classes a classifier tells apart: one per output, or two for a single score (its sign). */
export const classesOf = (model: MLP): number => Math.max(2, model.nouts[model.nouts.length - 1]!);

/** The loss `micrograd train` picks for a model of this shape when none is named. */
export function defaultLoss(model: MLP): LossName {
  if (taskOf(model) === 'regression') return 'mse';
  return model.nouts[model.nouts.length - 1]! > 1 ? 'cross-entropy' : 'max-margin';
}

export interface ClassScores {
  task: 'classification';
  samples: number;
  loss: LossName;
  /** The data loss (no L2 term), as training computes it. */
  value: number;
  accuracy: number;
  /** confusion[t][p]: samples of true class t predicted as p. */
  confusion: number[][];
}

export interface RegressionScores {
  task: 'regression';
  samples: number;
  loss: 'mse';
  value: number;
  mse: number;
  /** 1 - Σ(y - ŷ)² / Σ(y - ȳ)², scikit-learn's r2_score (1 when constant targets are met exactly, else 0). */
  r2: number;
}

export type Evaluation = ClassScores | RegressionScores;

/** Rows per loss graph: a bounded graph whatever the file's length (every loss is a mean over rows). */
const CHUNK = 256;

/** `data`'s rows, checked against the model: `flag` and 1-based data rows name any mismatch. */
function checkRows(model: MLP, data: Dataset, task: ModelTask, flag: string): void {
  const k = classesOf(model);
  data.X.forEach((x, i) => {
    if (x.length !== model.nin) {
      throw new CliError(
        `${flag}: data row ${i + 1} has ${x.length} features, the model takes ${model.nin} (then a label)`,
      );
    }
    const y = data.y[i]!;
    if (task === 'classification' && !(Number.isInteger(y) && y >= 0 && y < k)) {
      throw new CliError(
        `${flag}: the label of data row ${i + 1} is ${y}; the model tells ${k} classes, so labels are class indices 0 to ${k - 1}`,
      );
    }
  });
}

export function evaluateModel(model: MLP, data: Dataset, loss: LossName, flag: string): Evaluation {
  const task = taskOf(model);
  checkRows(model, data, task, flag);
  const n = data.X.length;
  const outputs = data.X.map((x) => model.predict(x));
  if (task === 'regression') {
    const pred = outputs.map((o) => o[0]!);
    const mse = meanSquaredError(pred, data.y);
    return { task, samples: n, loss: 'mse', value: mse, mse, r2: r2Score(pred, data.y) };
  }
  let value = 0;
  for (let at = 0; at < n; at += CHUNK) {
    const X = data.X.slice(at, at + CHUNK);
    const y = data.y.slice(at, at + CHUNK);
    value += lossGraph(model, X, y, loss, 0).dataLoss.data * (X.length / n);
  }
  const k = classesOf(model);
  const confusion = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  let right = 0;
  outputs.forEach((o, i) => {
    const said = predictClass(o);
    confusion[data.y[i]!]![said]!++;
    if (said === data.y[i]) right++;
  });
  return { task, samples: n, loss, value, accuracy: right / n, confusion };
}
