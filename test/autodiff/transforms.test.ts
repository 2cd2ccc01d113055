// grad, valueAndGrad, hessian, jvp: against closed-form derivatives, and forward mode against reverse mode.
import { applyOp } from '../../src/engine/applyOp.js';
import { describe, expect, it } from 'vitest';
import { grad, gradients, hessian, jvp, valueAndGrad } from '../../src/autodiff/index.js';
import { Rng } from '../../src/data/Rng.js';
import { Value } from '../../src/engine/value.js';
import { randomGraph } from '../tape/randomGraph.js';

/** Within `rel` of the closed form (rounding of a few float64 operations). */
const near = (got: number, want: number, rel = 1e-13): void => {
  expect(Math.abs(got - want), `${got} vs ${want}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(want)));
};

const rosenbrock = ([x, y]: Value[]): Value =>
  x!
    .rsub(1)
    .pow(2)
    .add(y!.sub(x!.pow(2)).pow(2).mul(100));

describe('grad composes', () => {
  it('grad(grad(grad(f))) is the third derivative (math: f = x³ + tanh x + eˣ)', () => {
    const f = (x: Value): Value => x.pow(3).add(x.tanh()).add(x.exp());
    for (const x of [-1.3, 0, 0.3, 2]) {
      const t = Math.tanh(x);
      const s = 1 - t * t; // tanh' = sech²
      near(grad(f)(x).data, 3 * x * x + s + Math.exp(x));
      near(grad(grad(f))(x).data, 6 * x - 2 * t * s + Math.exp(x));
      near(grad(grad(grad(f)))(x).data, 6 + (-2 * s * s + 4 * t * t * s) + Math.exp(x));
    }
  });

  it('through log, sigmoid and division (math: d²/dx² [log x + σ(x) + 1/x])', () => {
    const f = (x: Value): Value => x.log().add(x.sigmoid()).add(x.rdiv(1));
    for (const x of [0.25, 1, 3.5]) {
      const s = 1 / (1 + Math.exp(-x));
      near(grad(grad(f))(x).data, -1 / (x * x) + s * (1 - s) * (1 - 2 * s) + 2 / x ** 3);
    }
  });

  it('accepts a Value and differentiates at it', () => {
    const x = new Value(2);
    expect(grad((v) => v.mul(v))(x).data).toBe(4);
  });

  it('rejects an f that is not a function or does not return a Value, naming it', () => {
    expect(() => grad(3 as never)).toThrow(/grad\(f\): expected f to be a function, got number 3/);
    expect(() => grad((() => 2) as never)(1)).toThrow(/expected f to return a Value, got number 2/);
    expect(() => grad((v) => v)('1' as never)).toThrow(
      /expected x to be a Value or a number, got string "1"/,
    );
  });
});

describe('valueAndGrad', () => {
  it('returns f and its gradient as numbers (math: Rosenbrock’s gradient)', () => {
    const [y, [gx, gy]] = valueAndGrad(rosenbrock)([0.5, -1]) as [number, [number, number]];
    expect(y).toBe(0.25 + 100 * 1.25 ** 2);
    expect(gx).toBe(-2 * 0.5 + -400 * 0.5 * (-1 - 0.25));
    expect(gy).toBe(200 * (-1 - 0.25));
  });
});

describe('hessian', () => {
  it('of Rosenbrock’s function at (1, 1) is [[802, −400], [−400, 200]]', () => {
    expect(hessian(rosenbrock, [1, 1])).toEqual([
      [802, -400],
      [-400, 200],
    ]);
  });

  it('of Rosenbrock’s function anywhere is [[1200x² − 400y + 2, −400x], [−400x, 200]]', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 50; i++) {
      const x = rng.uniform(-2, 2);
      const y = rng.uniform(-2, 2);
      const [[a, b], [c, d]] = hessian(rosenbrock, [x, y]) as [[number, number], [number, number]];
      near(a, 1200 * x * x - 400 * y + 2, 1e-12);
      near(b, -400 * x);
      near(c, -400 * x);
      expect(d).toBe(200);
    }
  });

  it('has rows of zeros for an unused input', () => {
    expect(hessian(([x]) => x!.mul(x!), [3, 4])).toEqual([
      [2, 0],
      [0, 0],
    ]);
  });

  it('rejects a bad point or an f that does not return a Value', () => {
    expect(() => hessian(rosenbrock, 'x' as never)).toThrow(/point to be an array of numbers/);
    expect(() => hessian(rosenbrock, [1, '2' as never])).toThrow(/point\[1\] to be a number/);
    expect(() => hessian((() => 1) as never, [1])).toThrow(
      /hessian\(f, point\): expected f to return a Value/,
    );
  });
});

describe('jvp (forward mode)', () => {
  it('equals the reverse-mode gradient · tangent on 200 random graphs over every op', () => {
    const rng = new Rng(1414);
    let compared = 0;
    for (let n = 0; n < 200; n++) {
      const nLeaves = 1 + rng.int(4);
      const seed = rng.int(2 ** 30);
      // The same graph shape rebuilt over whatever leaves f is given: record the ops once, replay them.
      const f = (xs: Value[]): Value => {
        const g = randomGraph(new Rng(seed), nLeaves, 15);
        const map = new Map<Value, Value>(g.leaves.map((l, i) => [l, xs[i]!]));
        return rebuild(g.root, map);
      };
      const point = Array.from({ length: nLeaves }, () => rng.uniform(-2, 2));
      const tangent = Array.from({ length: nLeaves }, () => rng.uniform(-1, 1));
      const [y, d] = jvp(f, point, tangent);
      const [y2, g] = valueAndGrad(f)(point);
      expect(Object.is(y, y2) || y === y2).toBe(true);
      const dot = g.reduce((s, gi, i) => s + gi * tangent[i]!, 0);
      // Where a node's value or local derivative is infinite, the modes legitimately differ: forward mode
      // multiplies ∞ by a zero tangent (NaN) where reverse mode never reaches it. Finite ones must agree.
      if (!Number.isFinite(dot) || !Number.isFinite(d)) continue;
      const scale = g.reduce((s, gi, i) => s + Math.abs(gi * tangent[i]!), 0);
      // Forward and reverse sum the same products in different orders: rounding of the larger terms.
      expect(Math.abs(d - dot), `graph ${n}`).toBeLessThanOrEqual(1e-12 * Math.max(1, scale));
      compared++;
    }
    expect(compared).toBeGreaterThan(120);
  });

  it('never runs a reverse pass: no .grad is touched', () => {
    let seen: Value[] = [];
    jvp(
      (xs) => {
        seen = xs;
        return xs[0]!.mul(xs[1]!).tanh();
      },
      [0.5, 2],
      [1, 0],
    );
    expect(seen.map((x) => x.grad)).toEqual([0, 0]);
  });

  it('rejects a tangent of another length, naming it', () => {
    expect(() => jvp(rosenbrock, [1, 1], [1])).toThrow(RangeError);
    expect(() => jvp(rosenbrock, [1, 1], [1])).toThrow(
      /tangent to have the length of point \(2\), got length 1/,
    );
    expect(() => jvp((() => null) as never, [1], [1])).toThrow(/expected f to return a Value, got null/);
  });
});

describe('gradients of gradients, mixed', () => {
  it('∂/∂y of ∂f/∂x is the mixed partial (math: f = x²y³ → 6xy²)', () => {
    const x = new Value(1.5);
    const y = new Value(-0.5);
    const [gx] = gradients(x.pow(2).mul(y.pow(3)), [x, y], { createGraph: true });
    const [, gxy] = gradients(gx!, [x, y]);
    near(gxy!.data, 6 * 1.5 * 0.25);
  });
});

/** The graph below `root` rebuilt with the same Value methods over other leaves (constants kept). */
function rebuild(root: Value, leaves: Map<Value, Value>): Value {
  const memo = new Map<Value, Value>(leaves);
  const visit = (v: Value): Value => {
    const hit = memo.get(v);
    if (hit !== undefined) return hit;
    const name = v.opName;
    let out: Value;
    if (name === undefined) out = v;
    else {
      const a = visit(v._a!);
      if (name === 'add') out = a.add(visit(v._b!));
      else if (name === 'mul') out = a.mul(visit(v._b!));
      else if (name === 'pow') out = a.pow(v.constant);
      else out = applyOp(v._op, a, v._b === null ? null : visit(v._b), v.constant);
    }
    memo.set(v, out);
    return out;
  };
  return visit(root);
}
