// fuzzRuns: how many inputs each fuzzer tries. `npm test` runs a bounded number; `npm run fuzz` sets
// FUZZ_SCALE (default there 50) for a longer run, and each fuzzer prints its count for the record.

const scale = (): number => {
  const text = process.env['FUZZ_SCALE'];
  if (text === undefined || text === '') return 1;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`FUZZ_SCALE: expected a positive integer, got "${text}"`);
  return n;
};

const tried = new Map<string, number>();

/** The number of runs for a property: `base` in `npm test`, `base × FUZZ_SCALE` in `npm run fuzz`. */
export function fuzzRuns(entryPoint: string, base: number): number {
  const runs = base * scale();
  tried.set(entryPoint, (tried.get(entryPoint) ?? 0) + runs);
  return runs;
}

/** A test's time bound: `baseMs` in `npm test`, scaled with the runs in `npm run fuzz`. */
export function fuzzTimeout(baseMs: number): number {
  return baseMs * scale();
}

/** One line per entry point: what was tried (printed by each fuzz file when it ends). */
export function fuzzReport(): string {
  return [...tried].map(([name, n]) => `fuzz: ${name}: ${n.toLocaleString('en-US')} inputs`).join('\n');
}
