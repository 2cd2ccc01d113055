// Tape.batch on a wider ReLU net over more samples than one block: the column replay's grouped terms
// (four weight-times-sample terms per pass) must still equal eager per-sample graphs bit for bit.
import { describe, expect, it } from 'vitest';
import { compile, MLP, Rng, Value } from '../../src/index.js';
import { encodeTarget, sampleLoss, targetWidth } from '../../src/nn/sampleLoss.js';

describe('Tape.batch over 70 samples of MLP(9, [6, 3])', () => {
  it('equals eager per-sample graphs summed last sample first, values and grads bit for bit', () => {
    const model = new MLP(9, [6, 3], { seed: 5 });
    const rng = new Rng(9);
    const X = Array.from({ length: 70 }, () => Array.from({ length: 9 }, () => rng.uniform(-2, 2)));
    const y = X.map((_, i) => i % 3);
    const width = targetWidth('cross-entropy', 3);
    const rowOf = (x: number[], c: number): number[] => {
      const r = x.slice();
      encodeTarget('cross-entropy', c, 3, r, 9);
      return r;
    };
    const x = X[0]!.map(() => new Value(0));
    const t = Array.from({ length: width }, () => new Value(0));
    const tape = compile(sampleLoss(model.forward(x), t, 'cross-entropy'), { inputs: [...x, ...t] });
    const params = model.parameters();
    const scale = 1 / 70;
    params.forEach((p) => (p.grad = 0));
    const { values } = tape.batch(
      X.map((xi, i) => rowOf(xi, y[i]!)),
      { scale },
    );
    const tapeGrads = params.map((p) => p.grad);
    // Eager: each sample's own graph with constant targets, its root seeded `scale`, last sample first.
    params.forEach((p) => (p.grad = 0));
    const eagerValues: number[] = [];
    for (let i = X.length - 1; i >= 0; i--) {
      const target = rowOf(X[i]!, y[i]!)
        .slice(9)
        .map((v) => new Value(v));
      const loss = sampleLoss(model.forward(X[i]!), target, 'cross-entropy');
      eagerValues[i] = loss.data;
      loss.mul(scale).backward();
    }
    expect(Array.from(values)).toEqual(eagerValues);
    expect(tapeGrads).toEqual(params.map((p) => p.grad));
    expect(tapeGrads.some((g) => g !== 0)).toBe(true);
  });
});
