// grad(f) and valueAndGrad(f): JAX's function transforms for scalar functions of Values.

import { describe } from '../engine/describe.js';
import { Value } from '../engine/value.js';
import { checkFunction, checkPoint, checkReturnsValue, leavesAt } from './checks.js';
import { gradients } from './gradients.js';

/**
 * The derivative of `f` as a function (JAX's `grad` for one argument). The result is a Value whose graph
 * reaches back to `x`, so `grad` composes: `grad(grad(grad(f)))(0.3)` is f'''(0.3).
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

/** `f` and its gradient at a point, as numbers (JAX's `value_and_grad`). */
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
