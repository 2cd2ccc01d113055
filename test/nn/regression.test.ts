// Regression as a task of the nn layer: real-valued labels, MSE on the targets themselves, MSE and R².
import { describe, expect, it } from 'vitest';
import {
  inferTask,
  lossGraph,
  MLP,
  r2Score,
  regressGaussian,
  regressPlane,
  Trainer,
} from '../../src/index.js';

/** R² from its definition, written out here independently of the library: 1 - SS_res / SS_tot. */
function r2Reference(pred: number[], y: number[]): number {
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  const res = y.map((v, i) => (v - pred[i]!) ** 2).reduce((a, b) => a + b, 0);
  const tot = y.map((v) => (v - mean) ** 2).reduce((a, b) => a + b, 0);
  return 1 - res / tot;
}

describe('regression', () => {
  it("r2Score matches scikit-learn's documented example and the definition", () => {
    // sklearn.metrics.r2_score docstring: y_true [3, -0.5, 2, 7], y_pred [2.5, 0.0, 2, 8] -> 0.948...
    expect(r2Score([2.5, 0, 2, 8], [3, -0.5, 2, 7])).toBeCloseTo(0.9486081370449679, 15);
    // Constant targets: scikit-learn gives 1.0 for an exact fit and 0.0 otherwise.
    expect(r2Score([2, 2], [2, 2])).toBe(1);
    expect(r2Score([1, 3], [2, 2])).toBe(0);
  });

  it('trains a regression MLP on the plane: MSE falls, evaluate reports MSE and R² by their definitions', () => {
    const data = regressPlane({ nSamples: 60, noise: 0, seed: 4 });
    const model = new MLP(2, [8, 1], { seed: 2, activation: 'tanh', task: 'regression' });
    const t = new Trainer(model, data, { optimizer: 'adam', lr: 0.02, alpha: 0 });
    expect(t.loss).toBe('mse');
    const first = t.step();
    for (let i = 0; i < 150; i++) t.step();
    const e = t.evaluate();
    const pred = data.X.map((x) => model.predict(x)[0]!);
    const mse = pred.reduce((a, p, i) => a + (p - data.y[i]!) ** 2, 0) / pred.length;
    // 1e-12 relative: the same sums, possibly added in another order by the tape.
    expect(e.mse!).toBeCloseTo(mse, 12);
    expect(e.loss).toBeCloseTo(mse, 12);
    expect(e.r2!).toBeCloseTo(r2Reference(pred, data.y), 12);
    expect(Number.isNaN(e.accuracy)).toBe(true);
    expect(e.mse!).toBeLessThan(first.mse! / 10);
    expect(e.r2!).toBeGreaterThan(0.95);
  });

  it('the loss graph is MSE against the targets themselves, with grads that match finite differences', () => {
    const model = new MLP(2, [3, 1], { seed: 5, activation: 'tanh', task: 'regression' });
    const X = [
      [0.3, -1.2],
      [2, 0.5],
      [-0.7, 0.1],
    ];
    const y = [0.25, -1.5, 3];
    const g = lossGraph(model, X, y, 'mse', 0);
    const pred = X.map((x) => model.predict(x)[0]!);
    expect(g.dataLoss.data).toBeCloseTo(pred.reduce((a, p, i) => a + (p - y[i]!) ** 2, 0) / 3, 14);
    g.loss.backward();
    const h = 1e-6;
    for (const p of model.parameters()) {
      const at = (d: number): number => {
        const old = p.data;
        p.data = old + d;
        const v = lossGraph(model, X, y, 'mse', 0).dataLoss.data;
        p.data = old;
        return v;
      };
      // Central differences: error O(h²) ≈ 1e-12 plus rounding ≈ 1e-16/h = 1e-10.
      expect(p.grad).toBeCloseTo((at(h) - at(-h)) / (2 * h), 7);
    }
  });

  it('the compiled tape (full batch and minibatch) trains a regression model as the eager graph does', () => {
    const data = regressGaussian({ nSamples: 40, noise: 0.1, seed: 9 });
    for (const batchSize of [40, 8]) {
      const run = (compile: boolean) => {
        const model = new MLP(2, [6, 6, 1], { seed: 3, activation: 'tanh', task: 'regression' });
        const t = new Trainer(model, data, { optimizer: 'adam', lr: 0.03, batchSize, seed: 1, compile });
        const log = Array.from({ length: 10 }, () => t.step());
        return { log, e: t.evaluate() };
      };
      const tape = run(true);
      const eager = run(false);
      tape.log.forEach((r, i) => {
        // 1e-12 relative, as for the classification losses: only a fused sum's association may differ.
        expect(r.loss).toBeCloseTo(eager.log[i]!.loss, 12);
        expect(r.r2!).toBeCloseTo(eager.log[i]!.r2!, 10);
      });
      expect(tape.e.r2!).toBeCloseTo(eager.e.r2!, 10);
    }
  });

  it('refuses real-valued labels for a classifier (saying how to ask for regression), and other losses', () => {
    const data = { X: [[0], [1]], y: [0.5, 1.5] };
    expect(() => new Trainer(new MLP(1, [1]), data)).toThrow(
      /data\.y\[0\] to be a class index .*got number 0\.5.*task: "regression"/,
    );
    const reg = new MLP(1, [1], { task: 'regression' });
    expect(() => new Trainer(reg, data, { loss: 'max-margin' })).toThrow(
      /a regression model trains with mse, got opts.loss "max-margin"/,
    );
    expect(() => new Trainer(reg, { X: [[0]], y: [NaN] })).toThrow(
      /data\.y\[0\] to be a finite number .*got number NaN/,
    );
    expect(() => new Trainer(new MLP(1, [2], { task: 'regression' }), data)).toThrow(
      /regression needs a last layer of 1 output/,
    );
    expect(() => new MLP(1, [1], { task: 'ranking' as never })).toThrow(TypeError);
  });

  it('a saved regression model says so and loads back as one; a classifier file is unchanged', () => {
    const m = new MLP(2, [3, 1], { seed: 1, task: 'regression' });
    const json = m.toJSON();
    expect(json.task).toBe('regression');
    expect(MLP.fromJSON(JSON.stringify(json)).task).toBe('regression');
    expect('task' in new MLP(2, [1]).toJSON()).toBe(false);
    expect(MLP.fromJSON(new MLP(2, [1]).toJSON()).task).toBe('classification');
    expect(() => MLP.fromJSON({ ...json, task: 'ranking' })).toThrow(/task: expected one of/);
  });

  it('infers the task from labels: class indices classify, anything else regresses', () => {
    expect(inferTask([0, 1, 2, 1])).toBe('classification');
    expect(inferTask([0, 1, 0.5])).toBe('regression');
    expect(inferTask([-1, 1])).toBe('regression');
  });

  it("generates Playground's regression data, seeded: the plane is (x1 + x2)/10, the bumps are ±1 at their centres", () => {
    const p = regressPlane({ nSamples: 50, seed: 1 });
    expect(regressPlane({ nSamples: 50, seed: 1 })).toEqual(p);
    p.X.forEach((x, i) => {
      expect(Math.abs(x[0]!)).toBeLessThanOrEqual(6);
      expect(p.y[i]).toBeCloseTo((x[0]! + x[1]!) / 10, 14);
    });
    const g = regressGaussian({ nSamples: 200, seed: 2 });
    expect(g.y.every((v) => v >= -1 && v <= 1)).toBe(true);
    expect(g.y.some((v) => v > 0.5) && g.y.some((v) => v < -0.5)).toBe(true);
    const noisy = regressPlane({ nSamples: 50, seed: 1, noise: 0.5 });
    expect(noisy.X).toEqual(p.X.map((x) => x));
    expect(noisy.y).not.toEqual(p.y);
  });
});
