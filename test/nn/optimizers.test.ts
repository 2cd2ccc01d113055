// SGD and Adam: single steps worked out by hand from PyTorch's documented update rules; schedules; checks.
import { describe, expect, it } from 'vitest';
import { Adam, microgradDecay, SGD, Value } from '../../src/index.js';

function param(data: number, grad: number): Value {
  const p = new Value(data);
  p.grad = grad;
  return p;
}

describe('SGD', () => {
  it('plain step: p - lr·g', () => {
    const p = param(1, 0.5);
    new SGD([p], { lr: 0.1 }).step();
    expect(p.data).toBe(1 - 0.1 * 0.5);
  });

  it('momentum: the buffer starts as the first gradient, then buf = μ·buf + g (torch.optim.SGD)', () => {
    const p = param(1, 2);
    const opt = new SGD([p], { lr: 0.5, momentum: 0.9, weightDecay: 0.1 });
    opt.step(); // d = 2 + 0.1·1 = 2.1; buf = 2.1; p = 1 - 1.05 = -0.05
    expect(p.data).toBeCloseTo(-0.05, 15);
    p.grad = 1;
    opt.step(); // d = 1 + 0.1·(-0.05) = 0.995; buf = 0.9·2.1 + 0.995 = 2.885; p = -0.05 - 1.4425
    expect(p.data).toBeCloseTo(-1.4925, 14);
  });

  it("uses a schedule of the step index: micrograd's 1.0 - 0.9*k/100", () => {
    const p = param(0, 1);
    const opt = new SGD([p], { lr: microgradDecay(1, 100) });
    expect(opt.lr).toBe(1);
    opt.step();
    expect(opt.lr).toBe(1.0 - (0.9 * 1) / 100);
    opt.stepCount = 99;
    expect(opt.lr).toBe(1.0 - (0.9 * 99) / 100);
    expect(p.data).toBe(-1);
  });

  it('holds the schedule at a tenth of lr0 past its last step, as PyTorch LinearLR holds end_factor', () => {
    // From the formula: lr(steps) = lr0 − 0.9·lr0 = lr0/10; a Trainer stepped past `steps` must not get a
    // negative learning rate (it threw a RangeError at step steps + 1 + 0.1·steps/0.9).
    const lr = microgradDecay(1, 100);
    expect(lr(100)).toBe(1 - 0.9);
    expect(lr(112)).toBe(1 - 0.9);
    expect(lr(10_000)).toBe(1 - 0.9);
    const opt = new SGD([param(0, 1)], { lr });
    opt.stepCount = 500;
    expect(() => opt.step()).not.toThrow();
    expect(opt.lr).toBe(1 - 0.9);
  });

  it('rejects bad arguments', () => {
    expect(() => new SGD([], { lr: -1 })).toThrow(/learning rate >= 0, got number -1/);
    expect(() => new SGD([1] as never, { lr: 1 })).toThrow(/params\[0\] to be a Value/);
    const p = new Value(1);
    expect(() => new SGD([p, p], { lr: 1 })).toThrow(/appears twice/);
    expect(() => new SGD([p], undefined as never)).toThrow(TypeError);
    expect(() => new SGD([p], { lr: 1, momentum: NaN })).toThrow(RangeError);
    const bad = new SGD([p], { lr: () => NaN });
    expect(() => bad.step()).toThrow(/schedule at step 0/);
  });

  it('zeroGrad clears its parameters', () => {
    const p = param(1, 3);
    new SGD([p], { lr: 1 }).zeroGrad();
    expect(p.grad).toBe(0);
  });
});

describe('Adam', () => {
  it('first step moves each parameter by lr·sign(g) (bias-corrected m/√v = g/|g|, up to eps)', () => {
    const ps = [param(1, 0.3), param(-2, -5)];
    new Adam(ps, { lr: 0.01 }).step();
    // m̂ = g, v̂ = g², so the step is lr·g/(|g| + eps)
    expect(ps[0]!.data).toBeCloseTo(1 - (0.01 * 0.3) / (0.3 + 1e-8), 15);
    expect(ps[1]!.data).toBeCloseTo(-2 + (0.01 * 5) / (5 + 1e-8), 15);
  });

  it('AdamW decays the parameter before the update; Adam adds wd·p to the gradient', () => {
    const a = param(2, 0);
    new Adam([a], { lr: 0.1, weightDecay: 0.5, decoupled: true }).step();
    expect(a.data).toBeCloseTo(2 * (1 - 0.1 * 0.5), 15); // g = 0: only the decay moves it
    const b = param(2, 0);
    new Adam([b], { lr: 0.1, weightDecay: 0.5 }).step();
    expect(b.data).toBeCloseTo(2 - 0.1, 8); // g = wd·p = 1, so a step of lr (eps shifts it by ~1e-9)
  });

  it('rejects bad options', () => {
    const p = new Value(1);
    expect(() => new Adam([p], { lr: 0.1, betas: [0.9] as never })).toThrow(/betas/);
    expect(() => new Adam([p], { lr: 0.1, betas: [1.5, 0.9] })).toThrow(RangeError);
    expect(() => new Adam([p], { lr: 0.1, decoupled: 'yes' as never })).toThrow(TypeError);
  });
});
