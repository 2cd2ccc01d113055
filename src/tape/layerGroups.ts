// LayerGroup: consecutive fused sums that share their inputs (an MLP layer's neurons, Σ wⱼᵢ·xᵢ + bⱼ over the
// same xᵢ) replayed over a block of samples as one matrix product, with register blocking. Every sum still
// adds its terms one by one in term order, and every gradient receives its contributions in the order the
// slot-by-slot column replay adds them, so the numbers are the same bit for bit — only loads and stores are
// saved (each x and w is read once per 2×4 tile instead of once per neuron and sample).

import { POW, blocksA, da1, forward1, isBinary } from '../engine/kernels.js';
import { LEAF_CODE, LIN_CODE, NO_ACT, ONE_CODE, type TapeLayout } from './layout.js';

/**
 * LIN slots (ascending, not necessarily adjacent) with identical per-sample inputs, leaf weights and biases.
 * Slots between the members may read the members' outputs (a loss over an output layer does) but never the
 * members' inputs, so computing every member at the first member's place changes no value, and handling
 * every member's backward there (the last place backward reaches) changes no order of additions.
 */
export interface LayerGroup {
  readonly members: Int32Array;
  /** Terms per sum. */
  readonly terms: number;
  /** Each term's input slot (the same for every sum of the group). */
  readonly xSlot: Int32Array;
  /** Weight slots, sum-major: `wSlot[j * terms + t]`. */
  readonly wSlot: Int32Array;
  /** Bias slots, one per sum. */
  readonly bSlot: Int32Array;
  readonly act: number;
  readonly k: number;
}

/** Groups of at least this many sums, each of at least this many terms, are worth the gathering. */
const MIN_SIZE = 2;
const MIN_TERMS = 4;

/**
 * The layer groups of a layout: LIN slots whose terms read per-sample slots in the same order (no slot
 * twice) against weights that are not per-sample, with a bias that is not per-sample and the same
 * activation; a group ends before a slot that reads one of its inputs. `isRow[s]` is 1 for per-sample slots.
 * Returns a group per member slot.
 */
export function findLayerGroups(L: TapeLayout, first: number, isRow: Uint8Array): Map<number, LayerGroup> {
  const groups = new Map<number, LayerGroup>();
  const { op, inA, inB, linStart, linAct, linK, termW, termX } = L;
  const eligible = (s: number): boolean => {
    if (op[s] !== LIN_CODE || isRow[inA[s]!] === 1) return false;
    const f = inB[s]!;
    if (linStart[f + 1]! - linStart[f]! < MIN_TERMS) return false;
    const seen = new Set<number>();
    for (let t = linStart[f]!; t < linStart[f + 1]!; t++) {
      if (isRow[termW[t]!] === 1 || isRow[termX[t]!] !== 1 || seen.has(termX[t]!)) return false;
      seen.add(termX[t]!);
    }
    return true;
  };
  const sameInputs = (s: number, r: number): boolean => {
    const f = inB[s]!;
    const g = inB[r]!;
    const n = linStart[f + 1]! - linStart[f]!;
    if (linStart[g + 1]! - linStart[g]! !== n || linAct[f] !== linAct[g]) return false;
    if (!Object.is(linK[f], linK[g])) return false;
    for (let t = 0; t < n; t++) if (termX[linStart[f]! + t] !== termX[linStart[g]! + t]) return false;
    return true;
  };
  const reads = (r: number, xs: Set<number>): boolean => {
    const o = op[r]!;
    if (o === LEAF_CODE || o === ONE_CODE) return false;
    if (xs.has(inA[r]!)) return true;
    if (o === LIN_CODE) {
      const f = inB[r]!;
      for (let t = linStart[f]!; t < linStart[f + 1]!; t++)
        if (xs.has(termX[t]!) || xs.has(termW[t]!)) return true;
      return false;
    }
    return o !== POW && isBinary(o) && xs.has(inB[r]!);
  };
  const taken = new Uint8Array(op.length);
  for (let s = first; s < op.length; s++) {
    if (taken[s] === 1 || !eligible(s)) continue;
    const f0 = inB[s]!;
    const xs = new Set(termX.subarray(linStart[f0]!, linStart[f0 + 1]!));
    const members = [s];
    for (let r = s + 1; r < op.length; r++) {
      if (taken[r] !== 1 && eligible(r) && sameInputs(s, r)) members.push(r);
      else if (reads(r, xs)) break;
    }
    if (members.length < MIN_SIZE) continue;
    const terms = linStart[f0 + 1]! - linStart[f0]!;
    const size = members.length;
    const wSlot = new Int32Array(size * terms);
    const bSlot = new Int32Array(size);
    for (let j = 0; j < size; j++) {
      const m = members[j]!;
      taken[m] = 1;
      bSlot[j] = inA[m]!;
      for (let t = 0; t < terms; t++) wSlot[j * terms + t] = termW[linStart[inB[m]!]! + t]!;
    }
    const group: LayerGroup = {
      members: Int32Array.from(members),
      terms,
      xSlot: termX.slice(linStart[f0]!, linStart[f0 + 1]!),
      wSlot,
      bSlot,
      act: linAct[f0]!,
      k: linK[f0]!,
    };
    for (const m of members) groups.set(m, group);
  }
  return groups;
}

