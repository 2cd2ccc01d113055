// The expression language: grammar, Python's precedence, errors with columns, graphs equal to method chains.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/engine/value.js';
import { ExprSyntaxError, expr, parse } from '../../src/expr/index.js';
import { drawDot } from '../../src/viz/drawDot.js';

const evalAt = (source: string, values: Record<string, number> = {}): number =>
  parse(source).build(values).data;

describe('parse: the grammar', () => {
  it('reads the walkthrough neuron and names its variables in order of appearance', () => {
    const e = parse('tanh(x1*w1 + x2*w2 + b)');
    expect(e.variables).toEqual(['x1', 'w1', 'x2', 'w2', 'b']);
    // 0.7071067811865477 is CPython's math.tanh(0.8813735870195432) (computed with /usr/bin/python3).
    expect(e.evaluate({ x1: 2, x2: 0, w1: -3, w2: 1, b: 6.881373587019543 })).toBe(0.7071067811865477);
  });

  it('reads number forms: integers, decimals, .5, 2., exponents', () => {
    expect(evalAt('1e-3')).toBe(0.001);
    expect(evalAt('.5 + 2.')).toBe(2.5);
    expect(evalAt('2.5E+2')).toBe(250);
  });

  it("follows Python's precedence: ** above unary minus, right-associative, 2**-1 allowed", () => {
    // Each expected value is what Python 3 prints for the same text with x = 3.
    expect(evalAt('-x**2', { x: 3 })).toBe(-9);
    expect(evalAt('(-x)**2', { x: 3 })).toBe(9);
    expect(evalAt('2**-1')).toBe(0.5);
    expect(evalAt('x**2**3', { x: 3 })).toBe(6561); // 3**8
    expect(evalAt('x**-1', { x: 4 })).toBe(0.25);
    expect(evalAt('1 - 2 - 3')).toBe(-4);
    expect(evalAt('8 / 4 / 2')).toBe(1);
    expect(evalAt('2 + 3 * 4')).toBe(14);
    expect(evalAt('--x', { x: 3 })).toBe(3);
    expect(evalAt('+x', { x: 3 })).toBe(3);
    expect(evalAt('x ** (1/2)', { x: 9 })).toBe(3);
  });

  it('calls every unary function of the op table', () => {
    expect(evalAt('exp(0) + relu(-1) + log(1) + sigmoid(0) + tanh(0)')).toBe(1.5);
  });

  it('labels each variable leaf with its name and reuses it when it appears twice', () => {
    const x = parse('x * x').build({ x: 3 });
    expect(x.children).toHaveLength(1);
    expect(x.children[0]!.label).toBe('x');
    x.backward();
    expect(x.children[0]!.grad).toBe(6); // d(x²)/dx = 2x
  });

  it('can label each computed node with the text it came from', () => {
    const o = parse('tanh(x1*w1 + (x2 * w2))').build(
      { x1: 2, w1: -3, x2: 0, w2: 1 },
      { labelSubexpressions: true },
    );
    expect(o.label).toBe('tanh(x1*w1 + (x2 * w2))');
    const sum = o.children[0]!;
    expect(sum.label).toBe('x1*w1 + (x2 * w2)');
    expect(sum.children.map((c) => c.label)).toEqual(['x1*w1', 'x2 * w2']);
    // Without the option only the variables are labelled, as in a method chain.
    expect(parse('x1*w1').build({ x1: 2, w1: -3 }).label).toBe('');
  });

  it('uses a Value given for a variable as it is', () => {
    const w = new Value(2, { label: 'weight' });
    const out = parse('w * 3').build({ w });
    expect(out.children[0]).toBe(w);
  });
});

