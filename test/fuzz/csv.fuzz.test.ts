// Fuzz parseCsv with arbitrary bytes and CSV-like text: a dataset of finite numbers, or a clear error.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/index.js';
import { expectClearError, runs, tried } from './fuzzBudget.js';

function check(text: string, opts?: object): void {
  let data;
  try {
    data = parseCsv(text, opts as never);
  } catch (e) {
    expectClearError(e, /^parseCsv(\(text(, opts)?\))?: /);
    return;
  }
  expect(data.X.length).toBe(data.y.length);
  expect(data.X.length).toBeGreaterThan(0);
  const width = data.X[0]!.length;
  for (const row of data.X) {
    expect(row.length).toBe(width);
    expect(row.every(Number.isFinite)).toBe(true);
  }
  expect(data.y.every(Number.isFinite)).toBe(true);
}

const cell = fc.oneof(
  fc.double().map(String),
  fc.integer().map(String),
  fc.constantFrom(
    '0x10',
    '0b1',
    '1e999',
    '-0',
    'nan',
    'Infinity',
    '',
    ' 1 ',
    '#',
    'x',
    '1_0',
    '\uFEFF1',
    '.5',
    '5.',
  ),
  fc.string({ maxLength: 4 }),
);
const csvLike = fc
  .array(fc.array(cell, { minLength: 1, maxLength: 4 }), { maxLength: 12 })
  .chain((rows) =>
    fc.tuple(fc.constant(rows), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom(',', ';', '\t')),
  )
  .map(([rows, nl, sep]) => rows.map((r) => r.join(sep)).join(nl));

describe('parseCsv under fuzzing', () => {
  it('arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        tried('parseCsv (bytes)');
        check(new TextDecoder().decode(bytes));
      }),
      { numRuns: runs(3000) },
    );
  });

  it('CSV-like text with odd cells, line ends and separators, and arbitrary options', () => {
    fc.assert(
      fc.property(
        csvLike,
        fc.oneof(
          fc.constant(undefined),
          fc.record(
            { delimiter: fc.oneof(fc.constantFrom(',', ';', '\t'), fc.string()) },
            { requiredKeys: [] },
          ),
          fc.record({ labelColumn: fc.constantFrom('first', 'last', 'middle') }),
          fc.anything(),
        ),
        (text, opts) => {
          tried('parseCsv (CSV-like)');
          check(text, opts as object);
        },
      ),
      { numRuns: runs(3000) },
    );
  });

  it('long input: 20,000 rows parse without a spread or a slow path', () => {
    tried('parseCsv (long)');
    const text = Array.from({ length: 20_000 }, (_, i) => `${i},${-i},${i % 2}`).join('\n');
    expect(parseCsv(text).X).toHaveLength(20_000);
  });
});
