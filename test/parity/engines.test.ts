// The engine adapter contract: what `recompute` and `scope: 'leaves'` let through and what they catch.
import { describe, expect, it } from 'vitest';
import { evaluateWith, isLeafSpec, type GraphAnswer, type GraphSpec } from '../../src/oracle/graphSpec.js';
import { check, fails } from './check.js';
import type { Engine } from './engines.js';
import { lowerProgram } from './fuzz/program.js';
import { readFuzz } from './golden.js';
import { tableEngine } from './tableEngine.js';

const golden = readFuzz().graphs.map((g) => ({ spec: lowerProgram(g.program).spec, answer: g.answer }));
const failures = (engine: Engine): number =>
  golden.filter((g) => fails(check(engine, g.spec, g.answer))).length;
const table = tableEngine('op table');

/** Keep only the root's value and the leaves' numbers; blank the rest as a fused engine would. */
function onlyLeaves(spec: GraphSpec, a: GraphAnswer, leafGrad = (g: number): number => g): GraphAnswer {
  const last = spec.nodes.length - 1;
  return {
    values: a.values.map((v, i) => (isLeafSpec(spec.nodes[i]!) || i === last ? v : NaN)),
    grads: a.grads.map((g, i) => (isLeafSpec(spec.nodes[i]!) ? leafGrad(g) : 0)),
  };
}

describe('engine adapters', () => {
  it('with recompute, an engine that computes no values fails wherever a value is not NaN', () => {
    const lazy: Engine = {
      name: 'lazy',
      evaluate: (s) => evaluateWith(s, (root) => root.backward(), { recompute: true }),
    };
    // Every graph fails except those where PyTorch's every op value is NaN anyway.
    const allNaN = golden.filter((g) =>
      g.spec.nodes.every((n, i) => isLeafSpec(n) || Number.isNaN(g.answer.values[i])),
    ).length;
    expect(allNaN).toBeLessThan(5);
    expect(failures(lazy)).toBe(golden.length - allNaN);
  });

  it("scope 'leaves' compares the root's value and the leaves' numbers only", () => {
    const fused: Engine = {
      name: 'fused',
      scope: 'leaves',
      evaluate: (s) => onlyLeaves(s, table.evaluate(s)),
    };
    expect(failures(fused)).toBe(0);
    // The same blanks without the scope are mismatches.
    expect(failures({ ...fused, scope: 'all' })).toBeGreaterThan(golden.length / 2);
  });

  it("scope 'leaves' still catches a wrong leaf gradient", () => {
    const off: Engine = {
      name: 'off by 1e-9',
      scope: 'leaves',
      evaluate: (s) => onlyLeaves(s, table.evaluate(s), (g) => g * (1 + 1e-9)),
    };
    expect(failures(off)).toBeGreaterThan(golden.length / 2);
  });
});
