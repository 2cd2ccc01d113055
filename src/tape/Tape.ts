// Tape: a compiled graph replayed over Float64Arrays; forward() reads leaves, backward() adds to their grads.

import { checkOptions } from '../engine/checkKeys.js';
import { describe, describeAt } from '../engine/describe.js';
import { leafFieldError, markReplayed } from '../engine/leafChecks.js';
import type { Value } from '../engine/value.js';
import { LEAF_CODE, type TapeLayout } from './layout.js';
import { ColumnReplay } from './columnReplay.js';
import { backwardSlots, forwardSlots, sumsOverSlots, zerosAddNothing } from './replay.js';

/** What `Tape.batch` returns: each row's root value, and its outputs row after row. */
export interface BatchResult {
  /** `values[r]` is the root's value for row r. */
  values: Float64Array;
  /** `outputs[r * outputCount + j]` is output j (in compile's `outputs` order) of row r. */
  outputs: Float64Array;
}

/**
 * A recorded Value graph flattened by `compile` into typed arrays, replayed as often as wanted:
 * `forward()` recomputes every node from the leaves' current `data` (or from new inputs), `backward()` adds
 * ∂root/∂leaf to every leaf's `grad`, `batch(rows)` does both for many input rows. Values and gradients are
 * the eager engine's, bit for bit; no graph is rebuilt, so a training step costs far less.
 *
 * @example The walkthrough's neuron compiled once, with x1 and x2 as inputs
 * ```ts
 * import { Value, compile } from 'micrograd-ts';
 *
 * const x1 = new Value(2);
 * const x2 = new Value(0);
 * const w1 = new Value(-3);
 * const w2 = new Value(1);
 * const b = new Value(6.88137358);
 * const o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
 * const tape = compile(o, { inputs: [x1, x2] });
 * console.log(tape.forward()); // → 0.707106777676776
 * tape.backward();
 * console.log(w1.grad, w2.grad); // → 1.000000009927133 0
 * console.log(tape.forward([1, 1])); // → 0.9998848940482364
 * ```
 */
export class Tape {
  /** The node the tape was compiled from; forward() updates its `data`. */
  readonly root: Value;
  /** The graph's leaves (parameters, inputs, constants), each read by forward() and credited by backward(). */
  readonly leaves: readonly Value[];
  /** Graph nodes compiled (before fusion). */
  readonly nodeCount: number;
  /** The leaves declared as inputs at compile time: what `forward(x)` and `batch(rows)` set. */
  readonly inputs: readonly Value[];
  /** Each input's slot. */
  private readonly inputSlots: Int32Array;
  private readonly layout: TapeLayout;
  private readonly val: Float64Array;
  private readonly grad: Float64Array;
  /** Each linear combination's value before its activation (the activation's derivative may need it). */
  private readonly pre: Float64Array;
  private readonly outputs: readonly Value[];
  private readonly outputSlots: Int32Array;
  /** Per slot, the Value to write data and grad back to (only when compiled with writeBack). */
  private readonly nodes: readonly (Value | null)[] | null;
  /** Fused sums whose x terms are all inputs (batch replays skip those grads); made on the first batch. */
  private inputSums: Uint8Array | null = null;
  /** 1 at each input's slot. */
  private readonly isInput: Uint8Array;
  /** `batch`'s rows, flattened (grown as needed). */
  private rowBuf = new Float64Array(0);
  /** The slot-major batch replay, when the graph allows it (see columnReplay.ts); made on the first batch. */
  private columns: ColumnReplay | false | null = null;
  /** Whether `val` holds a forward pass yet. */
  private computed = false;
  /**
   * The leaves' data when the graph was built (null with writeBack, which keeps every node current): a
   * forward pass from other values leaves the graph's intermediate nodes behind, and the root and outputs
   * it updates are marked so that an eager backward from them throws instead of mixing the two.
   */
  private readonly built: Float64Array | null;

  /** @internal built by compile(). */
  constructor(
    root: Value,
    leaves: Value[],
    layout: TapeLayout,
    outputs: Value[],
    outputSlots: Int32Array,
    nodes: (Value | null)[] | null,
    inputs: Value[] = [],
    inputSlots: Int32Array = new Int32Array(0),
  ) {
    this.inputs = inputs;
    this.inputSlots = inputSlots;
    this.isInput = new Uint8Array(leaves.length + 1);
    for (const s of inputSlots) this.isInput[s] = 1;
    this.root = root;
    this.leaves = leaves;
    this.layout = layout;
    this.nodeCount = layout.nodeCount;
    this.val = new Float64Array(layout.op.length);
    this.val[0] = 1;
    this.grad = new Float64Array(layout.op.length);
    this.pre = new Float64Array(layout.linAct.length);
    this.outputs = outputs;
    this.outputSlots = outputSlots;
    this.nodes = nodes;
    this.built = nodes === null ? Float64Array.from(leaves, (l) => l.data) : null;
  }

