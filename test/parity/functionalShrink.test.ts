// The functional check catches a Value-form rule that is wrong as a graph in hvp, and shrinks the graph.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VALUE_RULES } from '../../src/autodiff/valueRules.js';
import { Value } from '../../src/engine/value.js';
import { evaluateFunctional } from '../../src/oracle/functional.js';
import { functionalCase, functionalVerdict, readFunctional, shrinkFunctional } from './functional.js';

const golden = readFunctional().graphs;
const rule = VALUE_RULES.sigmoid as { da: typeof VALUE_RULES.sigmoid.da };
const right = rule.da;
// σ' with the right number but cut off from the graph: vjp and the Jacobian stay right, hvp loses σ''.
const detached: typeof right = (_a, _b, s) => new Value((1 - s.data) * s.data);

describe('functional check and shrinker, with sigmoid’s Value rule detached from the graph', () => {
  beforeEach(() => {
    rule.da = detached;
  });
  afterEach(() => {
    rule.da = right;
  });

  it('is shrunk to a small reproduction in hvp against the right rules', async () => {
    const i = golden.findIndex(
      (g) => functionalVerdict(functionalCase(g.program), g.answer).mismatches.length > 0,
    );
    expect(i).toBeGreaterThanOrEqual(0);
    // The reference: our engine with the right rule (offline stand-in for PyTorch).
    const reference = (c: ReturnType<typeof functionalCase>) => {
      rule.da = right;
      try {
        return evaluateFunctional(c);
      } finally {
        rule.da = detached;
      }
    };
    const report = await shrinkFunctional(golden[i]!.program, reference);
    expect(report).toMatch(/shrunk from \d+ steps to [1-3] in \d+ tries; inputs v\d/);
    expect(report).toContain('.sigmoid()');
    expect(report).toMatch(/hvp\[\d\]: ours/);
  });
});
