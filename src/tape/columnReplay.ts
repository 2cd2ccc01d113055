// ColumnReplay: a batch replay that runs each slot over a block of samples at once (slot-major), so the
// op dispatch and the kernels' calls are paid once per block rather than once per sample.
//
// It adds every gradient in the order the per-sample replay does, provided each leaf that is not an input
// is read by one slot only (true of an MLP's one-sample loss): then a shared leaf receives its per-sample
// contributions last sample first, as before, and a per-sample slot its contributions in the same slot
// order. `ColumnReplay.fits` checks that; other graphs use the per-sample replay.

import { ADD, MUL, POW, blocksA, da1, da2, db2, forward1, forward2, isBinary } from '../engine/kernels.js';
import {
  findLayerGroups,
  groupBackward,
  groupForward,
  type GroupBuffers,
  type LayerGroup,
} from './layerGroups.js';
import { LEAF_CODE, LIN_CODE, NO_ACT, type TapeLayout } from './layout.js';

/** Samples per block: the per-sample values of a block stay in cache. */
const BLOCK = 64;

export class ColumnReplay {
  private readonly L: TapeLayout;
  private readonly first: number;
  /** 1 for slots that hold one value per sample (inputs and op slots). */
  private readonly isRow: Uint8Array;
  /** A per-sample slot's first column in `M`/`GM`. */
  private readonly rowBase: Int32Array;
  private readonly M: Float64Array;
  private readonly GM: Float64Array;
  private readonly pre: Float64Array;
  private readonly g: Float64Array;
  private readonly acc: Float64Array;
  private readonly inputSums: Uint8Array;
  /** The layer group of each member slot: run whole at its first member, forward and backward. */
  private readonly groupAt: Map<number, LayerGroup>;
  private readonly buffers: GroupBuffers;

  /** True when the graph meets the condition above (and its root is not a leaf). */
  static fits(L: TapeLayout, first: number, inputSlots: Int32Array): boolean {
    if (L.op[L.rootSlot] === LEAF_CODE) return false;
    const isInput = new Uint8Array(L.op.length);
    for (const s of inputSlots) isInput[s] = 1;
    const reads = new Uint8Array(L.op.length);
    let ok = true;
    const read = (s: number): void => {
      // slot 0 (the constant 1) is never written back, so its gradient's order does not matter
      if (s === 0 || s >= first || isInput[s] === 1) return;
      if (reads[s]! > 0) ok = false;
      reads[s] = 1;
    };
    for (let s = first; s < L.op.length; s++) {
      const o = L.op[s]!;
      read(L.inA[s]!);
      if (o === LIN_CODE) {
        const f = L.inB[s]!;
        for (let t = L.linStart[f]!; t < L.linStart[f + 1]!; t++) {
          read(L.termW[t]!);
          read(L.termX[t]!);
        }
      } else if (o !== POW && isBinary(o)) {
        read(L.inB[s]!);
      }
    }
    return ok;
  }

  constructor(L: TapeLayout, first: number, inputSlots: Int32Array, inputSums: Uint8Array) {
    this.L = L;
    this.first = first;
    this.inputSums = inputSums;
    const size = L.op.length;
    this.isRow = new Uint8Array(size);
    this.rowBase = new Int32Array(size);
    let q = 0;
    const mark = (s: number): void => {
      this.isRow[s] = 1;
      this.rowBase[s] = q++ * BLOCK;
    };
    for (const s of inputSlots) mark(s);
    for (let s = first; s < size; s++) mark(s);
    this.M = new Float64Array(q * BLOCK);
    this.GM = new Float64Array(q * BLOCK);
    this.pre = new Float64Array(L.linAct.length * BLOCK);
    this.g = new Float64Array(BLOCK);
    this.acc = new Float64Array(BLOCK);
    this.groupAt = findLayerGroups(L, first, this.isRow);
    this.buffers = {
      M: this.M,
      GM: this.GM,
      rowBase: this.rowBase,
      val: new Float64Array(0),
      grad: new Float64Array(0),
      pre: this.pre,
      block: BLOCK,
      W: new Float64Array(0),
      G: new Float64Array(0),
    };
  }

