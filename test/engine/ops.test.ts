// Every op: value against the math, gradient against the analytic derivative and central differences.
import { describe, expect, it } from 'vitest';
import { OP_NAMES, Value } from '../../src/index.js';

type Unary = (x: Value) => Value;

/** Central difference (f(x+h) - f(x-h)) / 2h of a Value-building function, from its forward data. */
function centralDiff(f: Unary, x: number, h: number): number {
  return (f(new Value(x + h)).data - f(new Value(x - h)).data) / (2 * h);
}

/** Run f at x, backprop, return [value, dvalue/dx]. */
function valueAndGrad(f: Unary, x: number): [number, number] {
  const v = new Value(x);
  const out = f(v);
  out.backward();
  return [out.data, v.grad];
}

interface Case {
  name: string;
  f: Unary;
  /** The math the op must compute. */
  value: (x: number) => number;
  /** The analytic derivative. */
  deriv: (x: number) => number;
  /** Points where the function is smooth (central differences apply). */
  points: number[];
}

const sig = (x: number): number => 1 / (1 + Math.exp(-x));

const CASES: Case[] = [
  { name: 'add', f: (x) => x.add(2.5), value: (x) => x + 2.5, deriv: () => 1, points: [-3, 0, 1.5] },
  { name: 'mul', f: (x) => x.mul(-1.5), value: (x) => -1.5 * x, deriv: () => -1.5, points: [-3, 0, 2] },
  { name: 'pow 2', f: (x) => x.pow(2), value: (x) => x * x, deriv: (x) => 2 * x, points: [-3, 0.5, 2] },
  {
    name: 'pow 3 (negative base)',
    f: (x) => x.pow(3),
    value: (x) => x * x * x,
    deriv: (x) => 3 * x * x,
    points: [-2, -0.5, 1.25],
  },
  {
    name: 'pow -1',
    f: (x) => x.pow(-1),
    value: (x) => 1 / x,
    deriv: (x) => -1 / (x * x),
    points: [-2, 0.5, 4],
  },
  {
    name: 'pow 0.5',
    f: (x) => x.pow(0.5),
    value: (x) => Math.sqrt(x),
    deriv: (x) => 0.5 / Math.sqrt(x),
    points: [0.25, 1, 9],
  },
  {
    name: 'pow -2 (negative base)',
    f: (x) => x.pow(-2),
    value: (x) => 1 / (x * x),
    deriv: (x) => -2 / (x * x * x),
    points: [-3, -0.5, 2],
  },
  {
    name: 'tanh',
    f: (x) => x.tanh(),
    value: Math.tanh,
    deriv: (x) => 1 - Math.tanh(x) ** 2,
    points: [-3, 0, 0.5, 0.88137358],
  },
  { name: 'exp', f: (x) => x.exp(), value: Math.exp, deriv: Math.exp, points: [-2, 0, 1, 3] },
  {
    name: 'relu',
    f: (x) => x.relu(),
    value: (x) => Math.max(0, x),
    deriv: (x) => (x > 0 ? 1 : 0),
    points: [-1, 0.5, 3],
  },
  { name: 'log', f: (x) => x.log(), value: Math.log, deriv: (x) => 1 / x, points: [1e-3, 0.5, 1, 10] },
  {
    name: 'sigmoid',
    f: (x) => x.sigmoid(),
    value: sig,
    deriv: (x) => sig(x) * (1 - sig(x)),
    points: [-3, 0, 3],
  },
  {
    name: 'sqrt',
    f: (x) => x.sqrt(),
    value: Math.sqrt,
    deriv: (x) => 0.5 / Math.sqrt(x),
    points: [0.25, 2, 9],
  },
  {
    name: 'abs',
    f: (x) => x.abs(),
    value: Math.abs,
    deriv: (x) => Math.sign(x),
    points: [-2, 0.5, 3],
  },
  { name: 'sin', f: (x) => x.sin(), value: Math.sin, deriv: Math.cos, points: [-2, 0, 0.5, 3] },
  { name: 'cos', f: (x) => x.cos(), value: Math.cos, deriv: (x) => -Math.sin(x), points: [-2, 0, 0.5, 3] },
  {
    // a^b with a Value exponent, differentiated by the base: b·a^(b−1) (the exponent here is 1.5)
    name: 'pow with a Value exponent, by the base',
    f: (x) => x.pow(new Value(1.5)),
    value: (x) => x ** 1.5,
    deriv: (x) => 1.5 * x ** 0.5,
    points: [0.25, 2, 9],
  },
  {
    // …and by the exponent: 2^b has derivative 2^b·ln 2
    name: 'pow with a Value exponent, by the exponent',
    f: (x) => new Value(2).pow(x),
    value: (x) => 2 ** x,
    deriv: (x) => 2 ** x * Math.LN2,
    points: [-2, 0.5, 3],
  },
  { name: 'neg', f: (x) => x.neg(), value: (x) => -x, deriv: () => -1, points: [-2, 0, 3] },
  { name: 'sub', f: (x) => x.sub(4), value: (x) => x - 4, deriv: () => 1, points: [-2, 3] },
  { name: 'rsub', f: (x) => x.rsub(4), value: (x) => 4 - x, deriv: () => -1, points: [-2, 3] },
  { name: 'div', f: (x) => x.div(4), value: (x) => x / 4, deriv: () => 0.25, points: [-2, 3] },
  {
    name: 'rdiv',
    f: (x) => x.rdiv(3),
    value: (x) => 3 / x,
    deriv: (x) => -3 / (x * x),
    points: [-2, 0.5, 3],
  },
];

