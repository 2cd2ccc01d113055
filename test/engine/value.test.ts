// Value: the walkthrough's numbers, reuse, accumulation, deep graphs, printing, and bad input.
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/index.js';
import { buildNeuron, neuronLeaves } from '../../src/walkthrough/neuron.js';
import {
  divisionExample,
  productOfSumExample,
  reuseExample,
  scaleExample,
} from '../../src/walkthrough/roughWork.js';

describe('the walkthrough neuron', () => {
  it('prints the five lines the post prints', () => {
    expect(buildNeuron('tanh').printed.map(String)).toEqual([
      'Value(data=-6.0)',
      'Value(data=0.0)',
      'Value(data=-6.0)',
      'Value(data=0.88137358)',
      'Value(data=0.707106777676776)',
    ]);
  });

  it('prints the exp form the post prints', () => {
    expect(buildNeuron('exp').printed.map(String)).toEqual([
      'Value(data=-6.0)',
      'Value(data=0.0)',
      'Value(data=-6.0)',
      'Value(data=0.88137358)',
      'Value(data=5.828427042920401)',
    ]);
  });

  it('backpropagates the chain-rule gradients of tanh(x1*w1 + x2*w2 + b)', () => {
    const n = buildNeuron('tanh');
    n.o.backward();
    // Math: do/dn = 1 - o²; each input's grad is its partner's data times that.
    const dn = 1 - n.o.data ** 2;
    expect(n.o.grad).toBe(1);
    expect(n.b.grad).toBeCloseTo(dn, 15);
    expect(n.x1.grad).toBeCloseTo(-3 * dn, 15);
    expect(n.w1.grad).toBeCloseTo(2 * dn, 15);
    expect(n.x2.grad).toBeCloseTo(1 * dn, 15);
    expect(n.w2.grad).toBe(0);
  });

  it('gives the same gradients when tanh is rebuilt from exp, pow and div (to 1e-12)', () => {
    const a = buildNeuron('tanh');
    const b = buildNeuron('exp');
    a.o.backward();
    b.o.backward();
    expect(Math.abs(a.o.data - b.o.data)).toBeLessThan(1e-12);
    const bLeaves = new Map(neuronLeaves(b));
    for (const [name, leaf] of neuronLeaves(a)) {
      expect(Math.abs(leaf.grad - bLeaves.get(name)!.grad), name).toBeLessThan(1e-12);
    }
  });

  it('labels nodes as the post does and records the ops it shows', () => {
    const n = buildNeuron('tanh');
    expect(n.o.label).toBe('o');
    expect(n.o.op).toBe('tanh');
    expect(n.printed.map((v) => v.op)).toEqual(['*', '*', '+', '+', 'tanh']);
    expect(n.x1.op).toBe('');
    expect(n.printed[0]!.children).toEqual([n.x1, n.w1]);
    const e = buildNeuron('exp');
    // o = (e + -1) * (e + 1)**-1: the composite ops stay composite.
    expect(e.o.op).toBe('*');
    expect(e.o.children.map((c) => c.op)).toEqual(['+', '**-1']);
  });
});

describe('rough work', () => {
  it('a / b = 0.5, b = a + a gives a.grad 2, the d*e graph, 2 * a = 4', () => {
    expect(String(divisionExample())).toBe('Value(data=0.5)');
    const { a } = reuseExample();
    expect(a.grad).toBe(2);
    // Math: f = ab(a+b) → df/da = b(a+b) + ab = 3·1 + (-6) = -3; df/db = a(a+b) + ab = -2 - 6 = -8.
    const p = productOfSumExample();
    expect([p.f.data, p.a.grad, p.b.grad]).toEqual([-6, -3, -8]);
    expect(String(scaleExample())).toBe('Value(data=4.0)');
  });
});

