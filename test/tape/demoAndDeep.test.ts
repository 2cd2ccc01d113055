// The tape on micrograd's moons demo (trained side by side with eager) and on a chain ten million nodes deep.
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/engine/value.js';
import { makeMoons } from '../../src/data/index.js';
import { lossGraph, microgradDecay, MLP, SGD } from '../../src/nn/index.js';
import { compile } from '../../src/tape/index.js';

describe('tape on the moons demo', () => {
  it('trains step for step like the eager engine (bit-identical loss, outputs and grads)', () => {
    const { X, y } = makeMoons({ nSamples: 100, noise: 0.1, seed: 3 });
    const eagerModel = new MLP(2, [16, 16, 1], { seed: 42 });
    const tapeModel = new MLP(2, [16, 16, 1], { seed: 42 });
    const eagerOpt = new SGD(eagerModel.parameters(), { lr: microgradDecay(1, 100) });
    const tapeOpt = new SGD(tapeModel.parameters(), { lr: microgradDecay(1, 100) });
    const recorded = lossGraph(tapeModel, X, y, 'max-margin', 1e-4);
    const scores = recorded.outputs.map((o) => o[0]!);
    const tape = compile(recorded.loss, { outputs: scores });
    const losses: number[] = [];
    for (let k = 0; k < 4; k++) {
      const eager = lossGraph(eagerModel, X, y, 'max-margin', 1e-4);
      eagerOpt.zeroGrad();
      eager.loss.backward();
      const tapeLoss = tape.forward();
      losses.push(tapeLoss);
      tapeOpt.zeroGrad();
      tape.backward();
      // An MLP's fused slots add every contribution in eager's order, so the numbers are identical.
      expect(tapeLoss).toBe(eager.loss.data);
      expect(recorded.loss.data).toBe(eager.loss.data);
      scores.forEach((s, i) => expect(s.data).toBe(eager.outputs[i]![0]!.data));
      const pe = eagerModel.parameters();
      tapeModel.parameters().forEach((p, i) => expect(p.grad).toBe(pe[i]!.grad));
      eagerOpt.step();
      tapeOpt.step();
    }
    // Each replay saw new parameters (four different losses), and the neurons fused.
    expect(new Set(losses).size).toBe(4);
    // ~7.2k slots for ~69k nodes: the hidden neurons' chains fused (the scores, kept as outputs, are not).
    expect(tape.size).toBeLessThan(tape.nodeCount / 9);
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
