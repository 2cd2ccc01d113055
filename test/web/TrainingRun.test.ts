// TrainingRun (the code the train page's worker runs): it learns, it is reproducible, and it draws one neuron.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DATASETS, LOSSES, type TrainConfig } from '../../web/src/train/config.js';
import { boundsOf, TrainingRun } from '../../web/src/train/TrainingRun.js';

/** Steps until accuracy first exceeds `target`, or -1 within `limit` steps. */
function stepsTo(t: TrainingRun, target: number, limit: number): number {
  for (let s = 1; s <= limit; s++) {
    t.step();
    if (t.accuracy() > target) return s;
  }
  return -1;
}

describe('TrainingRun', () => {
  it('learns the default moons past 95% accuracy within 150 steps', () => {
    // The page's default setup; the e2e test drives the same in the browser with the same bound.
    const steps = stepsTo(new TrainingRun({ ...DEFAULT_CONFIG }), 0.95, 150);
    expect(steps).toBeGreaterThan(0);
  });

  it('gives the same losses for the same seed, and other losses for another seed', () => {
    const run = (c: TrainConfig): number[] => {
      const t = new TrainingRun(c);
      return Array.from({ length: 5 }, () => t.step().loss);
    };
    const small: TrainConfig = { ...DEFAULT_CONFIG, hidden: [4], size: 40, batch: 10 };
    expect(run(small)).toEqual(run(small));
    expect(run({ ...small, seed: 2 })).not.toEqual(run(small));
  });

  it('builds every dataset and loss with two classes, and takes a finite step', () => {
    for (const dataset of DATASETS) {
      for (const loss of LOSSES) {
        const t = new TrainingRun({ ...DEFAULT_CONFIG, dataset, loss, hidden: [3], size: 20, batch: 20 });
        expect(new Set(t.data.y)).toEqual(new Set([0, 1]));
        expect(t.data.y.length).toBeGreaterThanOrEqual(20);
        expect(Number.isFinite(t.step().loss)).toBe(true);
        const grid = t.grid(boundsOf(t.data.X), 4);
        expect(grid.every(Number.isFinite)).toBe(true);
      }
    }
  });

  it("draws one neuron's graph for a sample, its inputs cut loose and labelled", () => {
    const t = new TrainingRun({ ...DEFAULT_CONFIG, hidden: [3, 2] });
    const first = t.neuronGraph(0, 1, 5);
    expect(first.dot).toMatch(/\{ x0 \| data /);
    expect(first.dot).toMatch(/\{ w1 \| data /);
    expect(first.dot).toMatch(/\{ L1 N2 \| data /);
    const second = t.neuronGraph(1, 0, 5);
    expect(second.dot).toMatch(/\{ h1\[2\] \| data /);
    // Two inputs: b + w0·x0 + w1·x1 then ReLU — a dozen nodes, not the whole network.
    expect(first.nodes).toBeLessThan(20);
    expect(() => t.neuronGraph(0, 0, 0)).not.toThrow();
  });

  it("gives the neuron's weights the same grads as backward through the whole, uncut network", () => {
    for (const loss of LOSSES) {
      const t = new TrainingRun({ ...DEFAULT_CONFIG, loss, hidden: [4, 3] });
      for (let s = 0; s < 5; s++) t.step();
      const neuron = t.model.layers[1]!.neurons[2]!;
      t.neuronGraph(1, 2, 11);
      const cut = [...neuron.w, neuron.b].map((p) => p.grad);
      // The reference: the library's loss graph for that one sample, through every layer.
      t.trainer.optimizer.zeroGrad();
      t.trainer.graph([t.data.X[11]!], [t.data.y[11]!]).loss.backward();
      const whole = [...neuron.w, neuron.b].map((p) => p.grad);
      // Same function, fewer nodes: equal up to the order of float additions (1e-12 relative).
      cut.forEach((g, i) => expect(g).toBeCloseTo(whole[i]!, 12));
      expect(whole.some((g) => g !== 0)).toBe(true);
    }
  });
});
