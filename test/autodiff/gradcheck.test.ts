// gradcheck / gradgradcheck: PyTorch's defaults and verdicts, its failure at relu's kink, its messages.
import { describe, expect, it } from 'vitest';
import { GradcheckError, gradcheck, gradgradcheck } from '../../src/autodiff/index.js';
import type { Value } from '../../src/engine/value.js';

const smooth = ([x, y]: Value[]): Value =>
  x!
    .mul(y!)
    .tanh()
    .add(x!.exp().mul(y!.pow(2)))
    .add(y!.sigmoid().log());

describe('gradcheck', () => {
  it('passes on smooth functions at several points', () => {
    for (const p of [
      [0.3, -0.7],
      [1.2, 0.4],
      [-2, 1.5],
    ]) {
      expect(gradcheck(smooth, p)).toBe(true);
      expect(gradgradcheck(smooth, p)).toBe(true);
    }
  });

  it('fails at relu’s kink at 0, as PyTorch’s does (analytic 0, numerical 0.5)', () => {
    const relu = ([x]: Value[]): Value => x!.relu();
    expect(() => gradcheck(relu, [0])).toThrow(GradcheckError);
    expect(() => gradcheck(relu, [0])).toThrow(
      'gradcheck: gradient mismatch for input 0 (point[0] = 0): analytic 0, numerical 0.5',
    );
    expect(gradcheck(relu, [0], { raiseException: false })).toBe(false);
    expect(gradcheck(relu, [0.5])).toBe(true);
  });

  it('names the failing input among several', () => {
    const f = ([x, y]: Value[]): Value => x!.mul(2).add(y!.relu());
    expect(() => gradcheck(f, [1, 0])).toThrow(/input 1 \(point\[1\] = 0\): analytic 0, numerical 0.5/);
  });

  it('uses PyTorch’s defaults (eps 1e-6, atol 1e-5, rtol 1e-3), and the given ones', () => {
    // x² at 3: a central difference of a quadratic is exact up to rounding, so it passes…
    expect(gradcheck(([x]) => x!.pow(2), [3])).toBe(true);
    // …and a loose eps on x³ is off by eps² = 0.01 (math: ((x+h)³ − (x−h)³)/2h = 3x² + h²): fails at atol 1e-5…
    expect(gradcheck(([x]) => x!.pow(3), [0], { eps: 0.1, raiseException: false })).toBe(false);
    // …passes when atol allows it.
    expect(gradcheck(([x]) => x!.pow(3), [0], { eps: 0.1, atol: 0.011 })).toBe(true);
    expect(() => gradcheck(([x]) => x!.pow(3), [0], { eps: 0.1 })).toThrow(
      /analytic 0, numerical 0\.01000000000000000\d* \(eps 0.1, atol 0.00001, rtol 0.001\)/,
    );
  });

  it('rejects bad options, naming them', () => {
    const f = ([x]: Value[]): Value => x!;
    expect(() => gradcheck(f, [1], { atl: 1 } as never)).toThrow(/unknown option "atl" in opts/);
    expect(() => gradcheck(f, [1], { eps: 0 })).toThrow(RangeError);
    expect(() => gradcheck(f, [1], { rtol: -1 })).toThrow(
      /opts.rtol to be a finite number ≥ 0, got number -1/,
    );
    expect(() => gradcheck(f, [1], { raiseException: 'no' } as never)).toThrow(
      /opts.raiseException to be a boolean/,
    );
    expect(() => gradcheck(f, 1 as never)).toThrow(/point to be an array/);
    expect(() => gradcheck((() => 0) as never, [1])).toThrow(/expected f to return a Value/);
  });
});

describe('gradgradcheck', () => {
  it('fails where the second derivative jumps: x·relu(x) at 0 (analytic 0, numerical 1)', () => {
    const f = ([x]: Value[]): Value => x!.mul(x!.relu());
    expect(gradcheck(f, [0])).toBe(true); // the first derivative is continuous there (0 from both sides)
    expect(() => gradgradcheck(f, [0])).toThrow(
      /second-derivative mismatch for inputs 0 and 0 .*: analytic 0, numerical 1/,
    );
    expect(gradgradcheck(f, [0], { raiseException: false })).toBe(false);
    expect(gradgradcheck(f, [0.5])).toBe(true);
  });
});
