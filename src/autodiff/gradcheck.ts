// gradcheck / gradgradcheck: analytic first and second derivatives against central finite differences.

import { describe } from '../engine/describe.js';
import type { Value } from '../engine/value.js';
import { checkOptions } from '../engine/checkKeys.js';
import { checkFunction, checkPoint, checkReturnsValue, leavesAt } from './checks.js';
import { valueAndGradAt } from './grad.js';
import { hessianAt } from './hessian.js';

/** The options of `gradcheck` and `gradgradcheck`: PyTorch's, with PyTorch's defaults. */
export interface GradcheckOptions {
  /** Finite-difference step; default 1e-6 (PyTorch's). */
  eps?: number;
  /** Absolute tolerance; default 1e-5 (PyTorch's). */
  atol?: number;
  /** Relative tolerance, against the numerical value; default 1e-3 (PyTorch's). */
  rtol?: number;
  /** Throw a GradcheckError on a mismatch (default true), or return false. */
  raiseException?: boolean;
}

/**
 * A derivative that disagrees with its finite-difference estimate, thrown by `gradcheck` and
 * `gradgradcheck`; the message names the input, the analytic and the numerical value, and the tolerances.
 *
 * @example An op whose declared derivative is wrong (3 where 2·x has 2)
 * ```ts
 * import { GradcheckError, defineOp, gradcheck } from 'micrograd-ts';
 *
 * const double = defineOp({
 *   name: 'wrongDouble',
 *   forward: (x) => 2 * x,
 *   derivative: () => 3,
 * });
 * try {
 *   gradcheck(([x]) => double(x!), [1]);
 * } catch (err) {
 *   if (err instanceof GradcheckError) console.log(err.message);
 *   // → gradcheck: gradient mismatch for input 0 …
 * }
 * ```
 */
export class GradcheckError extends Error {
  /** `'GradcheckError'`, as stack traces and `String(err)` show it. */
  override name = 'GradcheckError';
}

const KEYS = ['eps', 'atol', 'rtol', 'raiseException'] as const;

interface Settings {
  eps: number;
  atol: number;
  rtol: number;
  raise: boolean;
}

function settings(opts: unknown, where: string): Settings {
  const o = checkOptions(opts, KEYS, where);
  const num = (key: string, fallback: number): number => {
    const x = o[key] ?? fallback;
    if (typeof x !== 'number' || !(x >= 0) || x === Infinity) {
      throw new RangeError(`${where}: expected opts.${key} to be a finite number ≥ 0, got ${describe(x)}`);
    }
    return x;
  };
  const raise = o['raiseException'] ?? true;
  if (typeof raise !== 'boolean') {
    throw new TypeError(`${where}: expected opts.raiseException to be a boolean, got ${describe(raise)}`);
  }
  const eps = num('eps', 1e-6);
  if (eps === 0) throw new RangeError(`${where}: expected opts.eps to be > 0, got number 0`);
  return { eps, atol: num('atol', 1e-5), rtol: num('rtol', 1e-3), raise };
}

/** PyTorch's allclose: |analytic − numerical| ≤ atol + rtol·|numerical|. */
const close = (analytic: number, numerical: number, s: Settings): boolean =>
  Math.abs(analytic - numerical) <= s.atol + s.rtol * Math.abs(numerical);

/** Central differences of `g` (numbers in, numbers out) along each coordinate of `point`. */
function centralDifferences(g: (p: number[]) => number[], point: readonly number[], eps: number): number[][] {
  return point.map((_, j) => {
    const up = g(point.map((x, i) => (i === j ? x + eps : x)));
    const down = g(point.map((x, i) => (i === j ? x - eps : x)));
    return up.map((u, i) => (u - down[i]!) / (2 * eps));
  });
}

function fail(s: Settings, message: string): false {
  if (s.raise) throw new GradcheckError(message);
  return false;
}

