// Fuzz the Value API with arbitrary JS values: every call returns a Value or throws a clear error naming the call.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/index.js';
import { expectClearError, runs, tried } from './fuzzBudget.js';

const METHODS = [
  'add',
  'mul',
  'sub',
  'div',
  'rsub',
  'rdiv',
  'pow',
  'neg',
  'tanh',
  'exp',
  'relu',
  'log',
  'sigmoid',
];

// Anything JavaScript can pass, weighted toward what a careless caller passes.
const arg = fc.oneof(
  fc.anything({
    withNullPrototype: true,
    withBigInt: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
  }),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, '2', '', null, undefined, true, [1], { label: 'x' }),
  fc.constant(new Value(1.5)),
);

describe('Value API with arbitrary arguments', () => {
  it('new Value(data, opts) makes a Value or names what is wrong', () => {
    fc.assert(
      fc.property(
        arg,
        fc.oneof(arg, fc.record({ label: arg }), fc.dictionary(fc.string(), arg)),
        (data, opts) => {
          tried('new Value(data, opts)');
          try {
            const v = new Value(data as number, opts as never);
            expect(typeof v.data).toBe('number');
          } catch (e) {
            expectClearError(e, /^new Value\(data(, opts)?\): /);
          }
        },
      ),
      { numRuns: runs(2000) },
    );
  });

  it('every method on a Value with an arbitrary operand, then backward', () => {
    fc.assert(
      fc.property(fc.double(), fc.constantFrom(...METHODS), arg, (x, method, other) => {
        tried('Value methods');
        const v = new Value(x);
        let out: unknown;
        try {
          out = (v as unknown as Record<string, (o: unknown) => unknown>)[method]!(other);
        } catch (e) {
          expectClearError(e, new RegExp(`^Value\\.(${method}|pow|add|mul)\\(`));
          return;
        }
        expect(out).toBeInstanceOf(Value);
        (out as Value).backward();
        expect(typeof v.grad).toBe('number');
      }),
      { numRuns: runs(3000) },
    );
  });

  it('a leaf whose data was assigned anything: the error blames that input', () => {
    fc.assert(
      fc.property(arg, fc.constantFrom(...METHODS), (data, method) => {
        tried('Value with assigned .data');
        const v = new Value(1);
        (v as { data: unknown }).data = data;
        let threw = false;
        try {
          (v as unknown as Record<string, (o: unknown) => unknown>)[method]!(2);
        } catch (e) {
          threw = true;
          expectClearError(e, /^Value\.\w+: an input's data is .*, expected a number/);
        }
        // A number is fine; anything else must have been refused.
        expect(threw).toBe(typeof data !== 'number');
      }),
      { numRuns: runs(1000) },
    );
  });

  it('labels: anything assigned is a string or a clear TypeError', () => {
    fc.assert(
      fc.property(arg, (label) => {
        tried('Value.label');
        const v = new Value(0);
        try {
          v.label = label as string;
          expect(v.label).toBe(label);
        } catch (e) {
          expectClearError(e, /^Value\.label: expected a string/);
        }
      }),
      { numRuns: runs(500) },
    );
  });
});
