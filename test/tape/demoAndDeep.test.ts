// The tape on micrograd's moons demo (trained side by side with eager) and on a chain ten million nodes deep.
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/engine/value.js';
import { compile } from '../../src/tape/index.js';
import { BenchMlp } from '../../bench/demo/mlp.js';
import { demoLoss } from '../../bench/demo/demoLoss.js';
import { moons } from '../../bench/demo/moons.js';

const make = (x: number): Value => new Value(x);

describe('tape on the moons demo', () => {
  it('trains step for step like the eager engine (bit-identical loss and parameters)', () => {
    const { X, y } = moons(100, 0.1, 3);
    const eagerModel = new BenchMlp(make, 2, [16, 16, 1], 42);
    const tapeModel = new BenchMlp(make, 2, [16, 16, 1], 42);
    const pe = eagerModel.parameters();
    const pt = tapeModel.parameters();
    const tape = compile(demoLoss(make, tapeModel, X, y).loss);
    for (let k = 0; k < 4; k++) {
      const { loss } = demoLoss(make, eagerModel, X, y);
      for (const p of pe) p.grad = 0;
      loss.backward();
      const tapeLoss = tape.forward();
      for (const p of pt) p.grad = 0;
      tape.backward();
      // An MLP's fused slots add every contribution in eager's order, so the numbers are identical.
      expect(tapeLoss).toBe(loss.data);
      pt.forEach((p, i) => expect(p.grad).toBe(pe[i]!.grad));
      const lr = 1.0 - (0.9 * k) / 100;
      for (const p of [...pe, ...pt]) p.data -= lr * p.grad;
    }
    expect(tape.size).toBeLessThan(tape.nodeCount / 10); // the neurons fused: ~4k slots for ~66k nodes
  });
});

describe('tape on a deep chain', () => {
  it('compiles and replays ten million nodes without overflowing', () => {
    const N = 5_000_000; // two nodes per step: v = v*c + d
    const x = new Value(0.5);
    const c = new Value(1);
    const d = new Value(1e-3);
    let v = x;
    for (let i = 0; i < N; i++) v = v.mul(c).add(d);
    const built = v.data;
    const tape = compile(v);
    expect(tape.nodeCount).toBe(2 * N + 3);
    expect(tape.forward()).toBe(built); // the same ops in the same order as when the chain was built
    tape.backward();
    // Math: ∂v/∂x = c^N = 1; ∂v/∂d = N (each add passes grad 1 through; integer sums are exact).
    expect(x.grad).toBe(1);
    expect(d.grad).toBe(N);
    // ∂v/∂c = Σ (value entering each mul), added top-down as backward does.
    let want = 0;
    const entering = new Float64Array(N);
    let u = 0.5;
    for (let i = 0; i < N; i++) {
      entering[i] = u;
      u = u * 1 + 1e-3;
    }
    for (let i = N - 1; i >= 0; i--) want += entering[i]!;
    expect(c.grad).toBe(want);
  });
});
