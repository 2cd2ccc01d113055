// Trainer: micrograd's moons demo reaches 100% training accuracy; other losses train; bad setups are refused.
import { describe, expect, it } from 'vitest';
import { makeBlobs, makeMoons, MLP, Trainer } from '../../src/index.js';

describe('Trainer', () => {
  it("micrograd's demo (moons 100, noise 0.1, MLP 2-16-16-1, max-margin + 1e-4·Σp², SGD 1 - 0.9k/100) reaches 100%", () => {
    const data = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 });
    const t = new Trainer(new MLP(2, [16, 16, 1], { seed: 1337 }), data);
    const log = Array.from({ length: 100 }, () => t.step());
    expect(log[0]!.lr).toBe(1);
    expect(log[99]!.lr).toBe(1.0 - (0.9 * 99) / 100);
    expect(log[99]!.loss).toBeLessThan(log[0]!.loss / 10);
    expect(t.evaluate().accuracy).toBe(1);
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
    for (let i = 0; i < 60; i++) expect(t.step().accuracy).toBeGreaterThanOrEqual(0);
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