describe('parse: errors', () => {
  const cases: Array<[string, RegExp, number]> = [
    ['tanh(x1*w1 + x2*w2 + b', /expected '\)' to close 'tanh\(' at column 23, found end of input/, 23],
    ['(x + 1', /expected '\)' at column 7/, 7],
    ['x + * 2', /expected a number, a variable, a function call or '\(' at column 5, found '\*'/, 5],
    ['x 2', /expected an operator or end of input at column 3/, 3],
    ['x + $', /unexpected character "\$" at column 5/, 5],
    ['foo(x)', /unknown function 'foo' at column 1 \(known: tanh, exp, relu, log, sigmoid\)/, 1],
    ['x ** y', /exponent of '\*\*' must be a number, not the variable 'y' at column 6/, 6],
    ['', /at column 1, found end of input/, 1],
    // Leading blanks count: a caller that blanks a prefix (the graph page's `o =`) gets the line's column.
    ['    a + * b', /at column 9, found '\*'/, 9],
  ];
  it.each(cases)('%j', (source, message, column) => {
    let caught: unknown;
    try {
      parse(source);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExprSyntaxError);
    expect((caught as ExprSyntaxError).message).toMatch(message);
    expect((caught as ExprSyntaxError).column).toBe(column);
  });

  it('names a variable without a value, and rejects non-numbers', () => {
    expect(() => parse('x + y').build({ x: 1 })).toThrow(
      /no value for variable 'y'.*expected values for: x, y/,
    );
    expect(() => parse('x').build({ x: '1' as unknown as number })).toThrow(/variable 'x'.*got string "1"/);
    expect(() => parse(3 as unknown as string)).toThrow(TypeError);
  });

  it('refuses absurd nesting with a syntax error, not a stack overflow', () => {
    expect(() => parse(`${'('.repeat(5000)}x${')'.repeat(5000)}`)).toThrow(ExprSyntaxError);
    expect(() => parse(`${'-'.repeat(5000)}x`)).toThrow(ExprSyntaxError);
  });
});

