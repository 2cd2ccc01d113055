// The fuzzer: deterministic per seed, and its committed graphs reach every op, method and shape.
import { describe, expect, it } from 'vitest';
import { OP_NAMES } from '../../src/engine/ops.js';
import { lowerProgram, pruneProgram, type Program } from './fuzz/program.js';
import { fuzzGraphs } from './fuzzGraphs.js';
import { readFuzz } from './golden.js';

const golden = readFuzz().graphs;
const steps = golden.flatMap((g) => g.program);

/** The longest run of steps each reading the step just before it. */
function longestChain(p: Program): number {
  const len = p.map(() => 1);
  p.forEach((s, i) => {
    if (s.t !== 'leaf' && s.a === i - 1) len[i] = len[i - 1]! + 1;
  });
  return Math.max(...len);
}

describe('fuzz graphs', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(fuzzGraphs(7, 20).map((g) => g.program)).toEqual(fuzzGraphs(7, 20).map((g) => g.program));
    expect(fuzzGraphs(8, 20).map((g) => g.program)).not.toEqual(fuzzGraphs(7, 20).map((g) => g.program));
  });

  it('use every primitive op of the table', () => {
    const ops = new Set(golden.flatMap((g) => lowerProgram(g.program).spec.nodes.map((n) => n.op)));
    for (const op of [...OP_NAMES, 'softplus', 'hypot']) expect(ops, op).toContain(op);
  });

  it('call every method, with a Value and with a number on either side', () => {
    const seen = new Set(steps.map((s) => (s.t === 'leaf' ? 'leaf' : `${s.t} ${'op' in s ? s.op : ''}`)));
    for (const m of ['add', 'mul', 'sub', 'div', 'rsub', 'rdiv']) {
      expect(seen, m).toContain(`binary ${m}`);
      expect(seen, m).toContain(`const ${m}`);
    }
    for (const m of ['neg', 'tanh', 'exp', 'relu', 'log', 'sigmoid', 'sqrt', 'abs', 'sin', 'cos'])
      expect(seen, m).toContain(`unary ${m}`);
    expect(steps.some((s) => s.t === 'pow')).toBe(true);
    // a Value exponent, the suite's defineOp ops (customOps.ts), detach and calls inside noGrad
    for (const m of ['binary pow', 'binary hypot', 'unary softplus', 'unary detach', 'noGrad pow'])
      expect(seen, m).toContain(m);
    expect([...seen].filter((m) => m.startsWith('noGrad ')).length).toBeGreaterThan(3);
  });

  it('include the same node as both inputs, long chains, wide sums and NaN/Infinity', () => {
    expect(steps.filter((s) => s.t === 'binary' && s.a === s.b).length).toBeGreaterThan(20);
    expect(Math.max(...golden.map((g) => longestChain(g.program)))).toBeGreaterThanOrEqual(30);
    const adds = golden.map((g) => g.program.filter((s) => s.t === 'binary' && s.op === 'add').length);
    expect(Math.max(...adds)).toBeGreaterThanOrEqual(20);
    const edgy = golden.filter((g) =>
      [...g.answer.values, ...g.answer.grads].some((x) => !Number.isFinite(x)),
    );
    expect(edgy.length).toBeGreaterThan(golden.length / 10);
    expect(edgy.length).toBeLessThan(golden.length * 0.6); // most graphs stay finite
  });

  it('prune to the same recorded graph (only steps the root reads are dropped)', () => {
    for (const g of golden.slice(0, 50)) {
      expect(lowerProgram(pruneProgram(g.program)).spec).toEqual(lowerProgram(g.program).spec);
    }
  });
});
