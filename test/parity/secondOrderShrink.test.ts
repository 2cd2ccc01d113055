// The second-order check catches a Value-form rule that is right in value but wrong as a graph, and shrinks it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VALUE_RULES } from '../../src/autodiff/valueRules.js';
import { Value } from '../../src/engine/value.js';
import { evaluateSecondOrder } from '../../src/oracle/secondOrder.js';
import { programToTypeScript } from './fuzz/program.js';
import { programCase, secondOrderVerdict, shrinkSecondOrder } from './secondOrder.js';
import { readSecondOrder } from './secondOrderGolden.js';

const golden = readSecondOrder().graphs;
const rule = VALUE_RULES.sigmoid as { da: typeof VALUE_RULES.sigmoid.da };
const right = rule.da;
// σ' with the right number but cut off from the graph: first derivatives stay right, second ones lose σ''.
const detached: typeof right = (_a, _b, s) => new Value((1 - s.data) * s.data);

const failing = (): number[] =>
  golden.flatMap((g, i) =>
    secondOrderVerdict(programCase(g.program), g.answer).mismatches.length > 0 ? [i] : [],
  );

describe('second-order check and shrinker, with sigmoid’s Value rule detached from the graph', () => {
  beforeEach(() => {
    rule.da = detached;
  });
  afterEach(() => {
    rule.da = right;
  });

  it('is caught on the golden graphs that use sigmoid, in the Hessian', () => {
    const bad = failing();
    expect(bad.length).toBeGreaterThan(10);
    for (const i of bad) expect(programToTypeScript(golden[i]!.program)).toContain('.sigmoid()');
  });

  it('is shrunk to a small reproduction against the right rules', async () => {
    const i = failing()[0]!;
    // The reference: our engine with the right rule (offline stand-in for PyTorch).
    const reference = (c: ReturnType<typeof programCase>) => {
      rule.da = right;
      try {
        return evaluateSecondOrder(c);
      } finally {
        rule.da = detached;
      }
    };
    const report = await shrinkSecondOrder(golden[i]!.program, reference);
    expect(report).toMatch(/shrunk from \d+ steps to [1-3] in/);
    expect(report).toContain('.sigmoid()');
    expect(report).toMatch(/hessian\[\d\]\[\d\]: ours/);
  });

  it('passes again once the rule is restored', () => {
    rule.da = right;
    expect(failing()).toEqual([]);
  });
});
