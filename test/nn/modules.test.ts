// Neuron, Layer, MLP: micrograd's structure, order, printing and argument checks.
import { describe, expect, it } from 'vitest';
import { Layer, MLP, Neuron, Rng, Value } from '../../src/index.js';

describe('Neuron', () => {
  it('computes act(b + w0*x0 + w1*x1) with the bias first, as micrograd sums', () => {
    const n = new Neuron(2, { activation: 'linear' });
    n.w[0]!.data = 2;
    n.w[1]!.data = -3;
    n.b.data = 0.5;
    const out = n.forward([1.5, 4]);
    expect(out.data).toBe(0.5 + 2 * 1.5 + -3 * 4); // exact: every term is a small dyadic number
    // The graph: ((b + w0*x0) + w1*x1): the root's first input is (b + w0*x0), whose first input is b.
    expect(out._a!._a).toBe(n.b);
  });

  it('draws weights uniformly in [-1, 1) from the given seed, bias 0; relu by default', () => {
    const a = new Neuron(50, { seed: 3 });
    const b = new Neuron(50, { rng: new Rng(3) });
    expect(a.w.map((w) => w.data)).toEqual(b.w.map((w) => w.data));
    expect(a.w.every((w) => w.data >= -1 && w.data < 1)).toBe(true);
    expect(a.b.data).toBe(0);
    expect(String(a)).toBe('ReLUNeuron(50)');
    // relu clips a negative sum to 0
    for (const w of a.w) w.data = -1;
    expect(a.forward(Array(50).fill(1)).data).toBe(0);
  });

  it('Xavier draws within ±sqrt(6/(fanIn+fanOut)); He draws with std ≈ sqrt(2/fanIn)', () => {
    const layer = new Layer(100, 50, { init: 'xavier', seed: 1 });
    const a = Math.sqrt(6 / 150);
    const ws = layer
      .parameters()
      .filter((_, i) => i % 101 !== 100)
      .map((p) => p.data);
    expect(Math.max(...ws.map(Math.abs))).toBeLessThanOrEqual(a);
    expect(Math.max(...ws.map(Math.abs))).toBeGreaterThan(0.95 * a); // 5000 draws reach the edge
    const he = new Layer(200, 50, { init: 'he', seed: 2 }).neurons.flatMap((n) => n.w.map((w) => w.data));
    const std = Math.sqrt(he.reduce((s, w) => s + w * w, 0) / he.length);
    // 10,000 samples: the sample std is within ~2% of sqrt(2/200) = 0.1 (5 standard errors is 3.5%)
    expect(Math.abs(std - 0.1)).toBeLessThan(0.0035);
  });

  it('rejects bad sizes, options and inputs with the value in the message', () => {
    expect(() => new Neuron(0)).toThrow(RangeError);
    expect(() => new Neuron(2.5)).toThrow(/nin to be a positive integer, got number 2.5/);
    expect(() => new Neuron(2, { activation: 'gelu' as never })).toThrow(/relu, tanh, sigmoid, linear/);
    expect(() => new Neuron(2, { init: 'zeros' as never })).toThrow(TypeError);
    expect(() => new Neuron(2, { seed: 1, rng: new Rng(1) })).toThrow(/not both/);
    const n = new Neuron(2);
    expect(() => n.forward([1])).toThrow(/length 2.*got length 1/);
    expect(() => n.forward([1, '2' as never])).toThrow(/x\[1\].*string "2"/);
    expect(() => n.forward([1, NaN])).toThrow(RangeError);
    expect(() => n.forward('12' as never)).toThrow(TypeError);
  });
});

describe('MLP', () => {
  it('prints and orders parameters as micrograd: layer by layer, neuron by neuron, weights then bias', () => {
    const m = new MLP(2, [3, 1], { seed: 0 });
    expect(String(m)).toBe(
      'MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2)], Layer of [LinearNeuron(3)]]',
    );
    const ps = m.parameters();
    expect(ps.length).toBe(3 * 3 + 4);
    const expected = m.layers.flatMap((l) => l.neurons.flatMap((n) => [...n.w, n.b]));
    expect(ps).toEqual(expected);
    expect(ps[2]).toBe(m.layers[0]!.neurons[0]!.b);
    // micrograd's draw order: one generator, weights in parameter order, biases not drawn
    const rng = new Rng(0);
    const draws = m.layers.flatMap((l) => l.neurons.flatMap((n) => n.w.map(() => rng.uniform(-1, 1))));
    expect(m.layers.flatMap((l) => l.neurons.flatMap((n) => n.w.map((w) => w.data)))).toEqual(draws);
  });

  it('always returns an array, and a one-neuron hidden layer works (micrograd unwraps it and breaks)', () => {
    const m = new MLP(2, [1, 1], { seed: 5 });
    const out = m.forward([0.3, -0.7]);
    expect(Array.isArray(out)).toBe(true);
    expect(out.length).toBe(1);
    const h = Math.max(
      0,
      m.layers[0]!.neurons[0]!.b.data +
        0.3 * m.layers[0]!.neurons[0]!.w[0]!.data -
        0.7 * m.layers[0]!.neurons[0]!.w[1]!.data,
    );
    const o = m.layers[1]!.neurons[0]!;
    expect(out[0]!.data).toBeCloseTo(o.b.data + o.w[0]!.data * h, 15);
  });

  it('takes per-layer activations and accepts Value inputs', () => {
    const m = new MLP(2, [4, 3, 2], { activation: 'tanh', outputActivation: 'sigmoid', seed: 1 });
    expect(String(m)).toMatch(
      /^MLP of \[Layer of \[TanhNeuron\(2\).*Layer of \[SigmoidNeuron\(3\), SigmoidNeuron\(3\)\]\]$/,
    );
    const out = m.forward([new Value(0.1), 0.2]);
    expect(out.every((o) => o.data > 0 && o.data < 1)).toBe(true);
    const m2 = new MLP(1, [2, 2], { activations: ['linear', 'tanh'] });
    expect(String(m2)).toBe(
      'MLP of [Layer of [LinearNeuron(1), LinearNeuron(1)], Layer of [TanhNeuron(2), TanhNeuron(2)]]',
    );
    expect(() => new MLP(1, [2, 2], { activations: ['relu'] })).toThrow(/array of 2 activations/);
  });

  it('rejects bad layer sizes and inputs', () => {
    expect(() => new MLP(2, [])).toThrow(/non-empty array/);
    expect(() => new MLP(2, [4, 0])).toThrow(/nouts\[1\] to be a positive integer, got number 0/);
    expect(() => new MLP(2, 3 as never)).toThrow(TypeError);
    expect(() => new MLP(2, [3, 1]).forward([1, 2, 3])).toThrow(/length 2.*got length 3/);
  });

  it('zeroGrad clears every parameter grad', () => {
    const m = new MLP(2, [3, 1], { seed: 2 });
    m.forward([1, 1])[0]!.backward();
    expect(m.parameters().some((p) => p.grad !== 0)).toBe(true);
    m.zeroGrad();
    expect(m.parameters().every((p) => p.grad === 0)).toBe(true);
  });
});
