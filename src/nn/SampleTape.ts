// SampleTape: one sample's loss recorded once with its features and target as inputs, replayed over any
// batch — minibatch and per-sample training on a compiled tape instead of a graph rebuilt every step.

import { Value } from '../engine/value.js';
import { compile } from '../tape/compile.js';
import type { Tape } from '../tape/Tape.js';
import type { LossName } from './lossGraph.js';
import type { MLP } from './MLP.js';
import { encodeTarget, sampleLoss, targetWidth } from './sampleLoss.js';

export interface BatchReplay {
  /** The batch's data loss: Σ sample losses (summed left to right from 0) × 1/n, as `mean` computes it. */
  dataLoss: number;
  /** Model outputs, row after row (`outputs[r * outputCount + j]`). */
  outputs: Float64Array;
}

export class SampleTape {
  readonly tape: Tape;
  readonly loss: LossName;
  readonly classes: number;
  /** Model outputs per sample. */
  readonly outputCount: number;
  private readonly task: MLP['task'];
  private readonly nin: number;
  private readonly width: number;

  constructor(model: MLP, loss: LossName, classes: number) {
    this.loss = loss;
    this.classes = classes;
    this.task = model.task;
    this.nin = model.nin;
    this.width = targetWidth(loss, classes);
    const x = Array.from({ length: this.nin }, () => new Value(0));
    const t = Array.from({ length: this.width }, () => new Value(0));
    const scores = model.forward(x);
    this.outputCount = scores.length;
    this.tape = compile(sampleLoss(scores, t, loss), { inputs: [...x, ...t], outputs: scores });
  }

  /** Tape input rows for samples (X, classes): each sample's features, then its encoded target. */
  rows(X: readonly (readonly number[])[], classes: readonly number[]): number[][] {
    return X.map((x, i) => {
      const row = x.slice();
      encodeTarget(this.loss, classes[i]!, this.classes, row, this.nin, this.task);
      return row;
    });
  }

  /**
   * Replay the batch. With `grad`, every parameter's grad receives ∂(mean data loss)/∂p, the samples'
   * contributions added in the order backward() on the eager batch graph adds them.
   */
  replay(rows: readonly number[][], grad: boolean): BatchReplay {
    const n = rows.length;
    const { values, outputs } = this.tape.batch(rows, { scale: 1 / n, grad });
    let acc = 0;
    for (let i = 0; i < n; i++) acc += values[i]!;
    return { dataLoss: acc * (1 / n), outputs };
  }
}

/**
 * A minibatch step's loss (data loss + alpha·Σp², as lossGraph builds it) with every parameter's grad
 * filled as `loss.backward()` on the eager batch graph fills it: the penalty's 2·alpha·p first (backward
 * reaches that branch first), then the samples' contributions, last sample first.
 */
export function replayLoss(
  st: SampleTape,
  rows: readonly number[][],
  params: readonly Value[],
  alpha: number,
): { loss: number; outputs: Float64Array } {
  const reg = alpha === 0 ? 0 : penaltyGrads(params, alpha);
  const { dataLoss, outputs } = st.replay(rows, true);
  return { loss: alpha === 0 ? dataLoss : dataLoss + reg * alpha, outputs };
}

/**
 * Σp² over `params`, adding the penalty's gradient to each grad as backward() does. A function of its own:
 * as part of replayLoss, V8 compiled its loop on stack replacement and deoptimized the whole step on
 * leaving it, every step (a profile showed half the epoch there).
 */
function penaltyGrads(params: readonly Value[], alpha: number): number {
  let reg = 0;
  for (const p of params) {
    const d = p.data;
    reg += d * d;
    // p*p's inputs are both p: backward adds b.data·g to a, then a.data·g to b (g = alpha)
    p.grad += d * alpha;
    p.grad += d * alpha;
  }
  return reg;
}

/** Output rows from a batch replay's flat outputs. */
export function outputRows(outputs: Float64Array, width: number): number[][] {
  const rows: number[][] = [];
  for (let r = 0; r < outputs.length; r += width) rows.push(Array.from(outputs.subarray(r, r + width)));
  return rows;
}
