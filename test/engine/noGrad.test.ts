// detach() and noGrad(fn): leaves with the same data and no history, as PyTorch's detach and no_grad.
import { describe, expect, it } from 'vitest';
import { grad } from '../../src/autodiff/index.js';
import { noGrad } from '../../src/engine/noGrad.js';
import { isGradEnabled, Value } from '../../src/engine/value.js';

describe('detach', () => {
  it('is a leaf with the same data: gradients stop there (d(x·detach(x))/dx = x, not 2x)', () => {
    const x = new Value(3);
    const d = x.detach();
    expect([d.data, d.opName, d.children]).toEqual([3, undefined, []]);
    x.mul(d).backward();
    expect(x.grad).toBe(3); // PyTorch: (x * x.detach()).backward() gives x.grad == x
  });

  it('cuts second order too: grad of x·detach(x) is detach(x), whose own derivative is 0', () => {
    expect(grad((x) => x.mul(x.detach()))(2).data).toBe(2);
    expect(grad(grad((x) => x.mul(x).mul(x.detach())))(2).data).toBe(4); // d²/dx² (x²·c) = 2c, c = 2
  });
});

describe('noGrad', () => {
  it('ops inside record nothing: their results are leaves holding the value', () => {
    const x = new Value(2);
    const y = noGrad(() => x.mul(3).add(1).tanh());
    expect(y.data).toBe(Math.tanh(7));
    expect(y.opName).toBeUndefined();
    y.mul(x).backward();
    expect(x.grad).toBe(Math.tanh(7)); // only the path outside noGrad
  });

  it('restores recording after it returns, after it throws, and when nested', () => {
    expect(isGradEnabled()).toBe(true);
    const inner = noGrad(() => {
      const a = noGrad(() => new Value(1).add(1));
      // still off after the nested call returns
      return [a.opName, isGradEnabled(), new Value(1).add(1).opName];
    });
    expect(inner).toEqual([undefined, false, undefined]);
    expect(isGradEnabled()).toBe(true);
    expect(() =>
      noGrad(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(isGradEnabled()).toBe(true);
    expect(new Value(1).add(1).opName).toBe('add');
  });

  it('refuses a non-function and a Promise (ops after an await would record)', () => {
    expect(() => noGrad(3 as never)).toThrow(/noGrad\(fn\): expected fn to be a function, got number 3/);
    expect(() => noGrad(async () => 1)).toThrow(/fn returned a Promise/);
    expect(isGradEnabled()).toBe(true);
  });
});