describe('backward', () => {
  it('gives both contributions to a node used twice (a*b + a)', () => {
    const a = new Value(3);
    const b = new Value(-2);
    const y = a.mul(b).add(a);
    y.backward();
    expect(a.grad).toBe(-2 + 1); // ∂/∂a (ab + a) = b + 1
    expect(b.grad).toBe(3);
    const sq = new Value(5);
    sq.mul(sq).backward(); // d(a²)/da = 2a
    expect(sq.grad).toBe(10);
  });

  it('accumulates into leaves on a second pass, as PyTorch does; intermediates show the latest pass', () => {
    const a = new Value(3);
    const aa = a.mul(a);
    const y = aa.add(a); // dy/da = 2a + 1 = 7
    y.backward();
    expect(a.grad).toBe(7);
    expect(aa.grad).toBe(1);
    y.backward();
    expect(a.grad).toBe(14);
    expect(aa.grad).toBe(1);
    expect(y.grad).toBe(1);
  });

  it('zeroGrad clears every grad in the graph', () => {
    const a = new Value(2);
    const y = a.mul(a).tanh();
    y.backward();
    expect(a.grad).not.toBe(0);
    y.zeroGrad();
    expect([a.grad, y.grad]).toEqual([0, 0]);
  });

  it('handles a chain one million nodes deep without overflowing the stack', () => {
    const x = new Value(0.5);
    let y = x;
    for (let i = 0; i < 1_000_000; i++) y = y.add(1);
    y.backward();
    expect(x.grad).toBe(1);
    expect(y.data).toBe(1_000_000.5);
  });

  it('handles a deep chain of unary ops with the right product of derivatives', () => {
    const x = new Value(0.3);
    let y = x;
    const n = 200_000;
    for (let i = 0; i < n; i++) y = y.mul(1.000001);
    y.backward();
    // Math: y = x·c^n, dy/dx = c^n; 1e-9 relative covers n roundings of ~1e-16.
    expect(Math.abs(x.grad - 1.000001 ** n) / 1.000001 ** n).toBeLessThan(1e-9);
  });

  it('on a leaf root adds 1 to its own grad', () => {
    const a = new Value(4);
    a.backward();
    a.backward();
    expect(a.grad).toBe(2);
  });
});

describe('printing', () => {
  it('String, template literals and util.inspect show Value(data=...) with Python floats', () => {
    const v = new Value(-6);
    expect(String(v)).toBe('Value(data=-6.0)');
    expect(`${v}`).toBe('Value(data=-6.0)');
    expect(inspect(v)).toBe('Value(data=-6.0)');
    expect(inspect([new Value(1e-5)])).toBe('[ Value(data=1e-05) ]');
    expect(String(new Value(Infinity))).toBe('Value(data=inf)');
    expect(String(new Value(NaN))).toBe('Value(data=nan)');
  });

  it('labels are assignable and optional', () => {
    const v = new Value(1, { label: 'x' });
    expect(v.label).toBe('x');
    v.label = 'y';
    expect(v.label).toBe('y');
    expect(new Value(1).label).toBe('');
  });
});

describe('bad input', () => {
  const bad: Array<[string, () => unknown, RegExp]> = [
    ["new Value('2')", () => new Value('2' as unknown as number), /new Value\(data\).*number.*string "2"/],
    [
      'new Value(undefined)',
      () => new Value(undefined as unknown as number),
      /expected data to be a number, got undefined/,
    ],
    ['new Value(null)', () => new Value(null as unknown as number), /got null/],
    ['new Value(1n)', () => new Value(1n as unknown as number), /got bigint 1/],
    [
      'a.add({})',
      () => new Value(1).add({} as unknown as number),
      /Value\.add\(other\).*Value or a number.*an object/,
    ],
    ["a.mul('3')", () => new Value(1).mul('3' as unknown as number), /Value\.mul\(other\).*string "3"/],
    ['a.sub([])', () => new Value(1).sub([] as unknown as number), /Value\.sub\(other\).*array/],
    [
      'a.div(undefined)',
      () => new Value(1).div(undefined as unknown as number),
      /Value\.div\(other\).*undefined/,
    ],
    ['a.rsub(null)', () => new Value(1).rsub(null as unknown as number), /Value\.rsub\(other\).*null/],
    ["a.rdiv('x')", () => new Value(1).rdiv('x' as unknown as number), /Value\.rdiv\(other\)/],
    [
      "a.pow('2')",
      () => new Value(2).pow('2' as unknown as number),
      /Value\.pow\(exponent\): expected exponent to be a number or a Value, got string "2"/,
    ],
    [
      'label: 5',
      () => new Value(1, { label: 5 as unknown as string }),
      /opts\.label to be a string, got number 5/,
    ],
  ];
  it.each(bad)('%s throws a TypeError naming the argument', (_name, fn, message) => {
    expect(fn).toThrow(TypeError);
    expect(fn).toThrow(message);
  });
});
