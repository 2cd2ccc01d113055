// The compiled tape against the eager engine: same values and grads, fused or not, after updates and repeats.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/Rng.js';
import { Value, topoSort } from '../../src/engine/value.js';
import { compile, tapeBackward } from '../../src/tape/index.js';
import { buildNeuron, neuronLeaves } from '../../src/walkthrough/neuron.js';
import { randomGraph } from './randomGraph.js';

/** Run eager backward from zeroed leaf grads; return root data and the leaves' grads. */
function eager(root: Value, leaves: Value[]): { data: number; grads: number[] } {
  for (const l of leaves) l.grad = 0;
  root.backward();
  return { data: root.data, grads: leaves.map((l) => l.grad) };
}

function viaTape(root: Value, leaves: Value[], fuse: boolean): { data: number; grads: number[] } {
  const tape = compile(root, { fuse });
  for (const l of leaves) l.grad = 0;
  const data = tape.forward();
  tape.backward();
  return { data, grads: leaves.map((l) => l.grad) };
}

/** Bit-identical, NaN and signed zero included. */
const same = (a: number, b: number): boolean => Object.is(a, b) || (a === 0 && b === 0);

/**
 * Equal up to the order of additions. A fused slot adds all of its terms' contributions at once, so a node
 * that also feeds an earlier slot can receive its contributions in another order than eager's (float
 * addition is not associative): a few ulps per contribution. 1e-9 relative leaves room for the cancellation
 * these small graphs (values within about ±1e3) can show, and still catches any wrong term (off by ≥1e-3).
 */
const close = (a: number, b: number): boolean =>
  same(a, b) || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('tape on the walkthrough neuron', () => {
  it.each(['tanh', 'exp'] as const)('gives the walkthrough numbers (%s form)', (form) => {
    const n = buildNeuron(form);
    const tape = compile(n.o);
    tape.forward();
    tape.backward();
    // Expected from the walkthrough (and PyTorch): o ≈ 0.7071, x1 -1.5, w1 1.0, x2 0.5, w2 0.0, b 0.5.
    expect(n.o.data).toBeCloseTo(0.7071, 4);
    const grads = Object.fromEntries(neuronLeaves(n).map(([name, v]) => [name, v.grad]));
    for (const [name, want] of Object.entries({ x1: -1.5, w1: 1.0, x2: 0.5, w2: 0.0, b: 0.5 })) {
      expect(grads[name]).toBeCloseTo(want, 4);
    }
    // And bit-for-bit the eager engine's numbers.
    const again = buildNeuron(form);
    again.o.backward();
    neuronLeaves(again).forEach(([, v], i) => expect(v.grad).toBe(neuronLeaves(n)[i]![1].grad));
  });
});

describe('tape on random graphs', () => {
  const rng = new Rng(20261127);
  const cases = Array.from({ length: 60 }, (_, i) => i);
  it.each(cases)('graph %i: unfused and fused tapes equal eager', (i) => {
    const g = randomGraph(rng, 2 + (i % 5), 5 + i * 3);
    const want = eager(g.root, g.leaves);
    for (const fuse of [false, true]) {
      const got = viaTape(g.root, g.leaves, fuse);
      expect(same(got.data, want.data), `root data fuse=${fuse}`).toBe(true);
      // Unfused: the same rules in the same order, so bit-identical. Fused: see `close`.
      const eq = fuse ? close : same;
      got.grads.forEach((gr, j) =>
        expect(eq(gr, want.grads[j]!), `leaf ${j} fuse=${fuse}: ${gr} vs ${want.grads[j]}`).toBe(true),
      );
    }
  });

  it('writeBack reproduces every node of eager backward()', () => {
    const g = randomGraph(new Rng(7), 4, 300);
    g.root.backward();
    const order = topoSort(g.root);
    const want = order.map((v) => [v.data, v.grad]);
    for (const v of order) v.data = v._op < 0 ? v.data : NaN;
    tapeBackward(g.root); // leaves accumulate: now twice the single-pass grads
    order.forEach((v, i) => {
      expect(same(v.data, want[i]![0]!)).toBe(true);
      if (v._op >= 0) expect(same(v.grad, want[i]![1]!)).toBe(true);
    });
  });
});

describe('tape replays', () => {
  it('picks up leaf updates on forward()', () => {
    const g = randomGraph(new Rng(99), 5, 120);
    const tape = compile(g.root);
    g.leaves.forEach((l, i) => (l.data += 0.01 * (i + 1)));
    const got = viaTapeAgain(tape, g.leaves);
    // Expected: a fresh eager graph computed from the updated leaves (rebuilt with the same ops).
    const rebuilt = randomGraph(new Rng(99), 5, 120, (i) => 0.01 * (i + 1));
    const want = eager(rebuilt.root, rebuilt.leaves);
    expect(same(got.data, want.data)).toBe(true);
    got.grads.forEach((gr, j) => expect(close(gr, want.grads[j]!)).toBe(true));
  });

  it('accumulates leaf grads across two backward() calls, as eager does', () => {
    const g = randomGraph(new Rng(5), 3, 80);
    for (const l of g.leaves) l.grad = 0;
    g.root.backward();
    g.root.backward();
    const want = g.leaves.map((l) => l.grad);
    for (const l of g.leaves) l.grad = 0;
    const tape = compile(g.root, { fuse: false });
    tape.forward();
    tape.backward();
    tape.backward();
    g.leaves.forEach((l, j) => expect(same(l.grad, want[j]!)).toBe(true));
  });

  it('handles a leaf as root and a node used twice', () => {
    const a = new Value(3);
    const t = compile(a);
    t.forward();
    t.backward();
    expect(a.grad).toBe(1); // ∂a/∂a
    const b = a.add(a); // ∂(a+a)/∂a = 2
    a.grad = 0;
    const tb = compile(b);
    expect(tb.forward()).toBe(6);
    tb.backward();
    expect(a.grad).toBe(2);
  });

  it('keeps requested outputs up to date', () => {
    const x = new Value(1);
    const w = new Value(2);
    const score = x.mul(w).add(1);
    const root = score.relu().mul(3);
    const tape = compile(root, { outputs: [score] });
    w.data = -5;
    tape.forward();
    expect(score.data).toBe(-4); // 1·(-5) + 1
    expect(root.data).toBe(0); // relu(-4)·3
  });
});

function viaTapeAgain(tape: ReturnType<typeof compile>, leaves: Value[]): { data: number; grads: number[] } {
  for (const l of leaves) l.grad = 0;
  const data = tape.forward();
  tape.backward();
  return { data, grads: leaves.map((l) => l.grad) };
}

describe('compile() input checks', () => {
  it('rejects a non-Value root and bad options', () => {
    expect(() => compile(3 as unknown as Value)).toThrow(/expected root to be a Value, got number 3/);
    expect(() => compile(new Value(1), { fuse: 'yes' as unknown as boolean })).toThrow(
      /options.fuse to be a boolean/,
    );
    expect(() => compile(new Value(1), { outputs: [new Value(2)] })).toThrow(RangeError);
    expect(() => compile(new Value(1), { writeBack: true, fuse: true })).toThrow(
      /writeBack needs fuse: false/,
    );
  });

  it('runs forward() itself when backward() comes first', () => {
    const w = new Value(2);
    const x = new Value(3);
    const tape = compile(w.mul(x).tanh());
    tape.backward();
    // ∂tanh(wx)/∂w = x·(1 − tanh²(wx)) = 3·(1 − tanh²(6)); tolerance: the table may round 1 − t² differently.
    expect(w.grad).toBeCloseTo(3 * (1 - Math.tanh(6) ** 2), 14);
  });
});
