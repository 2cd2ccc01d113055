// defineOp: a user's op works in backward, compiled tapes (bit for bit), gradients, second order, pictures
// and the stepper; bad definitions are refused with messages that name the problem.
import { describe, expect, it } from 'vitest';
import { gradcheck, gradgradcheck, gradients, hessian, jvp, valueAndGrad } from '../../src/autodiff/index.js';
import { defineOp } from '../../src/engine/defineOp.js';
import { Value } from '../../src/engine/value.js';
import { parse } from '../../src/expr/index.js';
import { compile } from '../../src/tape/index.js';
import { drawDot } from '../../src/viz/drawDot.js';
import { explainPass } from '../../src/walkthrough/explainPass.js';

const sig = (x: number): number => 1 / (1 + Math.exp(-x));
const softplus = defineOp({
  name: 'softplus_t',
  forward: (x) => Math.log1p(Math.exp(x)),
  derivative: (x) => sig(x),
  valueDerivative: (x) => x.neg().exp().add(1).pow(-1),
  formula: 'σ(x)',
});
const hypot = defineOp({
  name: 'hypot_t',
  arity: 2,
  forward: (a, b) => Math.hypot(a, b),
  derivative: (a, b, out) => [a / out, b / out],
});

/** A graph mixing both ops with built-ins, over leaves x, y. */
const mixed = (x: Value, y: Value): Value => softplus(x.mul(y)).mul(hypot(x, y)).add(hypot(x, 2).tanh());

describe('defineOp', () => {
  it('backward gives the math: softplus′ = σ, ∂hypot/∂a = a/hypot (closed forms)', () => {
    const x = new Value(0.7);
    softplus(x).backward();
    expect(x.grad).toBe(sig(0.7));
    const a = new Value(3);
    const b = new Value(-4);
    const h = hypot(a, b);
    h.backward();
    expect([h.data, a.grad, b.grad]).toEqual([5, 0.6, -0.8]);
  });

  it('takes numbers as well as Values, and records one node named after the op', () => {
    const v = hypot(3, 4);
    expect(v.data).toBe(5);
    expect(v.opName).toBe('hypot_t');
    expect(v.op).toBe('hypot_t');
    expect(v.children.map((c) => c.data)).toEqual([3, 4]);
  });

  it('a compiled tape (fused or not) gives the eager grads bit for bit', () => {
    for (const fuse of [true, false]) {
      const x = new Value(0.3);
      const y = new Value(-1.2);
      const root = mixed(x, y);
      root.backward();
      const eager = [x.grad, y.grad];
      x.grad = y.grad = 0;
      compile(root, { fuse }).backward();
      expect([x.grad, y.grad]).toEqual(eager);
    }
  });

  it('passes gradcheck, and gradgradcheck when it has valueDerivative', () => {
    const f = ([x, y]: Value[]): Value => mixed(x!, y!);
    expect(gradcheck(f, [0.3, -1.2])).toBe(true);
    expect(gradgradcheck(([x]) => softplus(x!).mul(x!), [0.4])).toBe(true);
  });

  it('jvp (forward mode) agrees with the reverse-mode gradient', () => {
    const f = ([x, y]: Value[]): Value => mixed(x!, y!);
    const [, g] = valueAndGrad(f)([0.3, -1.2]);
    const [, t] = jvp(f, [0.3, -1.2], [0.5, 2]);
    expect(Math.abs(t - (0.5 * g[0]! + 2 * g[1]!))).toBeLessThan(1e-14);
  });

  it('second order: the Hessian of softplus is σ(1 − σ) (the math); without valueDerivative, a clear error', () => {
    const s = sig(0.4);
    expect(Math.abs(hessian(([x]) => softplus(x!), [0.4])[0]![0]! - s * (1 - s))).toBeLessThan(1e-15);
    expect(() => hessian(([x, y]) => hypot(x!, y!), [1, 2])).toThrow(
      /op 'hypot_t' was defined without valueDerivative.*give defineOp a valueDerivative/,
    );
    // First order still works for it: gradients() without createGraph reads only the numeric rule.
    const a = new Value(3);
    expect(gradients(hypot(a, 4), [a])[0]!.data).toBe(0.6);
  });

  it('drawDot puts its name on the op node; the stepper and --explain write its formula', () => {
    const x = new Value(0.5, { label: 'x' });
    const y = new Value(2, { label: 'y' });
    const root = softplus(x).add(hypot(x, y));
    root.label = 'L';
    expect(drawDot(root).source).toMatch(/label="softplus_t"/);
    expect(drawDot(root).source).toMatch(/label="hypot_t"/);
    const lines = explainPass(root).join('\n');
    expect(lines).toContain('softplus_t(x)');
    expect(lines).toMatch(/∂t\d\/∂x = σ\(x\) = σ\(0\.5000\) = 0\.6225/);
    expect(lines).toContain('hypot_t(x, y)');
  });

  it('the expression language calls a defined one-input op by name', () => {
    const e = parse('softplus_t(x) * 2');
    const x = new Value(0.25);
    const out = e.build({ x });
    out.backward();
    expect(out.data).toBe(2 * Math.log1p(Math.exp(0.25)));
    expect(x.grad).toBe(2 * sig(0.25));
  });

  it('refuses bad definitions with a message naming the problem', () => {
    const ok = { forward: Math.tanh, derivative: () => 1 };
    expect(() => defineOp({ name: 'tanh', ...ok })).toThrow(/name 'tanh' is taken by an existing op/);
    expect(() => defineOp({ name: 'softplus_t', ...ok })).toThrow(/'softplus_t' is taken by an existing op/);
    expect(() => defineOp({ name: 'sub', ...ok })).toThrow(/'sub' is taken by a Value method/);
    expect(() => defineOp({ name: '2x', ...ok })).toThrow(TypeError);
    expect(() => defineOp({ name: 'f3', arity: 3 as 2, ...ok } as never)).toThrow(
      /expected spec.arity to be 1 or 2, got number 3/,
    );
    expect(() => defineOp({ name: 'g', forward: 1 as never, derivative: () => 1 })).toThrow(
      /expected spec.forward to be a function, got number 1/,
    );
    expect(() =>
      defineOp({ name: 'h', forward: ((a: number, b: number) => a + b) as never, derivative: () => 1 }),
    ).toThrow(/spec.forward takes 2 parameters, but an op of arity 1 passes 1/);
    expect(() => defineOp({ name: 'k', ...ok, colour: 'red' } as never)).toThrow(/unknown option "colour"/);
    expect(() => defineOp({ name: 'm', ...ok, formula: 3 as never })).toThrow(/spec.formula to be a string/);
  });

  it('a derivative of the wrong shape fails at the first backward, naming the op', () => {
    const bad = defineOp({
      name: 'bad_pair',
      arity: 2,
      forward: (a, b) => a + b,
      derivative: () => 3 as never,
    });
    expect(() => bad(1, 2).backward()).toThrow(
      /bad_pair\(a, b\): expected derivative to return \[∂out\/∂a, ∂out\/∂b\], two numbers, got number 3/,
    );
    const badUnary = defineOp({ name: 'bad_one', forward: (x) => x, derivative: () => [1, 2] as never });
    expect(() => badUnary(1).backward()).toThrow(/bad_one\(x\): expected derivative to return a number/);
    const badForward = defineOp({ name: 'bad_fwd', forward: () => '1' as never, derivative: () => 1 });
    expect(() => badForward(1)).toThrow(/bad_fwd\(x\): expected forward to return a number, got string "1"/);
  });
});
