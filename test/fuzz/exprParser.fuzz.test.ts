// Fuzzing the expression language: random, deeply nested, long, unicode and prototype-named input.
// Properties: parse never hangs or overflows the stack; it returns an Expression that builds and
// evaluates, or throws an ExprSyntaxError (a SyntaxError) at a column inside the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/engine/value.js';
import { ExprSyntaxError, parse } from '../../src/expr/index.js';
import { runs, timeout, tried } from './fuzzBudget.js';

/** parse(text) as an outcome: the expression, or the syntax error; any other throw fails the property. */
function outcome(
  text: string,
): { ok: true; value: ReturnType<typeof parse> } | { ok: false; err: ExprSyntaxError } {
  try {
    return { ok: true, value: parse(text) };
  } catch (err) {
    if (!(err instanceof ExprSyntaxError)) {
      throw new Error(`parse(${JSON.stringify(text.slice(0, 80))}…) threw ${String(err)}`, { cause: err });
    }
    expect(err).toBeInstanceOf(SyntaxError);
    expect(err.column).toBeGreaterThanOrEqual(1);
    expect(err.column).toBeLessThanOrEqual(text.length + 1);
    expect(err.message).toContain(`at column ${err.column}`);
    return { ok: false, err };
  }
}

/** Build a parsed expression with every variable bound (some to 0, some to Values); it must not throw. */
function buildAll(e: ReturnType<typeof parse>, seed: number): void {
  const values = new Map(
    e.variables.map((name, i) => [name, (seed + i) % 3 === 0 ? new Value(i) : i / 7 - 1]),
  );
  const root = e.build(Object.fromEntries(values), { labelSubexpressions: true });
  expect(root).toBeInstanceOf(Value);
  expect(typeof e.evaluate(Object.fromEntries(values))).toBe('number');
  root.backward();
}

// Pieces of the language and of what people (and attackers) paste.
// Names an object lookup could mistake for its own.
const PROTO_NAMES = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
  '__defineGetter__',
];
const TOKENS = [
  'x',
  'w1',
  'b',
  ...PROTO_NAMES,
  '2',
  '.5',
  '1e-3',
  '1e309',
  '0x10',
  '1_000',
  '+',
  '-',
  '*',
  '/',
  '**',
  '(',
  ')',
  'tanh(',
  'exp(',
  'relu(',
  'log(',
  'sigmoid(',
  'eval(',
  ' ',
  '\t',
  '\n',
  ',',
  '=',
  ';',
  '${0}',
  '`',
  '"',
  "'",
  '\\',
  'é',
  'π',
  'ｘ',
  '\u0000',
  '\u200b',
  '\ud800',
  '😀',
  '<script>',
  '&amp;',
];
const tokenText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join(''));

describe('fuzz: parse', () => {
  it(
    'random token soup: an expression that builds, or a syntax error with a column',
    () => {
      fc.assert(
        fc.property(tokenText, fc.nat(), (text, seed) => {
          tried('parse (token soup)');
          const r = outcome(text);
          if (r.ok) buildAll(r.value, seed);
        }),
        { numRuns: runs(2000) },
      );
    },
    timeout(60_000),
  );

  it(
    'arbitrary unicode strings: the same',
    () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat(), (text, seed) => {
          tried('parse (unicode)');
          const r = outcome(text);
          if (r.ok) buildAll(r.value, seed);
        }),
        { numRuns: runs(1000) },
      );
    },
    timeout(60_000),
  );

  it(
    'deep nesting of every kind, past the limits: never a stack overflow',
    () => {
      const wrap = fc.constantFrom<[string, string]>(
        ['(', ')'],
        ['-', ''],
        ['+', ''],
        ['tanh(', ')'],
        ['', '**1'],
        ['', '+x'],
        ['', '*2'],
        ['2**', ''],
        ['(x+', ')'],
      );
      fc.assert(
        fc.property(
          fc.array(fc.tuple(wrap, fc.integer({ min: 1, max: 3000 })), { minLength: 1, maxLength: 4 }),
          (layers) => {
            tried('parse (deep nesting)');
            let text = 'x';
            for (const [[open, close], n] of layers) text = open.repeat(n) + text + close.repeat(n);
            const r = outcome(text);
            if (r.ok) buildAll(r.value, 0);
          },
        ),
        { numRuns: runs(200) },
      );
    },
    timeout(60_000),
  );

  it(
    'long input (up to 200,000 characters) is read in linear time, not a hang',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom('x+', 'x*', '(x)+', 'tanh(x)*', '2.5e-3-', '__proto__/'),
          fc.integer({ min: 1, max: 40_000 }),
          (unit, n) => {
            tried('parse (long input)');
            const text = unit.repeat(n) + '1';
            const r = outcome(text);
            if (r.ok) buildAll(r.value, 1);
          },
        ),
        { numRuns: runs(30) },
      );
    },
    timeout(60_000),
  );

  it(
    'prototype names are ordinary variables, bound by own properties only',
    () => {
      const names = PROTO_NAMES;
      fc.assert(
        fc.property(
          fc.subarray(names, { minLength: 1 }),
          fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 7, maxLength: 7 }),
          (picked, xs) => {
            tried('parse (prototype names)');
            const e = parse(picked.join(' + '));
            expect(e.variables).toEqual(picked);
            const values = Object.fromEntries(picked.map((n, i) => [n, xs[i]!]));
            // The sum in the same order, by plain arithmetic: what the graph's forward pass must give.
            expect(e.evaluate(values)).toBe(picked.reduce((s, _, i) => (i === 0 ? xs[0]! : s + xs[i]!), 0));
            // Inherited properties are not values: {} has a constructor and a __proto__, but not as its own.
            expect(() => e.build({})).toThrow(TypeError);
            expect(() => e.build({})).toThrow(`no value for variable '${picked[0]}'`);
          },
        ),
        { numRuns: runs(300) },
      );
    },
    timeout(60_000),
  );

  it(
    'non-strings are a TypeError naming what was given',
    () => {
      fc.assert(
        fc.property(
          fc.anything().filter((x) => typeof x !== 'string'),
          (x) => {
            tried('parse (non-strings)');
            expect(() => parse(x as string)).toThrow(TypeError);
            expect(() => parse(x as string)).toThrow(
              /parse\(source\): expected the expression as a string, got /,
            );
          },
        ),
        { numRuns: runs(300) },
      );
    },
    timeout(60_000),
  );
});
