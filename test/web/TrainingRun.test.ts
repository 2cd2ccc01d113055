// TrainingRun (the code the train page's worker runs): it learns, it measures what the library measures, its
// features, split, regularization and live learning rate do what they say, and it stops on divergence.
import { describe, expect, it } from 'vitest';
import { lossGraph, accuracy } from '../../src/nn/index.js';
import { DEFAULT_CONFIG, LOSSES, PROBLEM_DATASETS, type TrainConfig } from '../../web/src/train/config.js';
import { boundsOf, TrainingRun } from '../../web/src/train/TrainingRun.js';

const small: TrainConfig = { ...DEFAULT_CONFIG, hidden: [4], size: 40, batch: 10 };

/** The library's own loss and accuracy of `idx`, built eagerly from the run's current weights. */
function reference(t: TrainingRun, idx: number[]): { loss: number; accuracy: number; r2: number } {
  const { X, y } = t.subset(idx);
  const g = lossGraph(t.model, X, y, t.config.loss, 0);
  // A classifier has no R² (the page shows accuracy).
  return { loss: g.dataLoss.data, accuracy: accuracy(g.outputs, y), r2: NaN };
}

describe('TrainingRun', () => {
  it('learns the default moons past 95% test accuracy within 150 steps', () => {
    // The page's default setup; the e2e test drives the same in the browser with the same bound.
    const t = new TrainingRun({ ...DEFAULT_CONFIG });
    let s = 0;
    while (s < 150 && !(t.measure().test.accuracy > 0.95)) {
      expect(t.step()).toBeNull();
      s++;
    }
    expect(t.measure().test.accuracy).toBeGreaterThan(0.95);
  });

  it("measures train and test loss and accuracy exactly as the library's lossGraph does at the same weights", () => {
    for (const loss of LOSSES) {
      const t = new TrainingRun({ ...small, loss, features: ['x1', 'x2', 'x1x2', 'sinx2'], hidden: [5, 3] });
      for (let s = 0; s < 6; s++) t.step();
      const m = t.measure();
      // The tape replays the same graph, so the numbers agree to the last bit.
      expect(m.train).toEqual(reference(t, t.trainIdx));
      expect(m.test).toEqual(reference(t, t.testIdx));
      t.step();
      expect(t.measure().test).toEqual(reference(t, t.testIdx));
    }
  });

  it('gives the same losses for the same seed, and other losses for another seed', () => {
    const run = (c: TrainConfig): number[] => {
      const t = new TrainingRun(c);
      return Array.from({ length: 5 }, () => (t.step(), t.measure().train.loss));
    };
    expect(run(small)).toEqual(run(small));
    expect(run({ ...small, seed: 2 })).not.toEqual(run(small));
  });

  it('splits the points into disjoint train and test sets of the chosen ratio', () => {
    const t = new TrainingRun({ ...small, size: 200, trainPct: 70 });
    expect(t.trainIdx.length).toBe(140);
    expect(t.testIdx.length).toBe(60);
    expect(new Set([...t.trainIdx, ...t.testIdx]).size).toBe(200);
    expect(t.trainer.data.X.length).toBe(140);
  });

  it('feeds the network the chosen features, computed from each point', () => {
    const t = new TrainingRun({ ...small, features: ['x1sq', 'x1x2', 'sinx1'] });
    expect(t.model.nin).toBe(3);
    const [a, b] = t.data.X[t.trainIdx[0]!]!;
    expect(t.trainer.data.X[0]).toEqual([a! * a!, a! * b!, Math.sin(a!)]);
  });

  it('applies L2 and L1 as Playground does: after the step, w -= lr·rate·w or lr·rate·sign(w) (biases untouched)', () => {
    const base = { ...small, optimizer: 'sgd' as const, lr: 0.1, regRate: 0.5 };
    const none = new TrainingRun({ ...base, regularization: 'none' });
    const l2 = new TrainingRun({ ...base, regularization: 'l2' });
    const l1 = new TrainingRun({ ...base, regularization: 'l1' });
    for (const t of [none, l2, l1]) t.step();
    const k = 0.1 * 0.5;
    none.model.layers.forEach((layer, li) =>
      layer.neurons.forEach((n, j) => {
        n.w.forEach((w, i) => {
          expect(l2.model.layers[li]!.neurons[j]!.w[i]!.data).toBe(w.data - k * w.data);
          const stepped = w.data - k * Math.sign(w.data);
          expect(l1.model.layers[li]!.neurons[j]!.w[i]!.data).toBe(stepped * w.data < 0 ? 0 : stepped);
        });
        expect(l2.model.layers[li]!.neurons[j]!.b.data).toBe(n.b.data);
      }),
    );
  });

  it('takes a new learning rate from the next step on, without starting over', () => {
    const t = new TrainingRun({ ...small, optimizer: 'sgd' });
    t.step();
    t.live.lr = 0;
    const before = t.model.parameters().map((p) => p.data);
    t.step();
    expect(t.model.parameters().map((p) => p.data)).toEqual(before);
    expect(t.steps).toBe(2);
  });

  it("stops the issue's diverging setup (SGD, lr 10, MSE, 32×32) with the reason", () => {
    const t = new TrainingRun({ ...DEFAULT_CONFIG, optimizer: 'sgd', lr: 10, loss: 'mse', hidden: [32, 32] });
    let d = null;
    for (let s = 0; s < 20 && d === null; s++) d = t.step();
    expect(d).not.toBeNull();
    expect(d!.why).toMatch(/^the loss (became|grew from)/);
    // The library's shared hint, worded for the page: SGD's safe rate is 0.1.
    expect(d!.hint).toBe('try a learning rate of 0.1, or Adam');
  });

  it('blames the regularization rate when lr × rate reaches 1, with the rate that would not overshoot', () => {
    const t = new TrainingRun({ ...small, optimizer: 'sgd', lr: 5, regularization: 'l2', regRate: 10 });
    let d = null;
    for (let s = 0; s < 50 && d === null; s++) d = t.step();
    expect(d?.hint).toBe('try a regularization rate below 0.2 (lr × rate ≥ 1 overshoots zero)');
  });

  it('builds every classification dataset and loss with two classes, and takes a finite step', () => {
    for (const dataset of PROBLEM_DATASETS.classification.filter((d) => d !== 'custom')) {
      for (const loss of LOSSES) {
        const t = new TrainingRun({ ...small, dataset, loss, hidden: [3], size: 20, batch: 20 });
        expect(new Set(t.data.y)).toEqual(new Set([0, 1]));
        expect(t.step()).toBeNull();
        const maps = t.grid(boundsOf(t.data.X), 4, true);
        expect(maps.length).toBe(2 + 3 + (loss === 'cross-entropy' ? 2 : 1));
        expect(maps.every((m) => m.every(Number.isFinite))).toBe(true);
      }
    }
  });

  it("builds Playground's regression data and learns the plane: the measured loss is the MSE, R² rises", () => {
    for (const dataset of ['plane', 'gauss'] as const) {
      const t = new TrainingRun({
        ...small,
        problem: 'regression',
        dataset,
        loss: 'mse',
        hidden: [4],
        size: 60,
      });
      const first = t.measure();
      for (let s = 0; s < 60; s++) expect(t.step()).toBeNull();
      const m = t.measure();
      expect(Number.isNaN(m.train.accuracy)).toBe(true);
      // The measured train loss is the mean squared error of the model's outputs, from its definition.
      const { X, y } = t.subset(t.trainIdx);
      const mse = X.reduce((a, x, i) => a + (t.model.predict(x)[0]! - y[i]!) ** 2, 0) / X.length;
      expect(m.train.loss).toBeCloseTo(mse, 12);
      expect(m.train.r2).toBeGreaterThan(first.train.r2);
    }
  });

  it('goes on with the same weights, step count and optimizer state on new data (a point added)', () => {
    const points = Array.from({ length: 20 }, (_, i) => ({ x: i / 10, y: (i % 3) / 3, c: i % 2 }));
    const t = new TrainingRun({ ...small, optimizer: 'adam', dataset: 'custom', points });
    for (let s = 0; s < 5; s++) t.step();
    const weights = t.model.parameters().map((p) => p.data);
    const next = new TrainingRun(
      { ...small, optimizer: 'adam', dataset: 'custom', points: [...points, { x: 0.5, y: 0.5, c: 1 }] },
      t.carry(),
    );
    expect(next.model).toBe(t.model);
    expect(next.steps).toBe(5);
    expect(next.model.parameters().map((p) => p.data)).toEqual(weights);
    expect(next.data.X.length).toBe(21);
    next.live.lr = 0;
    // A rate of 0 read through the shared settings: Adam's next step moves nothing.
    next.step();
    expect(next.model.parameters().map((p) => p.data)).toEqual(weights);
    expect(next.steps).toBe(6);
  });

  it('trains on custom points', () => {
    const points = Array.from({ length: 20 }, (_, i) => ({ x: i / 10, y: (i % 3) / 3, c: (i % 2) as 0 | 1 }));
    const t = new TrainingRun({ ...small, dataset: 'custom', points });
    expect(t.data.X.length).toBe(20);
    expect(t.data.X[3]).toEqual([0.3, 0]);
    expect(t.step()).toBeNull();
  });

  it("gives the output grid's sign as the model's predicted class", () => {
    const t = new TrainingRun({ ...small, loss: 'cross-entropy' });
    for (let s = 0; s < 5; s++) t.step();
    const b = { x0: -1, x1: 2, y0: -1, y1: 1 };
    const [scores] = t.grid(b, 3, false);
    // Cell (row 0, column 2) is centred at x = -1 + 2.5/3·3, y = 1 - 0.5/3·2.
    const out = t.model.predict(t.inputs([1.5, 1 - 1 / 3]));
    expect(Math.sign(scores![2]!)).toBe(Math.sign(out[1]! - out[0]!));
  });

  it("draws one neuron's graph for a point, its inputs cut loose and labelled", () => {
    const t = new TrainingRun({ ...DEFAULT_CONFIG, hidden: [3, 2] });
    const first = t.neuronGraph(0, 1, 5);
    expect(first.dot).toMatch(/\{ x1 \| data /);
    expect(first.dot).toMatch(/\{ w1 \| data /);
    expect(first.dot).toMatch(/\{ L1 N2 \| data /);
    const second = t.neuronGraph(1, 0, 5);
    expect(second.dot).toMatch(/\{ h1\[2\] \| data /);
    // Two inputs: b + w0·x1 + w1·x2 then ReLU — a dozen nodes, not the whole network.
    expect(first.nodes).toBeLessThan(20);
  });

  it("gives the neuron's weights the same grads as backward through the whole, uncut network", () => {
    for (const loss of LOSSES) {
      const t = new TrainingRun({ ...DEFAULT_CONFIG, loss, activation: 'tanh', hidden: [4, 3] });
      for (let s = 0; s < 5; s++) t.step();
      const neuron = t.model.layers[1]!.neurons[2]!;
      let nonzero = 0;
      for (const sample of [3, 11, 17, 25]) {
        t.neuronGraph(1, 2, sample);
        const cut = [...neuron.w, neuron.b].map((p) => p.grad);
        // The reference: the library's loss graph for that one point, through every layer.
        t.trainer.optimizer.zeroGrad();
        const { X, y } = t.subset([sample]);
        lossGraph(t.model, X, y, loss, 0).loss.backward();
        const whole = [...neuron.w, neuron.b].map((p) => p.grad);
        // Same function, fewer nodes: equal up to the order of float additions (1e-12 relative).
        cut.forEach((g, i) => expect(g).toBeCloseTo(whole[i]!, 12));
        if (whole.some((g) => g !== 0)) nonzero++;
      }
      // A point past the margin (or a dead ReLU) has zero grads; most of these four must not.
      expect(nonzero).toBeGreaterThan(0);
    }
  });
});