describe('parse builds the same graph as the method chains', () => {
  // The same picture means the same ops in the same order: compare DOT text after backward.
  const same = (a: Value, b: Value): void => {
    a.backward();
    b.backward();
    expect(drawDot(a).source).toBe(drawDot(b).source);
  };
  const leaf = (data: number, label: string): Value => new Value(data, { label });

  it('maps - and / to sub/div, and a number on the left to rsub/rdiv/add/mul as Python does', () => {
    const env = { a: 1.5, b: -2 };
    same(parse('a - b').build(env), leaf(1.5, 'a').sub(leaf(-2, 'b')));
    same(parse('a / b').build(env), leaf(1.5, 'a').div(leaf(-2, 'b')));
    same(parse('2 - a').build(env), leaf(1.5, 'a').rsub(2));
    same(parse('2 / a').build(env), leaf(1.5, 'a').rdiv(2));
    same(parse('2 + a').build(env), leaf(1.5, 'a').add(2));
    same(parse('2 * a').build(env), leaf(1.5, 'a').mul(2));
    same(parse('-a').build(env), leaf(1.5, 'a').neg());
    same(parse('a ** 3').build(env), leaf(1.5, 'a').pow(3));
    // Number-with-number arithmetic is folded before a Value sees it: 2*3*a is a * 6.
    same(parse('2 * 3 * a').build(env), leaf(1.5, 'a').mul(6));
  });

  it('builds the exp form of the neuron exactly like the walkthrough code', () => {
    const env = { x1: 2, x2: 0, w1: -3, w2: 1, b: 6.881373587019543 };
    const e = parse('exp(2*(x1*w1 + x2*w2 + b))');
    const viaParse = parse('(e - 1) / (e + 1)').build({ e: e.build(env) });
    const x1 = leaf(2, 'x1');
    const x2 = leaf(0, 'x2');
    const w1 = leaf(-3, 'w1');
    const w2 = leaf(1, 'w2');
    const b = leaf(6.881373587019543, 'b');
    const ee = x1.mul(w1).add(x2.mul(w2)).add(b).mul(2).exp();
    same(viaParse, ee.sub(1).div(ee.add(1)));
  });

  it('agrees with a method-chain builder on random expressions (fast-check)', () => {
    // Each random tree comes with its text (fully parenthesized) and a builder written with the methods.
    type Tree = { s: string; build: (env: Record<string, Value>) => Value };
    const names = ['x', 'y', 'z'];
    const tree = fc.letrec<{ t: Tree }>((tie) => ({
      t: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(...names).map((n): Tree => ({ s: n, build: (env) => env[n]! })),
        fc.tuple(tie('t'), fc.constantFrom('+', '-', '*', '/'), tie('t')).map(([a, op, b]): Tree => ({
          s: `(${a.s} ${op} ${b.s})`,
          build: (env) => {
            const l = a.build(env);
            const r = b.build(env);
            return op === '+' ? l.add(r) : op === '-' ? l.sub(r) : op === '*' ? l.mul(r) : l.div(r);
          },
        })),
        fc.tuple(tie('t'), fc.integer({ min: -3, max: 3 })).map(([a, k]): Tree => ({
          s: `(${a.s})**${k}`,
          build: (env) => a.build(env).pow(k),
        })),
        fc
          .tuple(
            fc.constantFrom('tanh', 'sigmoid', 'exp') as fc.Arbitrary<'tanh' | 'sigmoid' | 'exp'>,
            tie('t'),
          )
          .map(([fn, a]): Tree => ({ s: `${fn}(${a.s})`, build: (env) => a.build(env)[fn]() })),
        tie('t').map((a): Tree => ({ s: `(-${a.s})`, build: (env) => a.build(env).neg() })),
      ),
    })).t;
    fc.assert(
      fc.property(
        tree,
        fc.tuple(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: 0.5, max: 2 })),
        (t, [xv, yv]) => {
          const values = { x: xv, y: yv, z: -0.75 };
          const env = Object.fromEntries(names.map((n) => [n, leaf(values[n as 'x' | 'y' | 'z'], n)]));
          const viaParse = parse(t.s).build(values);
          const viaMethods = t.build(env);
          viaParse.backward();
          viaMethods.backward();
          // Identical graphs give bit-identical data and grads, so compare the pictures' exact numbers too.
          expect(Object.is(viaParse.data, viaMethods.data)).toBe(true);
          for (const n of parse(t.s).variables) {
            expect(Object.is(findLeaf(viaParse, n)!.grad, env[n]!.grad)).toBe(true);
          }
        },
      ),
      { numRuns: 300, seed: 20261127 },
    );
  });
});

function findLeaf(root: Value, label: string): Value | undefined {
  const stack = [root];
  const seen = new Set<Value>();
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (seen.has(v)) continue;
    seen.add(v);
    if (v.children.length === 0 && v.label === label) return v;
    stack.push(...v.children);
  }
  return undefined;
}

describe('expr tagged template', () => {
  it('builds a graph from Values and numbers in the holes', () => {
    const x1 = new Value(2, { label: 'x1' });
    const w1 = new Value(-3, { label: 'w1' });
    const b = new Value(6.881373587019543, { label: 'b' });
    const o = expr`tanh(${x1} * ${w1} + ${0} * ${1} + ${b})`;
    const chain = x1.mul(w1).add(0).add(b).tanh();
    expect(o.data).toBe(chain.data);
    o.backward();
    // d tanh(n)/d x1 = (1 - o²)·w1 = 0.5·(-3): the walkthrough's x1.grad.
    expect(x1.grad).toBeCloseTo(-1.5, 12);
    expect(o.children[0]!.children).toContain(b);
  });

  it('points at the column of a syntax error and refuses bare names and bad holes', () => {
    const a = new Value(1);
    expect(() => expr`(${a} + 1`).toThrow(
      /expected '\)' at column 10, found end of input in expr`\(\$\{0\} \+ 1`$/,
    );
    expect(() => expr`${a} + y`).toThrow(/unknown variable 'y' at column 8/);
    expect(() => expr`${a} + ${'2' as unknown as number}`).toThrow(
      /hole \$\{1\} must be a Value or a number, got string "2"/,
    );
  });
});
