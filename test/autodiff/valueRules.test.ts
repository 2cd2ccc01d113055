// The Value-form local derivatives against the table's numeric ones, at many points, blocking rules included.
import { describe, expect, it } from 'vitest';
import { gradients, grad, VALUE_RULES } from '../../src/autodiff/index.js';
import { Rng } from '../../src/data/Rng.js';
import { OP_NAMES, OPS, type OpName } from '../../src/engine/ops.js';
import { Value } from '../../src/engine/value.js';

const EXPONENTS = [0, 1, 2, 3, 4, -1, -2, -3, 0.5, -0.5, 1.5, -1.5, 1 / 3, 2.5];
const SPECIAL = [0, -0, 1, -1, 2, -2, 0.5, 1e-8, -1e-8, 30, -30, 1e200, NaN, Infinity, -Infinity];

/** The op applied with its Value method (the node the rule is asked about). */
function apply(op: OpName, a: Value, b: Value, k: number): Value {
  return op === 'add'
    ? a.add(b)
    : op === 'mul'
      ? a.mul(b)
      : op === 'pow'
        ? a.pow(k)
        : op === 'powValue'
          ? a.pow(b)
          : a[op]();
}

const points = (): { a: number; b: number; k: number }[] => {
  const rng = new Rng(14);
  const out: { a: number; b: number; k: number }[] = [];
  for (const a of SPECIAL) for (const k of EXPONENTS) out.push({ a, b: rng.uniform(-3, 3), k });
  for (let i = 0; i < 2000; i++) {
    out.push({ a: rng.uniform(-5, 5), b: rng.uniform(-5, 5), k: EXPONENTS[rng.int(EXPONENTS.length)]! });
  }
  return out;
};

/** Both NaN, or equal to 1 ulp-ish (the Value form may round a product in another order). */
const agree = (x: number, y: number): boolean =>
  Object.is(x, y) ||
  x === y ||
  (Number.isNaN(x) && Number.isNaN(y)) ||
  Math.abs(x - y) <= 1e-15 * Math.abs(y);

describe('Value-form local derivatives', () => {
  it.each(OP_NAMES)('%s: the Value rule gives the numeric rule’s number at 2,210 points', (op) => {
    const def = OPS[op];
    const rule = VALUE_RULES[op];
    const bad: string[] = [];
    for (const { a, b, k } of points()) {
      const av = new Value(a);
      const bv = new Value(b);
      const out = apply(op, av, bv, k);
      const bArg = def.arity === 2 ? bv : null;
      const blocked = def.blocks?.(a, b, out.data, k) === true;
      // Where the table blocks, no derivative is taken at all (the contribution is a constant 0).
      if (!blocked) {
        const da = rule.da(av, bArg, out, k);
        const got = da === 1 ? 1 : da.data;
        const want = def.da(a, b, out.data, k);
        if (!agree(got, want)) bad.push(`∂/∂a at a=${a} b=${b} k=${k}: Value ${got}, numeric ${want}`);
      }
      if ('db' in rule && def.arity === 2) {
        const db = rule.db(av, bArg, out, k);
        const got = db === 1 ? 1 : db.data;
        const want = def.db(a, b, out.data, k);
        if (!agree(got, want)) bad.push(`∂/∂b at a=${a} b=${b}: Value ${got}, numeric ${want}`);
      }
    }
    expect(bad.slice(0, 5)).toEqual([]);
  });
});

describe('blocking rules hold at every order (PyTorch selects rather than multiplies)', () => {
  // Upstream gradient ∞: a multiplying rule would give 0·∞ = NaN; a selecting one gives exactly 0.
  it.each([-1, 0, -0, -1e-300])('relu at %s: 0 at orders 1, 2 and 3 even under an infinite upstream', (x) => {
    const f = (v: Value): Value => v.relu().mul(Infinity);
    expect(grad(f)(x).data).toBe(0);
    expect(grad(grad(f))(x).data).toBe(0);
    expect(grad(grad(grad(f)))(x).data).toBe(0);
  });

  it.each([0, 2, -3, Infinity, NaN])('pow(·, 0) at %s: gradient 0 at orders 1 and 2, any upstream', (x) => {
    const f = (v: Value): Value => v.pow(0).mul(Infinity);
    expect(grad(f)(x).data).toBe(0);
    expect(grad(grad(f))(x).data).toBe(0);
  });

  it('pow(·, 1) has second derivative exactly 0 (pow(·, 0) one order up blocks), even at a = ∞', () => {
    expect(grad(grad((v) => v.pow(1)))(Infinity).data).toBe(0);
    expect(grad(grad((v) => v.pow(1)))(3).data).toBe(0);
  });

  it('relu″ is 0 where relu passes, and relu’ is 1 there (math: relu is the identity for x > 0)', () => {
    expect(grad((v) => v.relu())(2).data).toBe(1);
    expect(grad(grad((v) => v.relu()))(2).data).toBe(0);
  });

  it('pow(·, k)″ = k(k−1)a^(k−2) at many points (the math)', () => {
    const rng = new Rng(3);
    for (let i = 0; i < 200; i++) {
      const a = rng.uniform(0.1, 4);
      const k = EXPONENTS[rng.int(EXPONENTS.length)]!;
      const got = grad(grad((v) => v.pow(k)))(a).data;
      const want = k === 0 || k === 1 ? 0 : k * (k - 1) * a ** (k - 2);
      expect(Math.abs(got - want), `a=${a} k=${k}`).toBeLessThanOrEqual(1e-13 * Math.abs(want));
    }
  });

  it('a blocked input still gets a 0 that flows on, so 0 · ∞ downstream is NaN (as in backward and PyTorch)', () => {
    // y = relu(log(x)) at x = 0: log(0) = −∞ blocks relu; log's local derivative 1/0 = ∞ meets that 0.
    const x = new Value(0);
    const y = x.log().relu();
    y.backward();
    expect(x.grad).toBeNaN();
    expect(gradients(y, [x])[0]!.data).toBeNaN();
    expect(gradients(y, [x], { createGraph: true })[0]!.data).toBeNaN();
  });
});
