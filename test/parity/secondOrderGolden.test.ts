// Second-order answers against PyTorch's committed ones (test/parity/golden/second-order.json): no PyTorch needed.
import { describe, expect, it } from 'vitest';
import { fuzzGraphs } from './fuzzGraphs.js';
import { programToTypeScript } from './fuzz/program.js';
import { describeSecondOrder, programCase, secondOrderVerdict } from './secondOrder.js';
import { GOLDEN_SECOND_ORDER_COUNT, GOLDEN_SECOND_ORDER_SEED, readSecondOrder } from './secondOrderGolden.js';

const golden = readSecondOrder();

describe('second-order golden answers', () => {
  it(`hold the ${GOLDEN_SECOND_ORDER_COUNT} graphs of seed ${GOLDEN_SECOND_ORDER_SEED}`, () => {
    expect(golden.meta.seed).toBe(GOLDEN_SECOND_ORDER_SEED);
    expect(
      golden.graphs.map((g) => g.program),
      'the golden files are stale: run `npm run parity:update` (needs PyTorch)',
    ).toEqual(fuzzGraphs(GOLDEN_SECOND_ORDER_SEED, GOLDEN_SECOND_ORDER_COUNT).map((g) => g.program));
  });

  it('gradient, Hessian and JVP agree with PyTorch’s on every graph', () => {
    const failing = golden.graphs.flatMap((g, i) => {
      const ms = secondOrderVerdict(programCase(g.program), g.answer).mismatches;
      return ms.length > 0 ? [{ i, report: describeSecondOrder(ms) }] : [];
    });
    let detail = failing
      .slice(0, 5)
      .map((f) => `golden graph ${f.i}\n${f.report}`)
      .join('\n');
    const first = failing[0];
    if (first !== undefined) {
      // Offline there is no PyTorch to shrink against (`npm run test:parity` shrinks live): show it whole.
      detail += `\n\ngolden graph ${first.i} as TypeScript:\n${programToTypeScript(golden.graphs[first.i]!.program)}`;
    }
    expect(failing.length, detail).toBe(0);
    // Entries counted rather than compared (an infinity among the terms), and rounding passes: a change
    // that turned answers into NaN wherever an ∞ appears would raise these counts.
    const verdicts = golden.graphs.map((g) => secondOrderVerdict(programCase(g.program), g.answer));
    // 5 on the committed graphs (all where PyTorch's functional.jvp and its forward mode differ and ours
    // is the forward-mode one, or ∞ among the terms); a NaN-everywhere change would give hundreds.
    expect(verdicts.reduce((n, v) => n + v.edges, 0)).toBeLessThanOrEqual(6);
    expect(verdicts.filter((v) => v.rounding).length).toBe(0);
  });

  it('exercise every part of the answer: Hessians of several sizes, non-zero mixed partials and JVPs', () => {
    const sizes = new Set(golden.graphs.map((g) => g.answer.hessian.length));
    for (const n of [1, 2, 3, 4, 5, 6]) expect(sizes.has(n), `a ${n}×${n} Hessian`).toBe(true);
    const mixed = golden.graphs.filter((g) =>
      g.answer.hessian.some((row, i) => row.some((h, j) => i !== j && h !== 0 && Number.isFinite(h))),
    );
    expect(mixed.length).toBeGreaterThan(100);
  });
});
