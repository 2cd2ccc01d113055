// Tape: a compiled graph replayed over Float64Arrays; forward() reads leaves, backward() adds to their grads.

import type { Value } from '../engine/value.js';
import { ADD, MUL, POW, blocksA, da1, da2, db2, forward1, forward2, isBinary } from '../engine/kernels.js';
import { LEAF_CODE, LIN_CODE, NO_ACT, type TapeLayout } from './layout.js';

export class Tape {
  /** The node the tape was compiled from; forward() updates its `data`. */
  readonly root: Value;
  /** The graph's leaves (parameters, inputs, constants), each read by forward() and credited by backward(). */
  readonly leaves: readonly Value[];
  /** Graph nodes compiled (before fusion). */
  readonly nodeCount: number;
  private readonly layout: TapeLayout;
  private readonly val: Float64Array;
  private readonly grad: Float64Array;
  /** Each linear combination's value before its activation (the activation's derivative may need it). */
  private readonly pre: Float64Array;
  private readonly outputs: readonly Value[];
  private readonly outputSlots: Int32Array;
  /** Per slot, the Value to write data and grad back to (only when compiled with writeBack). */
  private readonly nodes: readonly (Value | null)[] | null;
  /** Whether `val` holds a forward pass yet. */
  private computed = false;

  /** @internal built by compile(). */
  constructor(
    root: Value,
    leaves: Value[],
    layout: TapeLayout,
    outputs: Value[],
    outputSlots: Int32Array,
    nodes: (Value | null)[] | null,
  ) {
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

  /** Recompute every node from the leaves' current `data`; sets and returns the root's `data`. */
  forward(): number {
    const { op, inA, inB, consts, linStart, linAct, linK, termW, termX } = this.layout;
    const val = this.val;
    const pre = this.pre;
    const leaves = this.leaves;
    const nLeaves = leaves.length;
    for (let i = 0; i < nLeaves; i++) val[i + 1] = leaves[i]!.data;
    const size = op.length;
    for (let s = nLeaves + 1; s < size; s++) {
      const o = op[s]!;
      if (o === LIN_CODE) {
        const f = inB[s]!;
        let acc = val[inA[s]!]!;
        const end = linStart[f + 1]!;
        for (let t = linStart[f]!; t < end; t++) acc += val[termW[t]!]! * val[termX[t]!]!;
        const act = linAct[f]!;
        if (act === NO_ACT) {
          val[s] = acc;
        } else {
          pre[f] = acc;
          val[s] = forward1(act, acc, linK[f]!);
        }
      } else if (o === ADD || o === MUL || isBinary(o)) {
        val[s] = forward2(o, val[inA[s]!]!, val[inB[s]!]!);
      } else {
        val[s] = forward1(o, val[inA[s]!]!, o === POW ? consts[inB[s]!]! : 0);
      }
    }
    const out = val[this.layout.rootSlot]!;
    this.root.data = out;
    for (let i = 0; i < this.outputs.length; i++) this.outputs[i]!.data = val[this.outputSlots[i]!]!;
    if (this.nodes !== null) this.writeBack(val, 'data');
    this.computed = true;
    return out;
  }

  /**
   * Backpropagate from the root: every leaf's `grad` gets ∂root/∂leaf added (PyTorch's accumulation),
   * in the same order as the eager engine adds it. Uses the values of the last forward() (running one
   * first if there was none).
   */
  backward(): void {
    if (!this.computed) this.forward();
    const { op, inA, inB, consts, linStart, linAct, linK, termW, termX, rootSlot } = this.layout;
    const val = this.val;
    const grad = this.grad;
    const pre = this.pre;
    const leaves = this.leaves;
    const nLeaves = leaves.length;
    const first = nLeaves + 1;
    // Leaves start from their current grad so contributions add in the eager engine's order.
    for (let i = 0; i < nLeaves; i++) grad[i + 1] = leaves[i]!.grad;
    grad.fill(0, first);
    if (op[rootSlot] === LEAF_CODE) grad[rootSlot]! += 1;
    else grad[rootSlot] = 1;
    for (let s = op.length - 1; s >= first; s--) {
      const o = op[s]!;
      let g = grad[s]!;
      if (o === LIN_CODE) {
        const f = inB[s]!;
        const act = linAct[f]!;
        // `0 +` mirrors the eager engine, where the linear node's grad starts at 0 and receives this sum.
        if (act !== NO_ACT) {
          const p = pre[f]!;
          const out = val[s]!;
          const k = linK[f]!;
          g = blocksA(act, p, 0, out, k) ? 0 : 0 + da1(act, p, out, k) * g;
        }
        for (let t = linStart[f + 1]! - 1; t >= linStart[f]!; t--) {
          const w = termW[t]!;
          const x = termX[t]!;
          grad[w]! += val[x]! * g;
          grad[x]! += val[w]! * g;
        }
        grad[inA[s]!]! += g;
      } else if (o === ADD || o === MUL || isBinary(o)) {
        const a = inA[s]!;
        const b = inB[s]!;
        const va = val[a]!;
        const vb = val[b]!;
        const out = val[s]!;
        if (!blocksA(o, va, vb, out, 0)) grad[a]! += da2(o, va, vb, out) * g;
        grad[b]! += db2(o, va, vb, out) * g;
      } else {
        const a = inA[s]!;
        const va = val[a]!;
        const out = val[s]!;
        const k = o === POW ? consts[inB[s]!]! : 0;
        if (!blocksA(o, va, 0, out, k)) grad[a]! += da1(o, va, out, k) * g;
      }
    }
    for (let i = 0; i < nLeaves; i++) leaves[i]!.grad = grad[i + 1]!;
    if (op[rootSlot] !== LEAF_CODE) this.root.grad = 1;
    if (this.nodes !== null) this.writeBack(grad, 'grad');
  }

  /** Set every leaf's `grad` to 0 (parameters, inputs and constants alike). */
  zeroGrad(): void {
    for (const leaf of this.leaves) leaf.grad = 0;
  }

  private writeBack(from: Float64Array, field: 'data' | 'grad'): void {
    const nodes = this.nodes!;
    for (let s = 0; s < nodes.length; s++) {
      const v = nodes[s];
      if (v != null) v[field] = from[s]!;
    }
  }
}
