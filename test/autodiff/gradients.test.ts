// gradients(): torch.autograd.grad's contract — no .grad written, recorded or fresh results, 0 for unused inputs.
import { describe, expect, it } from 'vitest';
import { gradients } from '../../src/autodiff/index.js';
import { Value, topoSort } from '../../src/engine/value.js';

describe('gradients(output, inputs, opts)', () => {
  it('gives ∂output/∂input and writes no .grad field (math: d(xy + x²)/dx = y + 2x, /dy = x)', () => {
    const x = new Value(3);
    const y = new Value(-2);
    const out = x.mul(y).add(x.pow(2));
    const [gx, gy] = gradients(out, [x, y]);
    expect(gx!.data).toBe(-2 + 6);
    expect(gy!.data).toBe(3);
    for (const v of topoSort(out)) expect(v.grad).toBe(0);
  });

  it('without createGraph returns fresh leaves; with it, nodes whose graph reaches the inputs', () => {
    const x = new Value(0.7);
    const out = x.tanh().mul(x);
    const [plain] = gradients(out, [x]);
    expect(plain!.opName).toBeUndefined();
    const [recorded] = gradients(out, [x], { createGraph: true });
    expect(recorded!.opName).toBeDefined();
    expect(topoSort(recorded!)).toContain(x);
    expect(recorded!.data).toBe(plain!.data);
  });

  it('agrees with backward() on a shared subexpression (b = a + a gives 2)', () => {
    const a = new Value(1.5);
    const b = a.add(a).mul(a.exp());
    const [g] = gradients(b, [a]);
    b.backward();
    expect(g!.data).toBe(a.grad);
  });

  it('gives Value(0) for an input the output does not depend on, and 1 for the output itself', () => {
    const x = new Value(1);
    const z = new Value(5);
    const out = x.mul(2);
    for (const createGraph of [false, true]) {
      const [gz, gout] = gradients(out, [z, out], { createGraph });
      expect(gz!.data).toBe(0);
      expect(gout!.data).toBe(1);
    }
  });

  it('accepts intermediate nodes as inputs (∂(t·t)/∂t = 2t where t = tanh x)', () => {
    const x = new Value(0.4);
    const t = x.tanh();
    const [gt] = gradients(t.mul(t), [t]);
    expect(gt!.data).toBe(2 * t.data);
  });

  describe('bad input names the argument', () => {
    const x = new Value(1);
    const y = x.mul(2);
    it.each([
      [
        'output not a Value',
        () => gradients(3 as never, [x]),
        TypeError,
        /output to be a Value, got number 3/,
      ],
      ['inputs not an array', () => gradients(y, x as never), TypeError, /inputs to be an array/],
      ['an input not a Value', () => gradients(y, [x, 2 as never]), TypeError, /inputs\[1\] to be a Value/],
      [
        'duplicated input',
        () => gradients(y, [x, x]),
        RangeError,
        /inputs\[1\] is the same Value as inputs\[0\]/,
      ],
      [
        'createGraph not boolean',
        () => gradients(y, [x], { createGraph: 'yes' as never }),
        TypeError,
        /opts.createGraph to be a boolean, got string "yes"/,
      ],
      [
        'unknown option',
        () => gradients(y, [x], { creatGraph: true } as never),
        TypeError,
        /unknown option "creatGraph" in opts \(known: createGraph\)/,
      ],
      ['opts not an object', () => gradients(y, [x], 1 as never), TypeError, /opts to be an object/],
    ] as const)('%s', (_name, call, type, message) => {
      expect(call).toThrow(type);
      expect(call).toThrow(message);
    });
  });
});

describe('gradients on deep graphs', () => {
  it('records and differentiates a 50,000-node chain without overflowing the stack (math: y = x·cⁿ + x², y″ = 2)', () => {
    // y = ((x·c)·c)…·c + x²: y' = cⁿ + 2x, y'' = 2, whatever the depth.
    const x = new Value(0.5);
    let y = x;
    for (let i = 0; i < 50_000; i++) y = y.mul(1.000001);
    y = y.add(x.pow(2));
    const [g] = gradients(y, [x], { createGraph: true });
    expect(Math.abs(g!.data - (1.000001 ** 50_000 + 1))).toBeLessThan(1e-9);
    const [h] = gradients(g!, [x]);
    expect(h!.data).toBe(2);
  });
});
