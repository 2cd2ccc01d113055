// Types of the functional transforms, as exported from the package root.
import { expectTypeOf, test } from 'vitest';
import {
  grad,
  gradcheck,
  gradients,
  hessian,
  jvp,
  valueAndGrad,
  Value,
  type GradcheckOptions,
  type GradientsOptions,
  VALUE_RULES,
} from '../../src/index.js';

test('transform signatures', () => {
  expectTypeOf(gradients).returns.toEqualTypeOf<Value[]>();
  expectTypeOf<GradientsOptions>().toEqualTypeOf<{ createGraph?: boolean }>();
  const d = grad((x) => x.tanh());
  expectTypeOf(d).toEqualTypeOf<(x: Value | number) => Value>();
  expectTypeOf(grad(grad(d))).toEqualTypeOf<(x: Value | number) => Value>();
  expectTypeOf(valueAndGrad((xs) => xs[0]!)).returns.toEqualTypeOf<[number, number[]]>();
  expectTypeOf(hessian).returns.toEqualTypeOf<number[][]>();
  expectTypeOf(jvp).returns.toEqualTypeOf<[number, number]>();
  expectTypeOf(gradcheck).returns.toEqualTypeOf<boolean>();
  expectTypeOf<GradcheckOptions['raiseException']>().toEqualTypeOf<boolean | undefined>();
  // @ts-expect-error createGraph is a boolean
  gradients(new Value(1), [], { createGraph: 1 });
  // @ts-expect-error f takes a Value, not a number
  grad((x: number) => new Value(x));
});

test('the Value-form rules cover every op: a missing one or a missing db is a compile error', () => {
  // @ts-expect-error sigmoid (and the rest) missing
  const partial: typeof VALUE_RULES = { add: VALUE_RULES.add };
  // @ts-expect-error mul needs db as well as da
  const half: typeof VALUE_RULES = { ...VALUE_RULES, mul: { da: VALUE_RULES.mul.da } };
  expectTypeOf(partial).not.toBeAny();
  expectTypeOf(half).not.toBeAny();
});