/** Scratch space and the per-sample views the kernels read, shared by every group of one replay. */
export interface GroupBuffers {
  /** Per-sample values and grads, `BLOCK` columns per per-sample slot. */
  readonly M: Float64Array;
  readonly GM: Float64Array;
  readonly rowBase: Int32Array;
  /** The leaves' values and grads (the replay's arrays, set for each run). */
  val: Float64Array;
  grad: Float64Array;
  /** Pre-activation values, `block` columns per fused sum. */
  readonly pre: Float64Array;
  readonly block: number;
  /** At least size × terms weights, and size × block upstream grads. */
  W: Float64Array;
  G: Float64Array;
}

/** Forward over samples 0 … n-1: out = act(b + Σ w·x), each sum's terms added in order. */
export function groupForward(grp: LayerGroup, B: GroupBuffers, n: number, linIndex: Int32Array): void {
  const { terms, xSlot, wSlot, bSlot, act, k } = grp;
  const size = grp.members.length;
  const { M, rowBase, val } = B;
  const W = gather(B, size * terms);
  for (let i = 0; i < size * terms; i++) W[i] = val[wSlot[i]!]!;
  const xb = new Int32Array(terms);
  for (let t = 0; t < terms; t++) xb[t] = rowBase[xSlot[t]!]!;
  let j = 0;
  for (; j + 1 < size; j += 2) {
    const ba = val[bSlot[j]!]!;
    const bb = val[bSlot[j + 1]!]!;
    const wa = j * terms;
    const wb = wa + terms;
    let c = 0;
    for (; c + 3 < n; c += 4) {
      let a0 = ba;
      let a1 = ba;
      let a2 = ba;
      let a3 = ba;
      let b0 = bb;
      let b1 = bb;
      let b2 = bb;
      let b3 = bb;
      for (let t = 0; t < terms; t++) {
        const x = xb[t]! + c;
        const x0 = M[x]!;
        const x1 = M[x + 1]!;
        const x2 = M[x + 2]!;
        const x3 = M[x + 3]!;
        const u = W[wa + t]!;
        const v = W[wb + t]!;
        a0 += u * x0;
        a1 += u * x1;
        a2 += u * x2;
        a3 += u * x3;
        b0 += v * x0;
        b1 += v * x1;
        b2 += v * x2;
        b3 += v * x3;
      }
      store(B, grp, j, c, a0, linIndex, act, k);
      store(B, grp, j, c + 1, a1, linIndex, act, k);
      store(B, grp, j, c + 2, a2, linIndex, act, k);
      store(B, grp, j, c + 3, a3, linIndex, act, k);
      store(B, grp, j + 1, c, b0, linIndex, act, k);
      store(B, grp, j + 1, c + 1, b1, linIndex, act, k);
      store(B, grp, j + 1, c + 2, b2, linIndex, act, k);
      store(B, grp, j + 1, c + 3, b3, linIndex, act, k);
    }
    for (; c < n; c++) {
      store(B, grp, j, c, dot(M, W, xb, wa, terms, c, ba), linIndex, act, k);
      store(B, grp, j + 1, c, dot(M, W, xb, wb, terms, c, bb), linIndex, act, k);
    }
  }
  for (; j < size; j++) {
    const b = val[bSlot[j]!]!;
    for (let c = 0; c < n; c++) store(B, grp, j, c, dot(M, W, xb, j * terms, terms, c, b), linIndex, act, k);
  }
}

