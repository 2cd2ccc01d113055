// compile(root): flatten a recorded Value graph into a Tape, fusing linear combinations and their activation.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import { opDef } from '../engine/opRegistry.js';
import { Value, topoSort } from '../engine/value.js';
import { ADD, MUL, POW } from '../engine/kernels.js';
import { LEAF_CODE, LIN_CODE, NO_ACT, ONE_CODE } from './layout.js';
import { Tape } from './Tape.js';

/** The options of `compile(root, options)`. */
export interface CompileOptions {
  /**
   * Fuse each chain `base + w1*x1 + w2*x2 + …` (and a unary op right after it) into one slot. Default
   * true. The fused slot computes the same sums in the same order, so values and grads are unchanged.
   */
  fuse?: boolean;
  /**
   * Leaves whose values change between replays (a sample's features, its target): `tape.forward(x)` and
   * `tape.batch(rows)` take one number per input, in this order, without recompiling.
   */
  inputs?: readonly Value[];
  /** Nodes (e.g. a model's scores) whose `data` forward() keeps up to date; they are never fused away. */
  outputs?: readonly Value[];
  /**
   * Write every node's `data` (forward) and `grad` (backward) back to its Value, as the eager engine
   * does. For checking the tape against the eager engine; implies `fuse: false`. Default false.
   */
  writeBack?: boolean;
}

/** Marks a node folded into a fused chain (it gets no slot). */
const ABSORBED = -1;

/** A fused chain found by the planner: node indices, terms in evaluation order (-1 = the constant 1). */
interface LinPlan {
  /** The node the fused slot stands for (the chain's head, or the activation after it). */
  at: number;
  base: number;
  act: number;
  k: number;
  w: number[];
  x: number[];
}

/**
 * Compile the graph that produced `root` into a replayable Tape. The graph itself is left unchanged.
 * See `Tape` for an example.
 *
 * @param root - The graph's output, e.g. a loss.
 * @param options - `fuse`, `inputs`, `outputs`, `writeBack`.
 * @throws TypeError when `root` is not a Value, `options` has an unknown key, a flag that is not a boolean,
 * or `inputs`/`outputs` that are not arrays.
 * @throws RangeError when an input is not a leaf of root's graph or is listed twice, an output is not a
 * node of it, or `writeBack` is combined with `fuse: true`.
 */
