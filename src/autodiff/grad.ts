// grad(f) and valueAndGrad(f): JAX's function transforms for scalar functions of Values.

import { describe } from '../engine/describe.js';
import { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValue, leavesAt } from './checks.js';
import { gradients } from './gradients.js';

/**
 * The derivative of `f` as a function (JAX's `grad` for one argument). The result is a Value whose graph
 * reaches back to `x`, so `grad` composes: `grad(grad(grad(f)))(0.3)` is f'''(0.3).
 *
 * @param f - A function of one Value returning a Value.
 * @returns `x => f'(x)`, taking a Value or a number (a number becomes a leaf labelled `x`).
 * @throws TypeError when `f` is not a function; the returned function throws a TypeError when `x` is
 * neither a Value nor a number or `f` does not return a Value, and a NoValueDerivativeError when `f` uses a
 * `defineOp` op defined without `valueDerivative`.
 * @example The derivatives of x**3 at 2: 3·x**2 = 12, 6·x = 12, 6
 * ```ts
 * import { Value, grad } from 'micrograd-ts';
 *
 * const cube = (x: Value) => x.pow(3);
 * console.log(grad(cube)(2).data); // → 12
 * console.log(grad(grad(cube))(2).data); // → 12
 * console.log(grad(grad(grad(cube)))(2).data); // → 6
 * ```
 */
export function grad(f: (x: Value) => Value): (x: Value | number) => Value {
  checkFunction(f, 'grad(f)');
  return (x: Value | number): Value => {
    let xv: Value;
    if (x instanceof Value) xv = x;
    else if (typeof x === 'number') xv = new Value(x, { label: 'x' });
    else throw new TypeError(`grad(f)(x): expected x to be a Value or a number, got ${describe(x)}`);
    const y = checkReturnsValue(f(xv), 'grad(f)(x)');
    return gradients(y, [xv], { createGraph: true })[0]!;
  };
}

/**
 * `f` and its gradient at a point, as numbers (JAX's `value_and_grad`).
 *
 * @param f - A function of leaves (one per coordinate of the point, labelled x0, x1, …) returning a Value.
 * @returns `point => [f(point), ∇f(point)]`.
 * @throws TypeError when `f` is not a function; the returned function throws a TypeError when `point` is
 * not an array of numbers or `f` does not return a Value.
 */
export function valueAndGrad(f: (xs: Value[]) => Value): (point: number[]) => [number, number[]] {
  checkFunction(f, 'valueAndGrad(f)');
  return (point: number[]): [number, number[]] => valueAndGradAt(f, point, 'valueAndGrad(f)(point)');
}

/** valueAndGrad's work, with errors naming `where` (the function the caller called). */
export function valueAndGradAt(f: (xs: Value[]) => Value, point: unknown, where: string): [number, number[]] {
  const xs = leavesAt(checkPoint(point, 'point', where));
  const y = checkReturnsValue(f(xs), where);
  return [y.data, gradients(y, xs).map((g) => g.data)];
}