  /** Slots on the tape (the constant 1, the leaves, then ops and fused linear combinations). */
  get size(): number {
    return this.layout.op.length;
  }

  /** Bytes held in the tape's typed arrays (the leaves array aside). */
  get byteLength(): number {
    const L = this.layout;
    let n = this.val.byteLength + this.grad.byteLength + this.pre.byteLength;
    for (const a of [L.op, L.inA, L.inB, L.consts, L.linStart, L.linAct, L.linK, L.termW, L.termX])
      n += a.byteLength;
    return n;
  }

  /**
   * Recompute every node from the leaves' current `data`; sets and returns the root's `data`. With `x`
   * (one number per declared input), the input leaves' `data` is set to it first. A leaf whose `data` is
   * not a number is a TypeError. When the leaves differ from the values the graph was built with, the
   * graph's intermediate nodes keep their old `data` (unless compiled with `writeBack`): an eager
   * `backward()` from the root or an output then throws rather than mix the two; use `tape.backward()`.
   *
   * @param x - New data for the declared inputs, one number each, in `inputs` order.
   * @returns The root's new value.
   * @throws TypeError when `x` does not hold one number per declared input, or a leaf's `data` is not a
   * number.
   */
  forward(x?: ArrayLike<number>): number {
    const where = x === undefined ? 'Tape.forward()' : 'Tape.forward(x)';
    if (x !== undefined) this.setInputs(x, where);
    const val = this.val;
    const leaves = this.leaves;
    const nLeaves = leaves.length;
    this.readLeaves(val, 'data', where);
    forwardSlots(this.layout, val, this.pre, nLeaves + 1);
    const out = val[this.layout.rootSlot]!;
    this.root.data = out;
    for (let i = 0; i < this.outputs.length; i++) this.outputs[i]!.data = val[this.outputSlots[i]!]!;
    if (this.nodes !== null) this.writeBack(val, 'data');
    const built = this.built;
    if (built !== null) {
      let changed = false;
      for (let i = 0; i < nLeaves && !changed; i++) changed = !Object.is(val[i + 1], built[i]);
      // A leaf among them holds its own new data and has nothing in between to go stale.
      for (const v of [this.root, ...this.outputs]) if (v.opName !== undefined) markReplayed(v, changed);
    }
    this.computed = true;
    return out;
  }

  /**
   * Backpropagate from the root: every leaf's `grad` gets ∂root/∂leaf added (PyTorch's accumulation),
   * in the same order as the eager engine adds it. Uses the values of the last forward() (running one
   * first if there was none).
   *
   * @throws TypeError when a leaf's `grad` (or, on the first pass, `data`) is not a number.
   */
  backward(): void {
    if (!this.computed) this.forward();
    const { op, rootSlot } = this.layout;
    const grad = this.grad;
    const leaves = this.leaves;
    const nLeaves = leaves.length;
    const first = nLeaves + 1;
    // Leaves start from their current grad so contributions add in the eager engine's order.
    this.readLeaves(grad, 'grad', 'Tape.backward()');
    grad.fill(0, first);
    if (op[rootSlot] === LEAF_CODE) grad[rootSlot]! += 1;
    else grad[rootSlot] = 1;
    const skipZero = zerosAddNothing(this.val, grad, first);
    backwardSlots(this.layout, this.val, grad, this.pre, first, null, skipZero);
    for (let i = 0; i < nLeaves; i++) leaves[i]!.grad = grad[i + 1]!;
    if (op[rootSlot] !== LEAF_CODE) this.root.grad = 1;
    if (this.nodes !== null) this.writeBack(grad, 'grad');
  }

