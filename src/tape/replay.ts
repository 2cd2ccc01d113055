// The tape's two inner loops over the op slots, shared by single replays and batch replays.

import { ADD, MUL, POW, blocksA, da1, da2, db2, forward1, forward2, isBinary } from '../engine/kernels.js';
import { LIN_CODE, NO_ACT, type TapeLayout } from './layout.js';

/** Recompute every op slot from `first` on, in topological order, from the values already in `val`. */
export function forwardSlots(L: TapeLayout, val: Float64Array, pre: Float64Array, first: number): void {
  const { op, inA, inB, consts, linStart, linAct, linK, termW, termX } = L;
  const size = op.length;
  for (let s = first; s < size; s++) {
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
}

/** Per fused sum: 1 where every term's x is one of `slots` (and no term's w is), so x needs no grad. */
export function sumsOverSlots(L: TapeLayout, slots: Int32Array): Uint8Array {
  const isInput = new Uint8Array(L.op.length);
  for (const s of slots) isInput[s] = 1;
  const out = new Uint8Array(L.linAct.length);
  for (let f = 0; f < out.length; f++) {
    let all = 1;
    for (let t = L.linStart[f]!; t < L.linStart[f + 1]!; t++) {
      if (isInput[L.termX[t]!] !== 1 || isInput[L.termW[t]!] === 1) all = 0;
    }
    out[f] = all;
  }
  return out;
}

/**
 * True when adding ±0 to any grad changes nothing, so backwardSlots may skip a fused sum whose grad is 0:
 * every value is finite (a term's product val·0 is then ±0, never NaN) and no leaf's grad starts at -0
 * (-0 + +0 is +0; op slots start at +0, and a sum that starts at +0 never becomes -0).
 */
export function zerosAddNothing(val: Float64Array, grad: Float64Array, first: number): boolean {
  for (let s = 0; s < val.length; s++) if (!Number.isFinite(val[s]!)) return false;
  for (let s = 1; s < first; s++) if (grad[s] === 0 && 1 / grad[s]! < 0) return false;
  return true;
}

/**
 * The chain rule over the op slots, from the last down to `first`: each slot's grad (already seeded at the
 * root, 0 elsewhere) times its local derivatives is added to its inputs' grads, in the eager engine's order.
 * Fused sums flagged in `xNeedsNoGrad` skip their x's grads (left stale); with `skipZero` (only when
 * zerosAddNothing holds) a fused sum whose grad is 0 adds nothing, as adding its zeros would.
 */
export function backwardSlots(
  L: TapeLayout,
  val: Float64Array,
  grad: Float64Array,
  pre: Float64Array,
  first: number,
  xNeedsNoGrad: Uint8Array | null = null,
  skipZero = false,
): void {
  const { op, inA, inB, consts, linStart, linAct, linK, termW, termX } = L;
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
      // A zero grad (a dead ReLU) would add ±0 to every term's grads: no change, when zerosAddNothing holds.
      if (skipZero && g === 0) continue;
      if (xNeedsNoGrad !== null && xNeedsNoGrad[f] === 1) {
        // every x of this sum is an input of a batch replay, whose grads nobody reads: a third less work
        for (let t = linStart[f + 1]! - 1; t >= linStart[f]!; t--) grad[termW[t]!]! += val[termX[t]!]! * g;
      } else {
        for (let t = linStart[f + 1]! - 1; t >= linStart[f]!; t--) {
          const w = termW[t]!;
          const x = termX[t]!;
          grad[w]! += val[x]! * g;
          grad[x]! += val[w]! * g;
        }
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
}
