// vjp, jacobian, hvp: against closed forms, against each other, and their argument checks.
import { describe, expect, it } from 'vitest';
import { hessian, hvp, jacobian, valueAndGrad, vjp } from '../../src/autodiff/index.js';
import type { Value } from '../../src/engine/value.js';

// f(x, y) = [x·y, sin x, x² + y]: J = [[y, x], [cos x, 0], [2x, 1]] (the math)
const f = ([x, y]: Value[]): Value[] => [x!.mul(y!), x!.sin(), x!.pow(2).add(y!)];
const J = (x: number, y: number): number[][] => [
  [y, x],
  [Math.cos(x), 0],
  [2 * x, 1],
];

describe('jacobian', () => {
  it('one row per output, the closed form', () => {
    expect(jacobian(f, [0.5, -2])).toEqual(J(0.5, -2));
  });

  it('a single Value output gives its gradient as number[] (valueAndGrad’s)', () => {
    const g = ([x, y]: Value[]): Value => x!.mul(y!).exp();
    expect(jacobian(g, [0.5, -2])).toEqual(valueAndGrad(g)([0.5, -2])[1]);
  });
});

describe('vjp', () => {
  it('returns the outputs and vᵀJ (closed form)', () => {
    const v = [1, 10, -2];
    const [outs, vj] = vjp(f, [0.5, -2], v);
    expect(outs).toEqual([-1, Math.sin(0.5), 0.25 - 2]);
    const j = J(0.5, -2);
    const want = [0, 1].map((c) => v.reduce((s, vi, i) => s + vi * j[i]![c]!, 0));
    want.forEach((w, c) => expect(Math.abs(vj[c]! - w)).toBeLessThan(1e-15));
  });

  it('an output used twice gets both seeds', () => {
    const [, vj] = vjp(
      ([x]) => {
        const y = x!.mul(3);
        return [y, y];
      },
      [1],
      [2, 5],
    );
    expect(vj).toEqual([21]);
  });

  it('checks v against the number of outputs', () => {
    expect(() => vjp(f, [0.5, -2], [1, 2])).toThrow(
      /expected v to have 3 entries \(one per f's output\), got 2/,
    );
    expect(() => vjp(() => [] as Value[], [1], [])).toThrow(/non-empty array of Values/);
  });
});

describe('hvp', () => {
  // g(x, y) = x²·y + sin(y): H = [[2y, 2x], [2x, −sin y]] (the math)
  const g = ([x, y]: Value[]): Value => x!.pow(2).mul(y!).add(y!.sin());
  it('gives f and H·v without the Hessian, equal to hessian() times v', () => {
    const [x, y] = [0.75, -1.5];
    const v = [2, -3];
    const [value, hv] = hvp(g, [x, y], v);
    expect(value).toBe(x * x * y + Math.sin(y));
    const H = [
      [2 * y, 2 * x],
      [2 * x, -Math.sin(y)],
    ];
    H.forEach((row, i) => expect(Math.abs(hv[i]! - (row[0]! * v[0]! + row[1]! * v[1]!))).toBeLessThan(1e-14));
    const h = hessian(g, [x, y]);
    h.forEach((row, i) => expect(Math.abs(hv[i]! - (row[0]! * v[0]! + row[1]! * v[1]!))).toBeLessThan(1e-14));
  });

  it('is H·v, not vᵀH, where H is not symmetric (pow with a Value exponent blocked at b = 0)', () => {
    // a^b at a = 2, b = 0: ∂²/∂a∂b is blocked (exactly 0), ∂²/∂b∂a = 1/a = 0.5 (PyTorch's hessian too)
    const p = ([a, b]: Value[]): Value => a!.pow(b!);
    expect(hessian(p, [2, 0])).toEqual([
      [0, 0],
      [0.5, Math.LN2 ** 2],
    ]);
    expect(hvp(p, [2, 0], [1, 0])[1]).toEqual([0, 0.5]);
  });

  // PyTorch 1.13 forward over reverse (fwAD dual through torch.autograd.grad(create_graph=True)), its
  // functional.hvp and its functional.hessian all give 0 here: abs's recorded derivative g·sgn(x) and relu's
  // threshold_backward(g, out) carry no tangent from x (sgn's tangent is a ZeroTensor, threshold_backward has
  // no term for out), so the infinite upstream g (a constant) is never multiplied by a zero tangent.
  it.each([
    ['∞·|x| at 2', (x: Value): Value => x.abs().mul(Infinity), 2],
    ['|x|/0 at −1.125', (x: Value): Value => x.abs().div(0), -1.125],
    ['|x|/0 at 0', (x: Value): Value => x.abs().div(0), 0],
    ['∞·relu(x) at 1', (x: Value): Value => x.relu().mul(Infinity), 1],
  ])('%s: the recorded sgn(x) and relu′ carry no tangent, so H·v is 0, not ∞·0 (PyTorch)', (_, h, x) => {
    expect(hvp(([v]) => h(v!), [x], [0.5])[1]).toEqual([0]);
    expect(hessian(([v]) => h(v!), [x])).toEqual([[0]]);
  });

  it('a tangent through abs and relu′ still flows from the upstream gradient (math: d²/dx² of |x³| and relu(x)·x²)', () => {
    // |x³|'' = 6|x| (sgn x · 3x², differentiated), at x = −1.5: 9; relu(x)·x² = x³ for x > 0: 6x = 12 at 2
    expect(hvp(([x]) => x!.pow(3).abs(), [-1.5], [2])[1]).toEqual([18]);
    expect(hvp(([x]) => x!.relu().mul(x!.pow(2)), [2], [0.5])[1]).toEqual([6]);
  });

  it('checks v against the number of inputs', () => {
    expect(() => hvp(g, [1, 2], [1])).toThrow(/expected v to have 2 entries \(one per input\), got 1/);
  });
});