  /**
   * Replay the graph once per row of inputs (one number per declared input, in `inputs` order) without
   * rebuilding anything, and add every row's gradients into the other leaves' `grad`: the scalar tape's
   * batched forward and backward. Each row's root is seeded with `scale` (1/rows for a mean). Rows are
   * replayed last to first, so a leaf's grad receives the rows' contributions in the order the eager
   * engine adds them for a graph that sums the rows left to right (`grad: false`: values only). The input leaves' `data` and `grad`,
   * the root's and the outputs' `data` are left as they were.
   *
   * @param rows - One row per sample: a number for each declared input, in `inputs` order.
   * @param opts - `scale`, the seed of each row's root gradient (default 1); `grad: false` for values only.
   * @returns Each row's root value and its outputs (`outputs[r * outputCount + j]`).
   * @throws TypeError when `rows` is not an array, a row does not hold one number per input, or `opts` has
   * an unknown key, a `scale` that is not a finite number or a `grad` that is not a boolean; TypeError when a
   * leaf's `data` or `grad` was assigned a non-number.
   */
  batch(
    rows: readonly ArrayLike<number>[],
    opts: {
      /** The seed of each row's root gradient: 1/rows.length gives the gradient of the mean. Default 1. */
      scale?: number;
      /** false: values only, no gradients. Default true. */
      grad?: boolean;
    } = {},
  ): BatchResult {
    const where = 'Tape.batch(rows, opts)';
    if (!Array.isArray(rows)) {
      throw new TypeError(`${where}: expected rows to be an array of input rows, got ${describe(rows)}`);
    }
    const o = checkOptions(opts, ['scale', 'grad'], where);
    const scale = o['scale'] ?? 1;
    if (typeof scale !== 'number' || !Number.isFinite(scale)) {
      throw new TypeError(`${where}: expected opts.scale to be a finite number, got ${describe(scale)}`);
    }
    const withGrad = o['grad'] ?? true;
    if (typeof withGrad !== 'boolean') {
      throw new TypeError(`${where}: expected opts.grad to be a boolean, got ${describe(withGrad)}`);
    }
    const nIn = this.inputSlots.length;
    const n = rows.length;
    if (this.rowBuf.length < n * nIn) this.rowBuf = new Float64Array(n * nIn);
    const flat = this.rowBuf;
    for (let r = 0; r < n; r++) {
      if (!(r in rows)) {
        throw new TypeError(
          `${where}: rows[${r}]: expected ${nIn} numbers (one per declared input), got ${describeAt(rows, r)}`,
        );
      }
      checkRow(rows[r], nIn, `${where}: rows[${r}]`);
      const row = rows[r]!;
      for (let j = 0; j < nIn; j++) flat[r * nIn + j] = row[j]!;
    }
    const values = new Float64Array(n);
    const outputs = new Float64Array(n * this.outputSlots.length);
    this.readLeaves(this.val, 'data', where);
    this.readLeaves(this.grad, 'grad', where);
    this.batchHeld(flat, n, scale, withGrad, values, outputs);
    // The inputs' own grads are per row, so meaningless summed: only the other leaves receive theirs.
    this.writeLeaves(this.grad, 'grad');
    return { values, outputs };
  }

  /**
   * @internal Load every leaf's `data` and `grad` into the tape's arrays (checked as `batch` checks them)
   * for a run of `batchHeld` calls, and return those arrays: leaf i is at index i + 1. Until `release()`,
   * the arrays hold the leaves' numbers and their Values are not read or written.
   */
  hold(where: string): { val: Float64Array; grad: Float64Array } {
    this.readLeaves(this.val, 'data', where);
    this.readLeaves(this.grad, 'grad', where);
    return { val: this.val, grad: this.grad };
  }

  /**
   * @internal `batch(rows, { grad: false })` over `n` flat rows (as `batchHeld` takes them): the leaves'
   * data read, values and outputs filled, every Value left alone.
   */
  batchValues(
    rows: Float64Array,
    n: number,
    values: Float64Array,
    outputs: Float64Array,
    where: string,
  ): void {
    this.readLeaves(this.val, 'data', where);
    this.batchHeld(rows, n, 1, false, values, outputs);
  }

  /** @internal End a hold: write the held `data` and `grad` back to every leaf but the inputs. */
  release(): void {
    this.writeLeaves(this.val, 'data');
    this.writeLeaves(this.grad, 'grad');
  }

