// Trainer on the compiled tape: the same losses, accuracies and weights as the eager engine, step by step.
import { describe, expect, it } from 'vitest';
import { trainTwin } from './trainTwin.js';
import { makeMoons, MLP, Trainer, type LossName, type TrainOptions } from '../../src/index.js';

describe('Trainer with the compiled tape', () => {
  it("replays micrograd's demo bit for bit: every step's loss and accuracy, and the final weights", () => {
    const data = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 });
    const run = (compile: boolean) => {
      const model = new MLP(2, [16, 16, 1], { seed: 1337 });
      const t = new Trainer(model, data, { compile });
      const log = Array.from({ length: 20 }, () => t.step());
      return { engine: t.engine, log, params: model.parameters().map((p) => p.data) };
    };
    const tape = run(true);
    const eager = run(false);
    expect([tape.engine, eager.engine]).toEqual(['tape', 'eager']);
    // The fused slots add the same products in the same order as the eager graph: exact equality.
    expect(tape.log).toEqual(eager.log);
    expect(tape.params).toEqual(eager.params);
  });

  const losses: Array<[LossName, TrainOptions, number]> = [
    ['mse', { optimizer: 'sgd', lr: 0.05 }, 2],
    ['bce', { optimizer: 'adam', lr: 0.02 }, 2],
    ['cross-entropy', { optimizer: 'adam', lr: 0.02 }, 3],
  ];
  it.each(losses)('agrees with eager training under the %s loss', (loss, opts, classes) => {
    const { tape, eager } = trainTwin(loss, opts, classes);
    expect(tape.t.engine).toBe('tape');
    // 1e-12 relative: the tape evaluates the op table's rules on the same inputs; only a fused sum's
    // association could differ in the last bit, and 8 steps do not amplify that past 1e-12.
    tape.log.forEach((r, i) => {
      const e = eager.log[i]!;
      expect(Math.abs(r.loss - e.loss)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(e.loss)));
      expect(r.accuracy).toBe(e.accuracy);
    });
    tape.params.forEach((p, i) => {
      const q = eager.params[i]!;
      expect(Math.abs(p - q)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(q)));
    });
  });

  it('replays a tape for minibatches and per-sample SGD too; eager only when asked', () => {
    const data = makeMoons({ nSamples: 30, noise: 0.1, seed: 1 });
    expect(new Trainer(new MLP(2, [4, 1], { seed: 1 }), data, { batchSize: 10 }).engine).toBe('tape');
    expect(new Trainer(new MLP(2, [4, 1], { seed: 1 }), data, { batchSize: 1 }).engine).toBe('tape');
    expect(new Trainer(new MLP(2, [4, 1], { seed: 1 }), data, { compile: false }).engine).toBe('eager');
    expect(new Trainer(new MLP(2, [4, 1], { seed: 1 }), data).engine).toBe('tape');
  });

  it('rejects a compile option that is not a boolean', () => {
    const data = makeMoons({ nSamples: 10, noise: 0.1, seed: 1 });
    expect(
      () => new Trainer(new MLP(2, [4, 1], { seed: 1 }), data, { compile: 'yes' as unknown as boolean }),
    ).toThrow(/opts\.compile to be a boolean, got string "yes"/);
  });
});
