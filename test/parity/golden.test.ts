// Every engine against PyTorch's committed answers (test/parity/golden): no PyTorch needed.
import { describe, expect, it } from 'vitest';
import { check, describeVerdict, fails } from './check.js';
import { ENGINES } from './engines.js';
import { lowerProgram } from './fuzz/program.js';
import { fuzzGraphs } from './fuzzGraphs.js';
import { GOLDEN_FUZZ_COUNT, GOLDEN_FUZZ_SEED, readFuzz, readOpCases } from './golden.js';
import { opCases } from './opCases.js';

const golden = readOpCases();
const fuzz = readFuzz();
const STALE = 'the golden files are stale: run `npm run parity:update` (needs PyTorch)';

describe('golden files', () => {
  it('hold an answer for every current per-op case', () => {
    expect(
      golden.cases.map((c) => c.name),
      STALE,
    ).toEqual(opCases().map((c) => c.name));
    expect(
      golden.cases.map((c) => c.spec),
      STALE,
    ).toEqual(opCases().map((c) => c.spec));
  });

  it(`hold the ${GOLDEN_FUZZ_COUNT} graphs of seed ${GOLDEN_FUZZ_SEED}`, () => {
    expect(fuzz.meta.seed).toBe(GOLDEN_FUZZ_SEED);
    expect(
      fuzz.graphs.map((g) => g.program),
      STALE,
    ).toEqual(fuzzGraphs(GOLDEN_FUZZ_SEED, GOLDEN_FUZZ_COUNT).map((g) => g.program));
  });
});

describe.each(ENGINES)('$name agrees with PyTorch (golden answers)', (engine) => {
  it(`on all ${golden.cases.length} per-op cases`, () => {
    const failures = golden.cases.flatMap((c) => {
      const v = check(engine, c.spec, c.answer);
      return fails(v) ? [`${c.name}\n${describeVerdict(v)}`] : [];
    });
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it(`on all ${fuzz.graphs.length} fuzz graphs, every node's value and grad`, () => {
    const failures = fuzz.graphs.flatMap((g, i) => {
      const { spec, names } = lowerProgram(g.program);
      const v = check(engine, spec, g.answer);
      return fails(v) ? [`golden graph ${i}\n${describeVerdict(v, names)}`] : [];
    });
    expect(failures, failures.slice(0, 5).join('\n')).toEqual([]);
  });
});
