// Trainer: micrograd's moons demo reaches 100% training accuracy; other losses train; bad setups are refused.
import { describe, expect, it } from 'vitest';
import { makeBlobs, makeMoons, MLP, Trainer } from '../../src/index.js';

describe('Trainer', () => {
  it("follows micrograd's schedule 1.0 - 0.9*k/100 by default and lowers the loss", () => {
    // The full 100-step demo, step by step against PyTorch, is in nn.golden.test.ts.
    const data = makeMoons({ nSamples: 30, noise: 0.1, seed: 1337 });
    const t = new Trainer(new MLP(2, [8, 1], { seed: 1 }), data);
    const log = Array.from({ length: 20 }, () => t.step());
    expect(log.map((r) => r.step)).toEqual([...Array(20).keys()]);
    expect(log[0]!.lr).toBe(1);
    expect(log[19]!.lr).toBe(1.0 - (0.9 * 19) / 100);
    expect(t.evaluate().loss).toBeLessThan(log[0]!.loss / 2);
  });

  it('trains three blobs with softmax cross-entropy and Adam, and samples mini-batches', () => {
    const data = makeBlobs({ nSamples: 60, centers: 3, clusterStd: 0.5, seed: 3 });
    // inputs span ±10: a small Xavier network and Adam keep the first steps tame
    const model = new MLP(2, [8, 3], { init: 'xavier', seed: 1 });
    const t = new Trainer(model, data, {
      loss: 'cross-entropy',
      optimizer: 'adam',
      lr: 0.05,
      batchSize: 20,
      steps: 60,
    });
    const before = t.evaluate().loss;
    for (let i = 0; i < 60; i++) {
      // Accuracy is measured on the 20-sample batch: a whole number of twentieths, at most 1.
      const { accuracy } = t.step();
      expect(Math.abs(accuracy * 20 - Math.round(accuracy * 20))).toBeLessThan(1e-9);
      expect(accuracy).toBeLessThanOrEqual(1);
    }
    expect(t.evaluate().loss).toBeLessThan(before / 4);
    expect(t.evaluate().accuracy).toBeGreaterThan(0.95);
  });

  it('refuses a model whose outputs do not fit the loss, bad batch sizes and bad data', () => {
    const data = makeMoons({ nSamples: 10, seed: 1 });
    expect(() => new Trainer(new MLP(2, [4, 2]), data)).toThrow(
      /needs a last layer of 1 output\(s\), the model has 2/,
    );
    expect(() => new Trainer(new MLP(2, [4, 1]), data, { loss: 'cross-entropy' })).toThrow(/2 output/);
    expect(() => new Trainer(new MLP(2, [4, 1]), data, { batchSize: 11 })).toThrow(/at most the 10 samples/);
    expect(() => new Trainer(new MLP(3, [4, 1]), data)).toThrow(/data.X\[0\] to be 3 finite numbers/);
    expect(() => new Trainer(new MLP(2, [4, 1]), { X: data.X, y: [...data.y.slice(1), 0.5] })).toThrow(
      /data.y\[9\]/,
    );
    expect(() => new Trainer(new MLP(2, [4, 1]), data, { loss: 'hinge' as never })).toThrow(
      /max-margin, mse, bce/,
    );
  });
});
