// vjp, jacobian and hvp against PyTorch's committed answers (test/parity/golden/functional.json): no PyTorch needed.
import { describe, expect, it } from 'vitest';
import { fuzzGraphs } from './fuzzGraphs.js';
import {
  functionalCase,
  functionalVerdict,
  GOLDEN_FUNCTIONAL_COUNT,
  GOLDEN_FUNCTIONAL_SEED,
  readFunctional,
} from './functional.js';
import { describeSecondOrder } from './secondOrder.js';

const golden = readFunctional();

describe('functional-transform golden answers (torch.autograd.functional)', () => {
  it(`hold the ${GOLDEN_FUNCTIONAL_COUNT} graphs of seed ${GOLDEN_FUNCTIONAL_SEED}`, () => {
    expect(golden.meta.seed).toBe(GOLDEN_FUNCTIONAL_SEED);
    expect(
      golden.graphs.map((g) => g.program),
      'the golden files are stale: run `npm run parity:update` (needs PyTorch)',
    ).toEqual(fuzzGraphs(GOLDEN_FUNCTIONAL_SEED, GOLDEN_FUNCTIONAL_COUNT).map((g) => g.program));
  });

  it('vjp, jacobian and hvp agree with PyTorch’s on every graph', () => {
    const verdicts = golden.graphs.map((g) => functionalVerdict(functionalCase(g.program), g.answer));
    const failing = verdicts.flatMap((v, i) =>
      v.mismatches.length > 0 ? [`golden graph ${i}\n${describeSecondOrder(v.mismatches)}`] : [],
    );
    expect(failing, failing.slice(0, 5).join('\n')).toEqual([]);
    // Most entries are compared, not counted: a change that made every answer NaN would fail here.
    const counted = verdicts.reduce((n, v) => n + v.edges, 0);
    const entries = golden.graphs.reduce(
      (n, g) => n + g.answer.vjp.length * (2 + g.answer.jacobian.length),
      0,
    );
    expect(counted).toBeLessThan(entries * 0.06);
  });

  it('cover several outputs, non-zero vjp/hvp entries and more than one input', () => {
    expect(golden.graphs.filter((g) => g.answer.jacobian.length >= 2).length).toBeGreaterThan(100);
    expect(golden.graphs.filter((g) => g.answer.vjp.length >= 3).length).toBeGreaterThan(50);
    const nonzero = golden.graphs.filter((g) => g.answer.hvp.some((h) => h !== 0 && Number.isFinite(h)));
    expect(nonzero.length).toBeGreaterThan(100);
  });
});