  /**
   * @internal `batch` over the held leaves (see `hold`): `rows` holds n rows of one number per declared
   * input, row after row; `values` and `outputs` receive what `batch` returns. The leaves' Values are left
   * alone; the grads accumulate in the held array (the input slots' grads there mean nothing). `batch`
   * itself runs this after copying the leaves in.
   */
  batchHeld(
    rows: Float64Array,
    n: number,
    scale: number,
    withGrad: boolean,
    values: Float64Array,
    outputs: Float64Array,
  ): void {
    const { op, rootSlot } = this.layout;
    const val = this.val;
    const grad = this.grad;
    const first = this.leaves.length + 1;
    const inputSlots = this.inputSlots;
    const nIn = inputSlots.length;
    const outSlots = this.outputSlots;
    const nOut = outSlots.length;
    this.inputSums ??= sumsOverSlots(this.layout, inputSlots);
    if (this.columns === null) {
      const fits = ColumnReplay.fits(this.layout, first, inputSlots);
      this.columns = fits && new ColumnReplay(this.layout, first, inputSlots, this.inputSums);
    }
    if (this.columns !== false) {
      this.columns.run(rows, n, inputSlots, outSlots, val, grad, scale, withGrad, values, outputs);
    } else {
      const rootIsLeaf = op[rootSlot] === LEAF_CODE;
      for (let r = n - 1; r >= 0; r--) {
        for (let j = 0; j < nIn; j++) val[inputSlots[j]!] = rows[r * nIn + j]!;
        forwardSlots(this.layout, val, this.pre, first);
        values[r] = val[rootSlot]!;
        for (let j = 0; j < nOut; j++) outputs[r * nOut + j] = val[outSlots[j]!]!;
        if (!withGrad) continue;
        grad.fill(0, first);
        if (rootIsLeaf) grad[rootSlot]! += scale;
        else grad[rootSlot] = scale;
        backwardSlots(this.layout, val, grad, this.pre, first, this.inputSums);
      }
    }
    // val now holds the first row's replay, not the leaves' data: the next backward() must recompute.
    this.computed = false;
  }

  /** Set every leaf's `grad` to 0 (parameters, inputs and constants alike). */
  zeroGrad(): void {
    for (const leaf of this.leaves) leaf.grad = 0;
  }

  /**
   * Set the input leaves' `data` to `x`, one number per declared input.
   *
   * @param x - One number per declared input, in `inputs` order.
   * @param where - The name an error message gives the call (for wrappers).
   * @throws TypeError when `x` does not hold one number per declared input.
   */
  setInputs(x: ArrayLike<number>, where = 'Tape.setInputs(x)'): void {
    checkRow(x, this.inputs.length, where);
    for (let j = 0; j < this.inputs.length; j++) this.inputs[j]!.data = x[j]!;
  }

  /** Copy every leaf's `data` or `grad` into slots 1…; a non-number there is a TypeError, as in eager ops. */
  private readLeaves(into: Float64Array, field: 'data' | 'grad', where: string): void {
    const leaves = this.leaves;
    // One loop per field: a property read by a variable name is several times slower than a named one.
    if (field === 'data') {
      for (let i = 0; i < leaves.length; i++) {
        const x: unknown = leaves[i]!.data;
        if (typeof x !== 'number') throw leafFieldError(leaves[i]!, field, where, i);
        into[i + 1] = x;
      }
    } else {
      for (let i = 0; i < leaves.length; i++) {
        const x: unknown = leaves[i]!.grad;
        if (typeof x !== 'number') throw leafFieldError(leaves[i]!, field, where, i);
        into[i + 1] = x;
      }
    }
  }

  /** Copy slots 1… into every leaf's `data` or `grad`, the inputs' aside (a batch leaves those as they were). */
  private writeLeaves(from: Float64Array, field: 'data' | 'grad'): void {
    const leaves = this.leaves;
    const isInput = this.isInput;
    if (field === 'data') {
      for (let i = 0; i < leaves.length; i++) if (isInput[i + 1] !== 1) leaves[i]!.data = from[i + 1]!;
    } else {
      for (let i = 0; i < leaves.length; i++) if (isInput[i + 1] !== 1) leaves[i]!.grad = from[i + 1]!;
    }
  }

  private writeBack(from: Float64Array, field: 'data' | 'grad'): void {
    const nodes = this.nodes!;
    for (let s = 0; s < nodes.length; s++) {
      const v = nodes[s];
      if (v != null) v[field] = from[s]!;
    }
  }
}

function checkRow(row: unknown, n: number, where: string): void {
  const r = row as ArrayLike<unknown> | null;
  if (r === null || typeof r !== 'object' || typeof r.length !== 'number' || r.length !== n) {
    throw new TypeError(`${where}: expected ${n} numbers (one per declared input), got ${describe(row)}`);
  }
  for (let j = 0; j < n; j++) {
    if (typeof r[j] !== 'number') {
      throw new TypeError(`${where}: expected input ${j} to be a number, got ${describeAt(r, j)}`);
    }
  }
}
