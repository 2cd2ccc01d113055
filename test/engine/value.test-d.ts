// Type-level tests: the public Value API's signatures, and the op table's exhaustiveness.
import { describe, expectTypeOf, it } from 'vitest';
import { OPS, Value, defineOp, type OpDef, type OpName, type Operand } from '../../src/index.js';

describe('Value types', () => {
  it('methods take a Value or a number and return a Value', () => {
    const a = new Value(1);
    expectTypeOf(a.add).parameter(0).toEqualTypeOf<Value | number>();
    expectTypeOf(a.add(2)).toEqualTypeOf<Value>();
    expectTypeOf(a.rdiv(a)).toEqualTypeOf<Value>();
    expectTypeOf(a.pow).parameter(0).toEqualTypeOf<Value | number>();
    expectTypeOf(a.children).toEqualTypeOf<Value[]>();
    // a built-in op's name, or one of defineOp's
    expectTypeOf(a.opName).toEqualTypeOf<OpName | (string & {}) | undefined>();
  });

  it('rejects non-numbers at compile time', () => {
    const a = new Value(1);
    // @ts-expect-error a string is not a Value or a number
    a.add('2');
    // @ts-expect-error an exponent is a number or a Value
    a.pow('2');
    // @ts-expect-error data must be a number
    new Value('2');
  });

  it('the op table has an entry for every op, binary ones with both derivatives', () => {
    expectTypeOf(OPS).toHaveProperty('add');
    expectTypeOf(OPS.add.db).toBeFunction();
    expectTypeOf<OpDef<'tanh'>>().not.toHaveProperty('db');
    expectTypeOf<keyof typeof OPS>().toEqualTypeOf<OpName>();
  });

  it('defineOp gives a one-input op for arity 1 (the default) and a two-input op for arity 2', () => {
    const one = defineOp({ name: 'typed_one', forward: (x) => x, derivative: () => 1 });
    expectTypeOf(one).toEqualTypeOf<(x: Operand) => Value>();
    const two = defineOp({ name: 'typed_two', arity: 2, forward: (a, b) => a + b, derivative: () => [1, 1] });
    expectTypeOf(two).toEqualTypeOf<(a: Operand, b: Operand) => Value>();
    // @ts-expect-error a two-input op's derivative returns a pair
    defineOp({ name: 'typed_bad', arity: 2, forward: (a, b) => a + b, derivative: () => 1 });
  });
});
