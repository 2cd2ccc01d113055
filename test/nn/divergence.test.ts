// The shared divergence check: what counts as blowing up, which setting the hint blames, and the Trainer's hook.
import { describe, expect, it } from 'vitest';
import {
  checkDivergence,
  dataScale,
  DivergenceError,
  DivergenceMonitor,
  makeCircles,
  makeMoons,
  MLP,
  SGD,
  Trainer,
} from '../../src/index.js';

describe('checkDivergence', () => {
  it('flags a non-finite loss and a finite one 100× above max(best, 1); nothing else', () => {
    const s = { lr: 1 };
    expect(checkDivergence(3, NaN, 0.5, s)?.reason).toBe('the loss became NaN at step 3');
    expect(checkDivergence(3, Infinity, 0.5, s)?.reason).toBe('the loss became Infinity at step 3');
    // The circles/mse run: 1.26 → 52.9 → 1937: 1937 > 100 × 1.26, 52.9 is not.
    expect(checkDivergence(2, 52.9, 1.26, s)).toBeNull();
    expect(checkDivergence(3, 1937, 1.26, s)?.reason).toBe('the loss grew from 1.26 to 1940 by step 3'); // 3 significant digits
    // A loss that starts high and falls is not divergence; neither is a rise below the factor.
    expect(checkDivergence(1, 5e6, Infinity, s)).toBeNull();
    expect(checkDivergence(1, 99, 0.001, s)).toBeNull();
    expect(checkDivergence(1, 101, 0.001, s)).not.toBeNull();
    expect(checkDivergence(1, 50, 1, s, { growth: 10 })).not.toBeNull();
  });

  it('blames lr by default and suggests a tenth of it, at most 0.1 for SGD and 0.01 for Adam', () => {
    expect(checkDivergence(0, NaN, 1, { lr: 1, names: { lr: '--lr' } })?.hint).toBe('try --lr 0.1');
    expect(checkDivergence(0, NaN, 1, { lr: 1000 })?.hint).toBe('try lr 0.1');
    expect(checkDivergence(0, NaN, 1, { lr: 0.05 })?.hint).toBe('try lr 0.005');
    expect(checkDivergence(0, NaN, 1, { lr: 1, optimizer: 'adam' })?.hint).toBe('try lr 0.01');
  });

  it('blames alpha when the penalty step overshoots (lr·alpha ≥ 0.5 or alpha > 1)', () => {
    const d = checkDivergence(0, Infinity, 1, { lr: 1, alpha: 1e308, names: { alpha: '--alpha' } });
    expect(d?.cause).toBe('alpha');
    expect(d?.hint).toMatch(/^try --alpha 0\.0001 /);
    expect(checkDivergence(0, NaN, 1, { lr: 1, alpha: 0.6 })?.cause).toBe('alpha');
    expect(checkDivergence(0, NaN, 1, { lr: 1, alpha: 1e-4 })?.cause).toBe('lr');
  });

  it('blames the noise (or the data) when the inputs are huge', () => {
    const d = checkDivergence(0, Infinity, 1, { lr: 1, noise: 1e200, dataScale: 3e200 });
    expect(d?.cause).toBe('noise');
    expect(d?.hint).toBe('try noise 0.1 (noise 1e+200 puts inputs near 3e+200)');
    expect(checkDivergence(0, NaN, 1, { lr: 1, dataScale: 5e4 })?.cause).toBe('data');
  });

  it('dataScale is the largest |feature|, by a loop that takes a million rows', () => {
    expect(
      dataScale([
        [1, -7],
        [3, 2],
      ]),
    ).toBe(7);
    const big = Array.from({ length: 1_000_000 }, (_, i) => [i, 0]);
    expect(dataScale(big)).toBe(999_999);
  });
});

describe('DivergenceMonitor', () => {
  it('keeps the best finite loss and answers on the first bad one', () => {
    const m = new DivergenceMonitor({ lr: 1 });
    expect([1.26, 52.9].map((l, i) => m.observe(i, l))).toEqual([null, null]);
    expect(m.best).toBe(1.26);
    expect(m.observe(2, 1937)?.step).toBe(2);
  });

  it('rejects unknown settings and a bad lr by name', () => {
    expect(() => new DivergenceMonitor({ lr: 1, lrr: 2 } as never)).toThrow(
      /unknown option "lrr" in settings \(known: lr, alpha/,
    );
    expect(() => new DivergenceMonitor({ lr: -1 })).toThrow(RangeError);
  });
});

describe('Trainer and divergence', () => {
  const circles = makeCircles({ nSamples: 100, noise: 0.1, seed: 1337, factor: 0.5 });

  it('throws a DivergenceError before the update on the issue’s circles + mse + lr 1 run', () => {
    const model = new MLP(2, [16, 16, 1], { seed: 1337 });
    const t = new Trainer(model, circles, { loss: 'mse', lr: 1 });
    let err: unknown;
    const losses: number[] = [];
    for (let s = 0; s < 100 && err === undefined; s++) {
      try {
        losses.push(t.step().loss);
      } catch (e) {
        err = e;
      }
    }
    expect(err).toBeInstanceOf(DivergenceError);
    const d = (err as DivergenceError).divergence;
    expect(d.cause).toBe('lr');
    expect(d.hint).toBe('try lr 0.1');
    expect(d.step).toBe(losses.length);
    expect(d.best).toBe(Math.min(...losses));
    // Thrown before the update: the model still gives the diverged loss, not the one after it.
    expect(t.evaluate().loss).toBe(d.loss);
  });

  it("'report' marks the step and goes on", () => {
    const model = new MLP(2, [16, 16, 1], { seed: 1337 });
    const t = new Trainer(model, circles, { loss: 'mse', lr: 1, onDivergence: 'report' });
    const rs = Array.from({ length: 10 }, () => t.step());
    const first = rs.findIndex((r) => r.divergence !== undefined);
    expect(first).toBeGreaterThan(0);
    expect(rs.slice(0, first).every((r) => r.divergence === undefined)).toBe(true);
    expect(rs[first]!.divergence!.step).toBe(first);
  });

  it('a healthy run (the moons demo) never reports one', () => {
    const data = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 });
    const model = new MLP(2, [16, 16, 1], { seed: 1337 });
    const t = new Trainer(model, data, {
      onDivergence: 'report',
      optimizer: new SGD(model.parameters(), { lr: 0.5 }),
    });
    for (let s = 0; s < 100; s++) expect(t.step().divergence).toBeUndefined();
  });
});