describe('ops: value, analytic gradient, central differences', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      it.each(c.points)('at x = %s', (x) => {
        const [value, grad] = valueAndGrad(c.f, x);
        // Forward: the same IEEE operations up to rounding in the last place or two.
        expect(value).toBeCloseTo(c.value(x), 14);
        // Analytic: the op table's derivative is the same formula; 1e-12 relative allows reassociation.
        expect(Math.abs(grad - c.deriv(x))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c.deriv(x))));
        // Central differences with h = 1e-6·max(|x|, 0.01): truncation O(h²) and rounding O(eps/h) keep
        // the estimate within ~1e-6 relative for these smooth points.
        const h = 1e-6 * Math.max(Math.abs(x), 0.01);
        const fd = centralDiff(c.f, x, h);
        expect(Math.abs(grad - fd)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(grad)));
      });
    });
  }

  it('covers every primitive op of the table', () => {
    // Each case's ops, read off the graph it builds: a deleted case shows up as a missing op.
    const covered = new Set(
      CASES.flatMap((c) => {
        const out = c.f(new Value(0.5));
        const ops: string[] = [];
        for (let v: Value | undefined = out; v?.opName !== undefined; v = v.children[0]) ops.push(v.opName);
        return ops;
      }),
    );
    expect([...covered].sort()).toEqual([...OP_NAMES].sort());
  });
});

describe('ops: edge cases', () => {
  it('relu has gradient 0 at 0 and at -0, as PyTorch defines it', () => {
    expect(valueAndGrad((x) => x.relu(), 0)).toEqual([0, 0]);
    expect(valueAndGrad((x) => x.relu(), -0)[1]).toBe(0);
  });

  it('pow: a negative base with a fractional exponent is NaN (real-valued, as PyTorch)', () => {
    const [value, grad] = valueAndGrad((x) => x.pow(0.5), -4);
    expect(value).toBeNaN();
    expect(grad).toBeNaN();
  });

  it('pow: 0 to a negative power is infinite, and exponent 0 has gradient exactly 0 (even at 0)', () => {
    expect(valueAndGrad((x) => x.pow(-1), 0)).toEqual([Infinity, -Infinity]);
    expect(valueAndGrad((x) => x.pow(0), 0)).toEqual([1, 0]);
  });

  it('log near and at 0: the gradient is 1/x, infinite at 0; negative input gives NaN', () => {
    const [v1, g1] = valueAndGrad((x) => x.log(), 1e-300);
    expect(v1).toBeCloseTo(-690.7755278982137, 10); // ln(1e-300) = -300·ln(10)
    expect(g1 / 1e300).toBeCloseTo(1, 12); // d ln(x)/dx = 1/x = 1e300
    expect(valueAndGrad((x) => x.log(), 0)).toEqual([-Infinity, Infinity]);
    expect(valueAndGrad((x) => x.log(), -1)[0]).toBeNaN();
  });

  it('tanh and sigmoid saturate without NaN at ±1000', () => {
    expect(valueAndGrad((x) => x.tanh(), 1000)).toEqual([1, 0]);
    expect(valueAndGrad((x) => x.tanh(), -1000)).toEqual([-1, 0]);
    expect(valueAndGrad((x) => x.sigmoid(), 1000)).toEqual([1, 0]);
    expect(valueAndGrad((x) => x.sigmoid(), -1000)).toEqual([0, 0]);
  });

  it('NaN and infinite data are accepted and propagate as IEEE arithmetic says', () => {
    expect(new Value(NaN).add(1).data).toBeNaN();
    expect(new Value(Infinity).mul(2).data).toBe(Infinity);
    expect(new Value(-Infinity).exp().data).toBe(0);
  });
});
