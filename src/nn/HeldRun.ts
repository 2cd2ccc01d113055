// HeldRun: minibatch steps on the one-sample tape with the parameters and their grads held in the tape's
// typed arrays for a whole run (the optimizer updates them there), written back to the Values once, at its end.

import type { Value } from '../engine/value.js';
import type { Optimizer } from './Optimizer.js';
import type { SampleTape } from './SampleTape.js';

export class HeldRun {
  private readonly st: SampleTape;
  /** `model.parameters()[i]`'s index in the held arrays: the penalty sums in the model's order. */
  private readonly modelAt: Int32Array;
  /** `optimizer.params[i]`'s index: the optimizer updates in its own order. */
  private readonly optimizerAt: Int32Array;
  private rows: Float64Array = new Float64Array(0);
  private values = new Float64Array(0);
  private outputs = new Float64Array(0);
  private held: { val: Float64Array; grad: Float64Array } | null = null;

  constructor(st: SampleTape, modelParams: readonly Value[], optimizerParams: readonly Value[]) {
    this.st = st;
    const slot = new Map<Value, number>();
    st.tape.leaves.forEach((leaf, i) => slot.set(leaf, i + 1));
    const slots = (ps: readonly Value[]): Int32Array =>
      Int32Array.from(ps, (p) => {
        const s = slot.get(p);
        // Every parameter of an MLP reaches its loss; a model whose parameter does not is a bug here.
        if (s === undefined) throw new Error('HeldRun: a parameter is not a leaf of the sample tape');
        return s;
      });
    this.modelAt = slots(modelParams);
    this.optimizerAt = slots(optimizerParams);
  }

  /** Whether a run holds the parameters now (between `open` and `close`). */
  get isOpen(): boolean {
    return this.held !== null;
  }

  /** Read every leaf's data and grad into the tape's arrays; from here on the run works there. */
  open(where: string): void {
    this.held = this.st.tape.hold(where);
  }

  /** Σp² over the held parameters, in the model's order (as `evaluate` sums it over the Values). */
  sumOfSquares(): number {
    const val = this.held!.val;
    const at = this.modelAt;
    let reg = 0;
    for (let i = 0; i < at.length; i++) reg += val[at[i]!]! * val[at[i]!]!;
    return reg;
  }

  /** Write the held data and grads back to the Values (the parameters and the graph's constants). */
  close(): void {
    if (this.held === null) return;
    this.held = null;
    this.st.tape.release();
  }

  /**
   * A minibatch's loss (data loss + alpha·Σp², as lossGraph builds it) with every parameter's grad set as
   * zeroGrad and `loss.backward()` on the eager batch graph set it: the penalty's 2·alpha·p first (backward
   * reaches that branch first), then the samples' contributions, last sample first. Returns the loss and the
   * model's outputs (`outputs[r * outputCount + j]`, valid until the next call).
   */
  lossAndGrads(
    X: readonly (readonly number[])[],
    y: readonly number[],
    alpha: number,
    where: string,
  ): { loss: number; outputs: Float64Array } {
    const { val, grad } = this.held!;
    const st = this.st;
    const n = X.length;
    const reg = penaltyGrads(val, grad, this.modelAt, alpha);
    this.rows = st.encode(X, y, this.rows, where);
    if (this.values.length < n) this.values = new Float64Array(n);
    if (this.outputs.length < n * st.outputCount) this.outputs = new Float64Array(n * st.outputCount);
    const dataLoss = st.replayHeld(this.rows, n, this.values, this.outputs);
    return { loss: alpha === 0 ? dataLoss : dataLoss + reg * alpha, outputs: this.outputs };
  }

  /** The optimizer's step over the held arrays. */
  update(optimizer: Optimizer): void {
    const { val, grad } = this.held!;
    optimizer.stepHeld(val, grad, this.optimizerAt);
  }
}

/**
 * Σp² over the parameters at `at`, each grad set to what zeroGrad and then the penalty's backward leave:
 * 0, plus alpha·p twice (p*p's inputs are both p: backward adds b.data·g to a, then a.data·g to b).
 */
function penaltyGrads(val: Float64Array, grad: Float64Array, at: Int32Array, alpha: number): number {
  let reg = 0;
  for (let i = 0; i < at.length; i++) {
    const s = at[i]!;
    const d = val[s]!;
    reg += d * d;
    if (alpha === 0) {
      grad[s] = 0;
      continue;
    }
    let g = 0;
    g += d * alpha;
    g += d * alpha;
    grad[s] = g;
  }
  return reg;
}
