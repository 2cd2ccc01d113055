// SampleTape: one sample's loss recorded once with its features and target as inputs, replayed over any
// batch — minibatch and per-sample training on a compiled tape instead of a graph rebuilt every step.

import { describe } from '../engine/describe.js';
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
  private evalRows: Float64Array = new Float64Array(0);

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
   * Tape input rows for samples (X, classes), flat in `into` (grown when short; the array used is returned):
   * the rows `rows(X, classes)` gives, one after the other.
   */
  encode(
    X: readonly (readonly number[])[],
    classes: readonly number[],
    into: Float64Array,
    where: string,
  ): Float64Array {
    const nin = this.nin;
    const stride = nin + this.width;
    const out = into.length >= X.length * stride ? into : new Float64Array(X.length * stride);
    for (let i = 0; i < X.length; i++) {
      const x = X[i]!;
      for (let j = 0; j < nin; j++) {
        const v: unknown = x[j];
        // The Trainer checked its data when made; a number changed to something else since is named here.
        if (typeof v !== 'number') {
          throw new TypeError(`${where}: expected input ${j} of a sample to be a number, got ${describe(v)}`);
        }
        out[i * stride + j] = v;
      }
      encodeTarget(this.loss, classes[i]!, this.classes, out, i * stride + nin, this.task);
    }
    return out;
  }

  /**
   * The data loss and outputs of samples (X, classes) at the parameters' current data (`held`: the numbers
   * the tape holds, see `tape.hold`), nothing changed: Σ sample losses (left to right from 0) × 1/n, as
   * `mean` computes it.
   */
  evaluate(
    X: readonly (readonly number[])[],
    classes: readonly number[],
    where: string,
    held = false,
  ): BatchReplay {
    const n = X.length;
    // The rows buffer is kept: an epoch's evaluation encodes the whole training set (850 KB for the digits).
    const rows = (this.evalRows = this.encode(X, classes, this.evalRows, where));
    const values = new Float64Array(n);
    const outputs = new Float64Array(n * this.outputCount);
    if (held) this.tape.batchHeld(rows, n, 1, false, values, outputs);
    else this.tape.batchValues(rows, n, values, outputs, where);
    return { dataLoss: meanLoss(values, n), outputs };
  }

  /**
   * Replay `n` rows (flat in `rows`, see `encode`) over leaves the tape holds (`tape.hold`), every
   * parameter's grad receiving ∂(mean data loss)/∂p, the samples' contributions added in the order
   * backward() on the eager batch graph adds them; fills `values` (n) and `outputs` (n × outputCount) and
   * returns the data loss.
   */
  replayHeld(rows: Float64Array, n: number, values: Float64Array, outputs: Float64Array): number {
    this.tape.batchHeld(rows, n, 1 / n, true, values, outputs);
    return meanLoss(values, n);
  }
}

/** Σ values (left to right from 0) × 1/n, as `mean` computes it. */
function meanLoss(values: Float64Array, n: number): number {
  let acc = 0;
  for (let i = 0; i < n; i++) acc += values[i]!;
  return acc * (1 / n);
}
