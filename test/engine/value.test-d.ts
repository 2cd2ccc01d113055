// Type-level tests: the public Value API's signatures, and the op table's exhaustiveness.
import { describe, expectTypeOf, it } from 'vitest';
import { OPS, Value, type OpDef, type OpName } from '../../src/index.js';

describe('Value types', () => {
  it('methods take a Value or a number and return a Value', () => {
    const a = new Value(1);
    expectTypeOf(a.add).parameter(0).toEqualTypeOf<Value | number>();
    expectTypeOf(a.add(2)).toEqualTypeOf<Value>();
    expectTypeOf(a.rdiv(a)).toEqualTypeOf<Value>();
    expectTypeOf(a.pow).parameter(0).toEqualTypeOf<number>();
    expectTypeOf(a.children).toEqualTypeOf<Value[]>();
    expectTypeOf(a.opName).toEqualTypeOf<OpName | undefined>();
  });

  it('rejects non-numbers at compile time', () => {
    const a = new Value(1);
    // @ts-expect-error a string is not a Value or a number
    a.add('2');
    // @ts-expect-error exponents are numbers, not Values
    a.pow(a);
    // @ts-expect-error data must be a number
    new Value('2');
  });

  it('the op table has an entry for every op, binary ones with both derivatives', () => {
    expectTypeOf(OPS).toHaveProperty('add');
    expectTypeOf(OPS.add.db).toBeFunction();
    expectTypeOf<OpDef<'tanh'>>().not.toHaveProperty('db');
    expectTypeOf<keyof typeof OPS>().toEqualTypeOf<OpName>();
  });
});
