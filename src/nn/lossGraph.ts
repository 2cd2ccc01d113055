// lossGraph: the whole forward pass of one batch — model outputs, data loss, L2 penalty — as one function,
// so a training step is "build (or replay) this graph, backward, step".

import { describe } from '../engine/describe.js';
import type { Value } from '../engine/value.js';
import { binaryCrossEntropy, l2Penalty, maxMargin, mse, softmaxCrossEntropy } from './losses.js';
import type { MLP } from './MLP.js';
import type { Task } from './task.js';

/**
 * The losses a {@link Trainer} can train with, each a mean over the batch's n samples (s: a sample's
 * score, y: its label):
 * - `max-margin`: (1/n) Σ relu(1 − y·s) with y in {−1, +1}, micrograd's SVM loss ({@link maxMargin});
 * - `mse`: (1/n) Σ (s − y)² ({@link mse});
 * - `bce`: (1/n) Σ [log(1 + eˢ) − y·s] with y in {0, 1}, PyTorch's BCEWithLogitsLoss
 *   ({@link binaryCrossEntropy});
 * - `cross-entropy`: (1/n) Σ [log Σⱼ e^(sⱼ) − s_y] over k class scores, PyTorch's CrossEntropyLoss
 *   ({@link softmaxCrossEntropy}).
 */
export const LOSSES = ['max-margin', 'mse', 'bce', 'cross-entropy'] as const;
/**
 * Which loss, and so which label convention: class labels 0/1 become -1/+1 targets for `max-margin` and
 * `mse` (micrograd's `y*2 - 1`), stay 0/1 for `bce`, and are class indices 0…k-1 for `cross-entropy`.
 */
export type LossName = (typeof LOSSES)[number];

/** The graph of one batch's forward pass, from {@link lossGraph} or `Trainer.graph`. */
export interface BatchGraph {
  /** data loss + alpha·Σp²: the root to call backward on. */
  loss: Value;
  /** The loss on the data alone, without the L2 penalty (a node inside `loss`'s graph). */
  dataLoss: Value;
  /** One row of model outputs per sample. */
  outputs: Value[][];
}

export function checkLossName(x: unknown, where: string): LossName {
  if (typeof x === 'string' && (LOSSES as readonly string[]).includes(x)) return x as LossName;
  throw new TypeError(`${where}: expected the loss to be one of ${LOSSES.join(', ')}, got ${describe(x)}`);
}

/**
 * The loss of `model` on the batch (X, classes), plus alpha·Σp² over the model's parameters. Inputs may be
 * Values, so a recorded graph can read new inputs from its leaves when it is replayed. For a regression
 * model (`model.task`) the labels are the targets themselves, and the loss is MSE.
 *
 * @param model - The model whose outputs are scored.
 * @param X - The batch's inputs, one row per sample (numbers, or Values to replay with new inputs).
 * @param classes - One label per row: a class index, or for regression the target.
 * @param loss - Which loss (see {@link LOSSES}); class labels 0/1 become −1/+1 for `max-margin` and `mse`.
 * @param alpha - L2 strength (0: no penalty).
 * @throws RangeError when a regression model is given a loss other than `mse`, when `max-margin` or `mse`
 *   meets a class label other than 0 or 1, or as the loss function itself checks its labels.
 */
export function lossGraph(
  model: MLP,
  X: readonly (readonly (Value | number)[])[],
  classes: readonly number[],
  loss: LossName,
  alpha: number,
): BatchGraph {
  const outputs = X.map((x) => model.forward(x));
  const dataLoss = dataLossOf(model.task, outputs, classes, loss);
  // micrograd: total_loss = data_loss + reg_loss
  const total = alpha === 0 ? dataLoss : dataLoss.add(l2Penalty(model.parameters(), alpha));
  return { loss: total, dataLoss, outputs };
}

/** The batch's data loss; a regression model's labels are its targets, compared by MSE. */
function dataLossOf(task: Task, outputs: Value[][], classes: readonly number[], loss: LossName): Value {
  const first = outputs.map((o) => o[0]!);
  if (task === 'regression') {
    if (loss !== 'mse')
      throw new RangeError(`lossGraph: a regression model trains with the mse loss, got ${describe(loss)}`);
    return mse(first, classes);
  }
  switch (loss) {
    case 'max-margin':
      return maxMargin(first, classes.map(plusMinus));
    case 'mse':
      return mse(first, classes.map(plusMinus));
    case 'bce':
      return binaryCrossEntropy(first, classes);
    case 'cross-entropy':
      return softmaxCrossEntropy(outputs, classes);
  }
}

function plusMinus(c: number, i: number): number {
  if (c !== 0 && c !== 1)
    throw new RangeError(`lossGraph: expected class labels 0 or 1, got ${describe(c)} at index ${i}`);
  return c * 2 - 1;
}

/**
 * The predicted class of one output row, by the rule of the loss it was trained with (the one place that
 * rule lives): under `cross-entropy` the argmax of the scores (a softmax over one class names class 0
 * whatever its score); under the two-class losses (`max-margin`, `mse`, `bce`) a single score > 0 is class 1.
 * Without a loss: the two-class rule for one output, the argmax for several.
 */
export function predictClass(row: ArrayLike<number>, loss?: LossName): number {
  if (row.length === 1 && loss !== 'cross-entropy') return row[0]! > 0 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < row.length; j++) if (row[j]! > row[best]!) best = j;
  return best;
}

/** Fraction of rows whose predicted class (by `loss`'s rule, see predictClass) equals the label. */
export function accuracy(
  outputs: readonly (readonly (Value | number)[])[],
  classes: readonly number[],
  loss?: LossName,
): number {
  let right = 0;
  outputs.forEach((row, i) => {
    const nums = row.map((v) => (typeof v === 'number' ? v : v.data));
    if (predictClass(nums, loss) === classes[i]) right++;
  });
  return outputs.length === 0 ? 0 : right / outputs.length;
}