function dot(
  M: Float64Array,
  W: Float64Array,
  xb: Int32Array,
  w: number,
  terms: number,
  c: number,
  acc: number,
): number {
  for (let t = 0; t < terms; t++) acc += W[w + t]! * M[xb[t]! + c]!;
  return acc;
}

function store(
  B: GroupBuffers,
  grp: LayerGroup,
  j: number,
  c: number,
  sum: number,
  linIndex: Int32Array,
  act: number,
  k: number,
): void {
  const s = grp.members[j]!;
  if (act === NO_ACT) {
    B.M[B.rowBase[s]! + c] = sum;
  } else {
    B.pre[linIndex[s]! * B.block + c] = sum;
    B.M[B.rowBase[s]! + c] = forward1(act, sum, k);
  }
}

/**
 * Backward over samples n-1 … 0 for the whole group, at the place of its first member (the last backward reaches): each sum's upstream grad
 * through its activation; then the weights' grads (each over the samples, last first, from its current
 * value), the inputs' per-sample grads (each from the sums last to first, as the slots run backward) unless
 * `skipX`, and the biases' grads (samples last first).
 */
export function groupBackward(
  grp: LayerGroup,
  B: GroupBuffers,
  n: number,
  linIndex: Int32Array,
  skipX: boolean,
): void {
  const { terms, xSlot, wSlot, bSlot, act, k, members } = grp;
  const size = members.length;
  const { M, GM, rowBase, val, grad, pre, block } = B;
  const G = gatherG(B, size * block);
  for (let j = 0; j < size; j++) {
    const out = rowBase[members[j]!]!;
    const p0 = linIndex[members[j]!]! * block;
    for (let c = 0; c < n; c++) {
      const gc = GM[out + c]!;
      if (act === NO_ACT) {
        G[j * block + c] = gc;
      } else {
        const p = pre[p0 + c]!;
        const y = M[out + c]!;
        G[j * block + c] = blocksA(act, p, 0, y, k) ? 0 : 0 + da1(act, p, y, k) * gc;
      }
    }
  }
  const xb = new Int32Array(terms);
  for (let t = 0; t < terms; t++) xb[t] = rowBase[xSlot[t]!]!;
  // Weights: grad[w_jt] += Σ_c x_t[c]·g_j[c], c from n-1 down, in 2 sums × 4 terms tiles.
  let j = 0;
  for (; j + 1 < size; j += 2) {
    const ga = j * block;
    const gb = ga + block;
    let t = 0;
    for (; t + 3 < terms; t += 4) {
      const i = j * terms + t;
      const i2 = i + terms;
      let a0 = grad[wSlot[i]!]!;
      let a1 = grad[wSlot[i + 1]!]!;
      let a2 = grad[wSlot[i + 2]!]!;
      let a3 = grad[wSlot[i + 3]!]!;
      let b0 = grad[wSlot[i2]!]!;
      let b1 = grad[wSlot[i2 + 1]!]!;
      let b2 = grad[wSlot[i2 + 2]!]!;
      let b3 = grad[wSlot[i2 + 3]!]!;
      const x0 = xb[t]!;
      const x1 = xb[t + 1]!;
      const x2 = xb[t + 2]!;
      const x3 = xb[t + 3]!;
      for (let c = n - 1; c >= 0; c--) {
        const u = G[ga + c]!;
        const v = G[gb + c]!;
        const m0 = M[x0 + c]!;
        const m1 = M[x1 + c]!;
        const m2 = M[x2 + c]!;
        const m3 = M[x3 + c]!;
        a0 += m0 * u;
        a1 += m1 * u;
        a2 += m2 * u;
        a3 += m3 * u;
        b0 += m0 * v;
        b1 += m1 * v;
        b2 += m2 * v;
        b3 += m3 * v;
      }
      grad[wSlot[i]!] = a0;
      grad[wSlot[i + 1]!] = a1;
      grad[wSlot[i + 2]!] = a2;
      grad[wSlot[i + 3]!] = a3;
      grad[wSlot[i2]!] = b0;
      grad[wSlot[i2 + 1]!] = b1;
      grad[wSlot[i2 + 2]!] = b2;
      grad[wSlot[i2 + 3]!] = b3;
    }
    for (; t < terms; t++) {
      weightGrad(M, G, grad, wSlot[j * terms + t]!, xb[t]!, ga, n);
      weightGrad(M, G, grad, wSlot[(j + 1) * terms + t]!, xb[t]!, gb, n);
    }
  }
  for (; j < size; j++)
    for (let t = 0; t < terms; t++) weightGrad(M, G, grad, wSlot[j * terms + t]!, xb[t]!, j * block, n);
  if (!skipX) {
    // Inputs: GM[x_t][c] += w_jt·g_j[c], j from the last sum down, in 2 terms × 4 samples tiles.
    const W = gather(B, size * terms);
    for (let i = 0; i < size * terms; i++) W[i] = val[wSlot[i]!]!;
    let t = 0;
    for (; t + 1 < terms; t += 2) {
      const xa = xb[t]!;
      const xc = xb[t + 1]!;
      let c = 0;
      for (; c + 3 < n; c += 4) {
        let a0 = GM[xa + c]!;
        let a1 = GM[xa + c + 1]!;
        let a2 = GM[xa + c + 2]!;
        let a3 = GM[xa + c + 3]!;
        let b0 = GM[xc + c]!;
        let b1 = GM[xc + c + 1]!;
        let b2 = GM[xc + c + 2]!;
        let b3 = GM[xc + c + 3]!;
        for (let q = size - 1; q >= 0; q--) {
          const u = W[q * terms + t]!;
          const v = W[q * terms + t + 1]!;
          const g = q * block + c;
          const g0 = G[g]!;
          const g1 = G[g + 1]!;
          const g2 = G[g + 2]!;
          const g3 = G[g + 3]!;
          a0 += u * g0;
          a1 += u * g1;
          a2 += u * g2;
          a3 += u * g3;
          b0 += v * g0;
          b1 += v * g1;
          b2 += v * g2;
          b3 += v * g3;
        }
        GM[xa + c] = a0;
        GM[xa + c + 1] = a1;
        GM[xa + c + 2] = a2;
        GM[xa + c + 3] = a3;
        GM[xc + c] = b0;
        GM[xc + c + 1] = b1;
        GM[xc + c + 2] = b2;
        GM[xc + c + 3] = b3;
      }
      for (; c < n; c++) {
        inputGrad(GM, W, G, xa + c, t, terms, size, block, c);
        inputGrad(GM, W, G, xc + c, t + 1, terms, size, block, c);
      }
    }
    for (; t < terms; t++)
      for (let c = 0; c < n; c++) inputGrad(GM, W, G, xb[t]! + c, t, terms, size, block, c);
  }
  // Biases: each sum's bias is its own leaf; the samples' grads added last first.
  for (let q = 0; q < size; q++) {
    let gb = grad[bSlot[q]!]!;
    for (let c = n - 1; c >= 0; c--) gb += G[q * block + c]!;
    grad[bSlot[q]!] = gb;
  }
}

function weightGrad(
  M: Float64Array,
  G: Float64Array,
  grad: Float64Array,
  w: number,
  x: number,
  g: number,
  n: number,
): void {
  let acc = grad[w]!;
  for (let c = n - 1; c >= 0; c--) acc += M[x + c]! * G[g + c]!;
  grad[w] = acc;
}

function inputGrad(
  GM: Float64Array,
  W: Float64Array,
  G: Float64Array,
  at: number,
  t: number,
  terms: number,
  size: number,
  block: number,
  c: number,
): void {
  let acc = GM[at]!;
  for (let q = size - 1; q >= 0; q--) acc += W[q * terms + t]! * G[q * block + c]!;
  GM[at] = acc;
}

function gather(B: GroupBuffers, n: number): Float64Array {
  if (B.W.length < n) B.W = new Float64Array(n);
  return B.W;
}

function gatherG(B: GroupBuffers, n: number): Float64Array {
  if (B.G.length < n) B.G = new Float64Array(n);
  return B.G;
}
