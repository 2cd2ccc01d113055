// Raw throughput: deep chains and wide sums of 1e5…1e7 nodes, eager and on a tape.
import { Value } from '../src/engine/value.js';
import { compile } from '../src/tape/compile.js';
import { collect, memoryInUse, spread, type Spread } from './stats.js';

export type GraphKind = 'chain' | 'wide sum';

export interface ThroughputResult {
  graph: GraphKind;
  nodes: number;
  tapeSlots: number;
  eager: { buildNs: Spread; backwardNs: Spread; bytesPerNode: number };
  tape: { compileNs: Spread; forwardNs: Spread; backwardNs: Spread; bytesPerNode: number };
}

/** `v = v*c + d`, repeated: every node depends on the one before (nothing to fuse). */
function chain(n: number): Value {
  const c = new Value(1);
  const d = new Value(1e-3);
  let v = new Value(0.5);
  for (let i = 0; i < n / 2; i++) v = v.mul(c).add(d);
  return v;
}

/** `l0 + l1 + … `: half leaves, half additions (the tape fuses the additions into one slot). */
function wideSum(n: number): Value {
  let v = new Value(0.5);
  for (let i = 1; i < n / 2; i++) v = v.add(new Value(i * 1e-6));
  return v;
}

const time = (f: () => void): number => {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
};

export function throughput(graph: GraphKind, n: number, reps: number): ThroughputResult {
  const build = graph === 'chain' ? chain : wideSum;
  const s = {
    build: [] as number[],
    back: [] as number[],
    compile: [] as number[],
    fwd: [] as number[],
    tback: [] as number[],
  };
  let nodes = 0;
  let slots = 0;
  // Timings without forced collections: a full GC shrinks V8's young generation, and the next
  // allocation-heavy phase (a first backward boxes every grad) then measures the collector, not us.
  for (let r = 0; r < reps; r++) {
    let root: Value | null = null;
    s.build.push(time(() => (root = build(n))));
    s.back.push(time(() => root!.backward()));
    let tape: ReturnType<typeof compile> | null = null;
    s.compile.push(time(() => (tape = compile(root!))));
    // Replays are what a tape is for: time the third of three (the first runs cold code).
    for (let k = 0; k < 3; k++) {
      const f = time(() => tape!.forward());
      const b = time(() => tape!.backward());
      if (k === 2) {
        s.fwd.push(f);
        s.tback.push(b);
      }
    }
    nodes = tape!.nodeCount;
    slots = tape!.size;
  }
  // Memory in a pass of its own: heap growth from building the graph, then from compiling it.
  collect();
  const m0 = memoryInUse();
  const root = build(n);
  collect();
  const m1 = memoryInUse();
  const tape = compile(root);
  collect();
  const m2 = memoryInUse();
  const ns = (ms: number[]): Spread => spread(ms.map((x) => (x * 1e6) / nodes));
  const result: ThroughputResult = {
    graph,
    nodes,
    tapeSlots: slots,
    eager: { buildNs: ns(s.build), backwardNs: ns(s.back), bytesPerNode: (m1 - m0) / nodes },
    tape: {
      compileNs: ns(s.compile),
      forwardNs: ns(s.fwd),
      backwardNs: ns(s.tback),
      bytesPerNode: (m2 - m1) / nodes,
    },
  };
  tape.forward(); // keeps root and tape alive through the measurement above
  return result;
}