  /**
   * Replay `n` rows (flat in `rows`, one number per input each; last block first, each block's samples last
   * to first in backward) with the leaves' values in `val` and their grads accumulating in `grad`; fills
   * values and outputs as Tape.batch does.
   */
  run(
    rows: Float64Array,
    nRows: number,
    inputSlots: Int32Array,
    outSlots: Int32Array,
    val: Float64Array,
    grad: Float64Array,
    scale: number,
    withGrad: boolean,
    values: Float64Array,
    outputs: Float64Array,
  ): void {
    const nOut = outSlots.length;
    const nIn = inputSlots.length;
    for (let hi = nRows; hi > 0; hi -= BLOCK) {
      const lo = Math.max(0, hi - BLOCK);
      const n = hi - lo;
      const M = this.M;
      for (let j = 0; j < inputSlots.length; j++) {
        const b = this.rowBase[inputSlots[j]!]!;
        for (let c = 0; c < n; c++) M[b + c] = rows[(lo + c) * nIn + j]!;
      }
      this.buffers.val = val;
      this.buffers.grad = grad;
      this.forward(val, n);
      const rb = this.rowBase[this.L.rootSlot]!;
      for (let c = 0; c < n; c++) values[lo + c] = M[rb + c]!;
      for (let j = 0; j < nOut; j++) {
        const s = outSlots[j]!;
        for (let c = 0; c < n; c++) {
          outputs[(lo + c) * nOut + j] = this.isRow[s] === 1 ? M[this.rowBase[s]! + c]! : val[s]!;
        }
      }
      if (!withGrad) continue;
      this.GM.fill(0);
      this.GM.fill(scale, rb, rb + n);
      this.backward(val, grad, n);
    }
  }

  private forward(val: Float64Array, n: number): void {
    const { op, inA, inB, consts, linStart, linAct, linK, termW, termX } = this.L;
    const { M, isRow, rowBase, acc, pre } = this;
    for (let s = this.first; s < op.length; s++) {
      const group = this.groupAt.get(s);
      if (group !== undefined) {
        if (group.members[0] === s) groupForward(group, this.buffers, n, inB);
        continue;
      }
      const o = op[s]!;
      const out = rowBase[s]!;
      const a = inA[s]!;
      const aRow = isRow[a] === 1;
      const A = aRow ? M : val;
      const aB = aRow ? rowBase[a]! : a;
      const aS = aRow ? 1 : 0;
      if (o === LIN_CODE) {
        const f = inB[s]!;
        for (let c = 0; c < n; c++) acc[c] = A[aB + aS * c]!;
        const end = linStart[f + 1]!;
        for (let t = linStart[f]!; t < end; t++) {
          const w = termW[t]!;
          const x = termX[t]!;
          if (t + 3 < end && weightTimesRow4(isRow, termW, termX, t)) {
            // Four weight-times-sample terms per pass over the block: each sample's sum still adds them
            // one by one in term order, so the value is the same; the block is read and written once.
            const w1 = val[termW[t + 1]!]!;
            const w2 = val[termW[t + 2]!]!;
            const w3 = val[termW[t + 3]!]!;
            const x0 = rowBase[x]!;
            const x1 = rowBase[termX[t + 1]!]!;
            const x2 = rowBase[termX[t + 2]!]!;
            const x3 = rowBase[termX[t + 3]!]!;
            const w0 = val[w]!;
            for (let c = 0; c < n; c++) {
              let v = acc[c]!;
              v += w0 * M[x0 + c]!;
              v += w1 * M[x1 + c]!;
              v += w2 * M[x2 + c]!;
              v += w3 * M[x3 + c]!;
              acc[c] = v;
            }
            t += 3;
            continue;
          }
          if (isRow[w] !== 1 && isRow[x] === 1) {
            const wv = val[w]!;
            const xb = rowBase[x]!;
            for (let c = 0; c < n; c++) acc[c]! += wv * M[xb + c]!;
          } else {
            const W = isRow[w] === 1 ? M : val;
            const wb = isRow[w] === 1 ? rowBase[w]! : w;
            const ws = isRow[w] === 1 ? 1 : 0;
            const X = isRow[x] === 1 ? M : val;
            const xb = isRow[x] === 1 ? rowBase[x]! : x;
            const xs = isRow[x] === 1 ? 1 : 0;
            for (let c = 0; c < n; c++) acc[c]! += W[wb + ws * c]! * X[xb + xs * c]!;
          }
        }
        const act = linAct[f]!;
        if (act === NO_ACT) {
          for (let c = 0; c < n; c++) M[out + c] = acc[c]!;
        } else {
          const k = linK[f]!;
          for (let c = 0; c < n; c++) {
            pre[f * BLOCK + c] = acc[c]!;
            M[out + c] = forward1(act, acc[c]!, k);
          }
        }
      } else if (o === ADD || o === MUL || isBinary(o)) {
        const b = inB[s]!;
        const B = isRow[b] === 1 ? M : val;
        const bB = isRow[b] === 1 ? rowBase[b]! : b;
        const bS = isRow[b] === 1 ? 1 : 0;
        for (let c = 0; c < n; c++) M[out + c] = forward2(o, A[aB + aS * c]!, B[bB + bS * c]!);
      } else {
        const k = o === POW ? consts[inB[s]!]! : 0;
        for (let c = 0; c < n; c++) M[out + c] = forward1(o, A[aB + aS * c]!, k);
      }
    }
  }

