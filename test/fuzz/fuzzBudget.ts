// fuzzBudget: how many inputs each fuzzer tries (FUZZ_SCALE multiplies them for `npm run fuzz`), and the tally.

import { afterAll, expect } from 'vitest';

const scale = Number(process.env['FUZZ_SCALE'] ?? '1');

/** `n` inputs in `npm test`; `n × FUZZ_SCALE` under `npm run fuzz`. */
export const runs = (n: number): number => Math.max(1, Math.round(n * (Number.isFinite(scale) ? scale : 1)));

/** A test's time bound: `ms` in `npm test`, scaled like the runs under `npm run fuzz`. */
export const timeout = (ms: number): number => runs(ms);

const tally = new Map<string, number>();

/** Count one input tried against `entry` (printed per file when its tests finish). */
export function tried(entry: string): void {
  tally.set(entry, (tally.get(entry) ?? 0) + 1);
}

afterAll(() => {
  for (const [entry, n] of tally) process.stdout.write(`fuzz: ${entry}: ${n} inputs\n`);
});

/**
 * The thrown value is the library's own clear error: a TypeError, RangeError or SyntaxError whose message
 * starts with `where` (the entry point it names), never a stack overflow or an engine error.
 */
export function expectClearError(e: unknown, where: RegExp): void {
  const ok = e instanceof TypeError || e instanceof RangeError || e instanceof SyntaxError;
  if (!ok) throw e; // an unexpected kind of failure: rethrown whole, stack and all, for fast-check to shrink
  const msg = (e as Error).message;
  expect(msg).not.toMatch(/Maximum call stack|Invalid array length|is not a function|Cannot read prop/);
  expect(msg).toMatch(where);
}