/**
 * Check the gradient of `f` at `point` against central finite differences (PyTorch's
 * `torch.autograd.gradcheck`, same defaults). Returns true, or throws a GradcheckError naming the input,
 * the analytic and the numerical value (returns false with `raiseException: false`).
 *
 * @param f - A function of leaves (one per coordinate of `point`, labelled x0, x1, …) returning a Value.
 * @param point - Where to check, one number per input.
 * @param opts - `eps`, `atol`, `rtol`, `raiseException`.
 * @returns true when every partial derivative agrees within `atol + rtol·|numerical|`.
 * @throws GradcheckError on a mismatch (unless `raiseException: false`).
 * @throws TypeError when `f` is not a function or does not return a Value, or `point` is not an array of
 * numbers; RangeError when a tolerance or `eps` is negative or not finite, or `eps` is 0.
 * @example The walkthrough's neuron, checked at the post's point
 * ```ts
 * import { Value, gradcheck } from 'micrograd-ts';
 *
 * const neuron = ([x1, w1, x2, w2, b]: Value[]) =>
 *   x1!.mul(w1!).add(x2!.mul(w2!)).add(b!).tanh();
 * const ok = gradcheck(neuron, [2, -3, 0, 1, 6.88137358]);
 * console.log(ok); // → true
 * ```
 */
export function gradcheck(f: (xs: Value[]) => Value, point: number[], opts?: GradcheckOptions): boolean {
  const where = 'gradcheck(f, point, opts)';
  checkFunction(f, where);
  checkPoint(point, 'point', where);
  const s = settings(opts, where);
  const analytic = valueAndGradAt(f, point, where)[1];
  const numeric = (p: number[]): number[] => [checkReturnsValue(f(leavesAt(p)), where).data];
  const numerical = centralDifferences(numeric, point, s.eps);
  for (let i = 0; i < point.length; i++) {
    const a = analytic[i]!;
    const n = numerical[i]![0]!;
    if (!close(a, n, s)) {
      return fail(
        s,
        `gradcheck: gradient mismatch for input ${i} (point[${i}] = ${point[i]}): analytic ${a}, ` +
          `numerical ${n} (eps ${s.eps}, atol ${s.atol}, rtol ${s.rtol})`,
      );
    }
  }
  return true;
}

/**
 * Check the second derivatives of `f` at `point`: the Hessian from a recorded gradient against central
 * differences of the analytic gradient (what PyTorch's `torch.autograd.gradgradcheck` compares).
 *
 * @param f - A function of leaves (one per coordinate of `point`) returning a Value.
 * @param point - Where to check, one number per input.
 * @param opts - `eps`, `atol`, `rtol`, `raiseException`.
 * @returns true when every second derivative agrees.
 * @throws GradcheckError on a mismatch (unless `raiseException: false`).
 * @throws TypeError and RangeError for bad arguments, as `gradcheck`; NoValueDerivativeError when `f` uses
 * a `defineOp` op defined without `valueDerivative`.
 */
export function gradgradcheck(f: (xs: Value[]) => Value, point: number[], opts?: GradcheckOptions): boolean {
  const where = 'gradgradcheck(f, point, opts)';
  checkFunction(f, where);
  checkPoint(point, 'point', where);
  const s = settings(opts, where);
  const analytic = hessianAt(f, point, where);
  // numerical[j][i] = ∂g_i/∂x_j
  const numerical = centralDifferences((p) => valueAndGradAt(f, p, where)[1], point, s.eps);
  for (let i = 0; i < point.length; i++) {
    for (let j = 0; j < point.length; j++) {
      const a = analytic[i]![j]!;
      const n = numerical[j]![i]!;
      if (!close(a, n, s)) {
        return fail(
          s,
          `gradgradcheck: second-derivative mismatch for inputs ${i} and ${j} (∂²f/∂x${i}∂x${j} at ` +
            `point [${point.join(', ')}]): analytic ${a}, numerical ${n} (eps ${s.eps}, atol ${s.atol}, rtol ${s.rtol})`,
        );
      }
    }
  }
  return true;
}