export function compile(root: Value, options: CompileOptions = {}): Tape {
  if (!(root instanceof Value)) {
    throw new TypeError(`compile(root): expected root to be a Value, got ${describe(root)}`);
  }
  checkOptions(options, ['fuse', 'inputs', 'outputs', 'writeBack'], 'compile(root, options)', 'options');
  const writeBack = flag(options.writeBack, 'writeBack', false);
  if (writeBack && options.fuse === true) {
    throw new RangeError(
      'compile(root, options): options.writeBack needs fuse: false (a fused chain has no slot per node)',
    );
  }
  const fuse = flag(options.fuse, 'fuse', true) && !writeBack;
  const outputs = options.outputs ?? [];
  if (!Array.isArray(outputs)) {
    throw new TypeError(
      `compile(root, options): expected options.outputs to be an array of Values, got ${describe(outputs)}`,
    );
  }

  const inputs = options.inputs ?? [];
  if (!Array.isArray(inputs)) {
    throw new TypeError(
      `compile(root, options): expected options.inputs to be an array of leaf Values, got ${describe(inputs)}`,
    );
  }

  const order = topoSort(root);
  const n = order.length;
  // Each node's index goes into its visit stamp: negative, so it stays below every future sort's stamps.
  for (let i = 0; i < n; i++) order[i]!._mark = -1 - i;
  const idx = (v: Value): number => -1 - v._mark;

  const uses = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    if (v._a !== null) uses[idx(v._a)]!++;
    if (v._b !== null) uses[idx(v._b)]!++;
  }
  uses[n - 1]!++; // the root is read by the caller
  const outputIdx = outputs.map((o, j) => {
    const i = o instanceof Value ? idx(o) : -1;
    if (!(i >= 0 && i < n && order[i] === o)) {
      throw new RangeError(
        `compile(root, options): options.outputs[${j}] is not a node of root's graph (got ${describe(o)})`,
      );
    }
    uses[i]!++;
    return i;
  });

  // `uses` doubles as the planner's mark (-1: absorbed into a fused chain) and then as each node's slot,
  // so a ten-million-node graph needs one Int32Array of scratch, not three.
  const lins: LinPlan[] = [];
  if (fuse) planFusion(order, uses, lins);
  const slotOf = uses;

  // Slots: 0 is the constant 1, then the leaves, then every op node that was not absorbed, in topological order.
  const leaves: Value[] = [];
  for (let i = 0; i < n; i++) {
    if (order[i]!._op < 0) {
      leaves.push(order[i]!);
      slotOf[i] = leaves.length;
    }
  }
  let size = leaves.length + 1;
  let nPow = 0;
  let nTerms = 0;
  for (let i = 0; i < n; i++) {
    const o = order[i]!._op;
    if (o < 0 || slotOf[i] === ABSORBED) continue;
    slotOf[i] = size++;
    if (o === POW) nPow++;
  }
  for (const lin of lins) nTerms += lin.w.length;

  const op = new Uint8Array(size);
  const inA = new Int32Array(size);
  const inB = new Int32Array(size);
  const consts = new Float64Array(nPow);
  const linStart = new Int32Array(lins.length + 1);
  const linAct = new Int32Array(lins.length);
  const linK = new Float64Array(lins.length);
  const termW = new Int32Array(nTerms);
  const termX = new Int32Array(nTerms);
  const nodes: (Value | null)[] | null = writeBack ? new Array<Value | null>(size).fill(null) : null;
  const slot = (i: number): number => (i < 0 ? 0 : slotOf[i]!);
  op[0] = ONE_CODE;
  nPow = 0;
  let f = 0;
  let t = 0;
  let next = lins.length - 1; // lins run from the root down: walk them backwards alongside i
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    const s = slotOf[i]!;
    if (s === ABSORBED) continue;
    if (v._op < 0) {
      op[s] = LEAF_CODE;
      inA[s] = s - 1;
      continue;
    }
    if (nodes !== null) nodes[s] = v;
    if (next >= 0 && lins[next]!.at === i) {
      const lin = lins[next--]!;
      op[s] = LIN_CODE;
      inA[s] = slot(lin.base);
      inB[s] = f;
      linAct[f] = lin.act;
      linK[f] = lin.k;
      for (let j = 0; j < lin.w.length; j++, t++) {
        termW[t] = slot(lin.w[j]!);
        termX[t] = slot(lin.x[j]!);
      }
      linStart[++f] = t;
      continue;
    }
    op[s] = v._op;
    inA[s] = slotOf[idx(v._a!)]!;
    if (v._op === POW) {
      consts[nPow] = v._k;
      inB[s] = nPow++;
    } else if (v._b !== null) {
      inB[s] = slotOf[idx(v._b)]!;
    }
  }
  const layout = {
    op,
    inA,
    inB,
    consts,
    linStart,
    linAct,
    linK,
    termW,
    termX,
    rootSlot: slotOf[n - 1]!,
    nodeCount: n,
  };
  const inputSlots = Int32Array.from(inputs, (x: unknown, j) => {
    const i = x instanceof Value && x._op < 0 ? idx(x) : -1;
    if (!(i >= 0 && i < n && order[i] === x)) {
      throw new RangeError(
        `compile(root, options): options.inputs[${j}] is not a leaf of root's graph (got ${describe(x)})`,
      );
    }
    return slotOf[i]!;
  });
  if (new Set(inputSlots).size !== inputSlots.length) {
    throw new RangeError('compile(root, options): options.inputs lists the same leaf twice');
  }
  return new Tape(
    root,
    leaves,
    layout,
    [...outputs],
    Int32Array.from(outputIdx, (i) => slotOf[i]!),
    nodes,
    [...inputs],
    inputSlots,
  );
}

/**
 * Find the chains worth fusing, from the root down. A chain is a run of `add` nodes, each used only by
 * the next, whose right inputs are single-use `mul` nodes (a term w·x) or anything else (a term 1·x).
 */
function planFusion(order: readonly Value[], uses: Int32Array, lins: LinPlan[]): void {
  const idx = (v: Value): number => -1 - v._mark;
  const single = (v: Value, code: number): boolean => v._op === code && uses[idx(v)] === 1;
  // Scratch reused for every candidate chain: most candidates (a lone `x + y`) are not fused.
  const w: number[] = [];
  const x: number[] = [];
  const inner: number[] = [];
  for (let i = order.length - 1; i >= 0; i--) {
    if (uses[i] === ABSORBED) continue;
    const v = order[i]!;
    let head: Value;
    let act = NO_ACT;
    if (v._op === ADD) {
      head = v;
    } else if (v._op >= 0 && opDef(v._op).arity === 1 && single(v._a!, ADD)) {
      head = v._a!;
      act = v._op;
    } else {
      continue;
    }
    w.length = 0;
    x.length = 0;
    inner.length = 0;
    let products = 0;
    let cur = head;
    for (;;) {
      const b = cur._b!;
      if (single(b, MUL)) {
        w.push(idx(b._a!));
        x.push(idx(b._b!));
        inner.push(idx(b));
        products++;
      } else {
        w.push(-1);
        x.push(idx(b));
      }
      const a = cur._a!;
      if (!single(a, ADD)) break;
      inner.push(idx(a));
      cur = a;
    }
    // A lone `x + y` gains nothing from fusing; keep the plain op.
    if (act === NO_ACT && products === 0 && w.length < 2) continue;
    if (act !== NO_ACT) inner.push(idx(head));
    for (const j of inner) uses[j] = ABSORBED;
    lins.push({ at: i, base: idx(cur._a!), act, k: v._k, w: w.slice().reverse(), x: x.slice().reverse() });
  }
}

function flag(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new TypeError(
      `compile(root, options): expected options.${name} to be a boolean, got ${describe(value)}`,
    );
  }
  return value;
}
