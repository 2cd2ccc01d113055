// Minibatches and per-sample SGD on the one-sample tape: the same numbers as rebuilding the graph eagerly.
import { describe, expect, it } from 'vitest';
import { trainTwin } from './trainTwin.js';
import { compile, MLP, Value, type LossName, type TrainOptions } from '../../src/index.js';
import { encodeTarget, sampleLoss, targetWidth } from '../../src/nn/sampleLoss.js';

describe('minibatch training on the one-sample tape', () => {
  // The eager side builds lossGraph over the batch and calls backward(); the tape replays one sample's
  // graph per row, last row first, after the penalty's gradient — the order backward() adds them in — so
  // every sum happens in the same order and the runs agree exactly.
  const exact: Array<[LossName, TrainOptions]> = [
    ['max-margin', { batchSize: 10, optimizer: 'sgd', lr: 0.5 }],
    ['mse', { batchSize: 7, optimizer: 'sgd', lr: 0.05, alpha: 0 }],
    ['bce', { batchSize: 1, optimizer: 'adam', lr: 0.02 }],
  ];
  it.each(exact)('%s: every step and the final weights equal the eager engine bit for bit', (loss, opts) => {
    const { tape, eager } = trainTwin(loss, opts, 2, 12);
    expect([tape.t.engine, eager.t.engine]).toEqual(['tape', 'eager']);
    expect(tape.log).toEqual(eager.log);
    expect(tape.params).toEqual(eager.params);
    expect(tape.test).toEqual(eager.test);
  });

  it('cross-entropy agrees with eager to 1e-12 (the tape picks the label by a one-hot dot product)', () => {
    const { tape, eager } = trainTwin('cross-entropy', { batchSize: 9, optimizer: 'adam', lr: 0.02 }, 3, 12);
    // 1e-12 relative: picking z_y by Σ t_j·(z_j − m) gives the same number, but z_y's grad receives its
    // two contributions in another order, which can move the last bit; 12 steps do not amplify that.
    tape.log.forEach((r, i) => {
      expect(Math.abs(r.loss - eager.log[i]!.loss)).toBeLessThanOrEqual(1e-12 * Math.abs(eager.log[i]!.loss));
      expect(r.accuracy).toBe(eager.log[i]!.accuracy);
    });
    tape.params.forEach((p, i) => {
      expect(Math.abs(p - eager.params[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(p)));
    });
  });
});

describe('compile(root, { inputs }) and Tape.batch', () => {
  const model = new MLP(3, [5, 4], { seed: 2, activation: 'tanh' });
  const X = [
    [0.5, -1, 2],
    [1.5, 0.25, -0.75],
    [-2, 1, 0.125],
  ];
  const y = [2, 0, 3];
  const rowOf = (x: number[], c: number): number[] => {
    const r = x.slice();
    encodeTarget('cross-entropy', c, 4, r, 3);
    return r;
  };

  it('replays over samples bit for bit as eager per-sample graphs summed in the same order', () => {
    const x = [0, 0, 0].map((v) => new Value(v));
    const t = Array.from({ length: targetWidth('cross-entropy', 4) }, () => new Value(0));
    const tape = compile(sampleLoss(model.forward(x), t, 'cross-entropy'), { inputs: [...x, ...t] });
    const params = model.parameters();
    params.forEach((p) => (p.grad = 0));
    const { values } = tape.batch(
      X.map((xi, i) => rowOf(xi, y[i]!)),
      { scale: 0.25 },
    );
    const tapeGrads = params.map((p) => p.grad);
    // Eager: each sample's own graph, built with constant targets, backward with its root seeded 0.25,
    // last sample first; leaf grads carry over between samples.
    params.forEach((p) => (p.grad = 0));
    const eagerValues: number[] = [];
    for (let i = X.length - 1; i >= 0; i--) {
      const target = rowOf(X[i]!, y[i]!)
        .slice(3)
        .map((v) => new Value(v));
      const root = sampleLoss(model.forward(X[i]!), target, 'cross-entropy').mul(0.25);
      eagerValues[i] = root.data / 0.25;
      root.backward();
    }
    expect(Array.from(values)).toEqual(eagerValues);
    expect(tapeGrads).toEqual(params.map((p) => p.grad));
  });

  it('forward(x) sets the inputs and recomputes without recompiling', () => {
    const a = new Value(0);
    const b = new Value(0);
    const w = new Value(3);
    const tape = compile(a.mul(w).add(b).tanh(), { inputs: [a, b] });
    expect(tape.forward([0.5, -1])).toBe(Math.tanh(0.5 * 3 + -1));
    expect(tape.forward([2, 0.25])).toBe(Math.tanh(2 * 3 + 0.25));
    tape.backward();
    // d tanh(wa+b)/dw = (1 − tanh²)·a, from the math; 1e-15 absolute for the rounding of 1 − tanh²
    expect(Math.abs(w.grad - (1 - Math.tanh(6.25) ** 2) * 2)).toBeLessThan(1e-15);
  });

  it('rejects inputs that are not leaves of the graph, and rows of the wrong shape', () => {
    const a = new Value(1);
    const s = a.mul(2);
    expect(() => compile(s, { inputs: [s] })).toThrow(RangeError);
    expect(() => compile(s, { inputs: [new Value(1)] })).toThrow(/inputs\[0\] is not a leaf of root's graph/);
    expect(() => compile(s, { inputs: [a, a] })).toThrow(/same leaf twice/);
    const tape = compile(s, { inputs: [a] });
    expect(() => tape.batch([[1, 2]])).toThrow(/rows\[0\]: expected 1 numbers/);
    expect(() => tape.forward(['x' as unknown as number])).toThrow(/input 0 to be a number, got string/);
  });
});

describe('Tape.batch on a graph that reads a parameter twice (the per-sample replay)', () => {
  it('equals eager per-sample graphs, summed last sample first, bit for bit', () => {
    // w is read by two slots (w·x and + w), so the slot-major replay does not apply.
    const w = new Value(0.75);
    const build = (x: Value) => x.mul(w).add(w).tanh().mul(x);
    const x = new Value(0);
    const tape = compile(build(x), { inputs: [x] });
    const rows = [[0.5], [-1.25], [2]];
    w.grad = 0;
    const { values } = tape.batch(rows, { scale: 0.5 });
    const tapeGrad = w.grad;
    w.grad = 0;
    const eager: number[] = [];
    for (let i = rows.length - 1; i >= 0; i--) {
      const root = build(new Value(rows[i]![0]!)).mul(0.5);
      eager[i] = root.data / 0.5;
      root.backward();
    }
    expect(Array.from(values)).toEqual(eager);
    expect(tapeGrad).toBe(w.grad);
  });
});