  private backward(val: Float64Array, grad: Float64Array, n: number): void {
    const { op, inA, inB, consts, linStart, linAct, linK, termW, termX } = this.L;
    const { M, GM, isRow, rowBase, pre, g } = this;
    for (let s = op.length - 1; s >= this.first; s--) {
      const group = this.groupAt.get(s);
      if (group !== undefined) {
        if (group.members[0] === s) groupBackward(group, this.buffers, n, inB, this.inputSums[inB[s]!] === 1);
        continue;
      }
      const o = op[s]!;
      const out = rowBase[s]!;
      const a = inA[s]!;
      const aRow = isRow[a] === 1;
      const A = aRow ? M : val;
      const GA = aRow ? GM : grad;
      const aB = aRow ? rowBase[a]! : a;
      const aS = aRow ? 1 : 0;
      if (o === LIN_CODE) {
        const f = inB[s]!;
        const act = linAct[f]!;
        const k = linK[f]!;
        for (let c = 0; c < n; c++) {
          const gc = GM[out + c]!;
          if (act === NO_ACT) {
            g[c] = gc;
          } else {
            const p = pre[f * BLOCK + c]!;
            const y = M[out + c]!;
            g[c] = blocksA(act, p, 0, y, k) ? 0 : 0 + da1(act, p, y, k) * gc;
          }
        }
        const skipX = this.inputSums[f] === 1;
        const start = linStart[f]!;
        for (let t = linStart[f + 1]! - 1; t >= start; t--) {
          const w = termW[t]!;
          const x = termX[t]!;
          const wRow = isRow[w] === 1;
          const xRow = isRow[x] === 1;
          if (t - 3 >= start && weightTimesRow4(isRow, termW, termX, t - 3)) {
            // Terms t … t-3 in one pass: each weight's grad is its own local summed over the samples in the
            // same order, and a sample's x grads get their terms' products in the same (term) order.
            const x0 = rowBase[x]!;
            const x1 = rowBase[termX[t - 1]!]!;
            const x2 = rowBase[termX[t - 2]!]!;
            const x3 = rowBase[termX[t - 3]!]!;
            let g0 = grad[w]!;
            let g1 = grad[termW[t - 1]!]!;
            let g2 = grad[termW[t - 2]!]!;
            let g3 = grad[termW[t - 3]!]!;
            if (skipX) {
              for (let c = n - 1; c >= 0; c--) {
                const gc = g[c]!;
                g0 += M[x0 + c]! * gc;
                g1 += M[x1 + c]! * gc;
                g2 += M[x2 + c]! * gc;
                g3 += M[x3 + c]! * gc;
              }
            } else {
              const w0 = val[w]!;
              const w1 = val[termW[t - 1]!]!;
              const w2 = val[termW[t - 2]!]!;
              const w3 = val[termW[t - 3]!]!;
              for (let c = n - 1; c >= 0; c--) {
                const gc = g[c]!;
                g0 += M[x0 + c]! * gc;
                GM[x0 + c]! += w0 * gc;
                g1 += M[x1 + c]! * gc;
                GM[x1 + c]! += w1 * gc;
                g2 += M[x2 + c]! * gc;
                GM[x2 + c]! += w2 * gc;
                g3 += M[x3 + c]! * gc;
                GM[x3 + c]! += w3 * gc;
              }
            }
            grad[w] = g0;
            grad[termW[t - 1]!] = g1;
            grad[termW[t - 2]!] = g2;
            grad[termW[t - 3]!] = g3;
            t -= 3;
            continue;
          }
          if (!wRow && xRow) {
            // A weight times a per-sample value (every term of an MLP layer): the weight's grad summed in a
            // local, in the same order as the general loop adds it, so the numbers are the same.
            const xb = rowBase[x]!;
            let gw = grad[w]!;
            if (skipX) {
              for (let c = n - 1; c >= 0; c--) gw += M[xb + c]! * g[c]!;
            } else {
              const wv = val[w]!;
              for (let c = n - 1; c >= 0; c--) {
                const gc = g[c]!;
                gw += M[xb + c]! * gc;
                GM[xb + c]! += wv * gc;
              }
            }
            grad[w] = gw;
            continue;
          }
          const W = wRow ? M : val;
          const GW = wRow ? GM : grad;
          const wb = wRow ? rowBase[w]! : w;
          const ws = wRow ? 1 : 0;
          const X = xRow ? M : val;
          const GX = xRow ? GM : grad;
          const xb = xRow ? rowBase[x]! : x;
          const xs = xRow ? 1 : 0;
          if (skipX) {
            for (let c = n - 1; c >= 0; c--) GW[wb + ws * c]! += X[xb + xs * c]! * g[c]!;
          } else {
            for (let c = n - 1; c >= 0; c--) {
              GW[wb + ws * c]! += X[xb + xs * c]! * g[c]!;
              GX[xb + xs * c]! += W[wb + ws * c]! * g[c]!;
            }
          }
        }
        for (let c = n - 1; c >= 0; c--) GA[aB + aS * c]! += g[c]!;
      } else if (o === ADD || o === MUL || isBinary(o)) {
        const b = inB[s]!;
        const bRow = isRow[b] === 1;
        const B = bRow ? M : val;
        const GB = bRow ? GM : grad;
        const bB = bRow ? rowBase[b]! : b;
        const bS = bRow ? 1 : 0;
        for (let c = n - 1; c >= 0; c--) {
          const va = A[aB + aS * c]!;
          const vb = B[bB + bS * c]!;
          const y = M[out + c]!;
          const gc = GM[out + c]!;
          if (!blocksA(o, va, vb, y, 0)) GA[aB + aS * c]! += da2(o, va, vb, y) * gc;
          GB[bB + bS * c]! += db2(o, va, vb, y) * gc;
        }
      } else {
        const k = o === POW ? consts[inB[s]!]! : 0;
        for (let c = n - 1; c >= 0; c--) {
          const va = A[aB + aS * c]!;
          const y = M[out + c]!;
          if (!blocksA(o, va, 0, y, k)) GA[aB + aS * c]! += da1(o, va, y, k) * GM[out + c]!;
        }
      }
    }
  }
}

/** Whether terms t … t+3 each multiply a weight (one value) by a per-sample value. */
function weightTimesRow4(isRow: Uint8Array, termW: Int32Array, termX: Int32Array, t: number): boolean {
  for (let i = t; i < t + 4; i++) if (isRow[termW[i]!] === 1 || isRow[termX[i]!] !== 1) return false;
  return true;
}
