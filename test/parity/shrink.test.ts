// The parity suite catches a broken derivative and shrinks the graph to a small TypeScript repro,
// offline: PyTorch's answers come from the golden file, the shrinker's reference is the eager engine.
import { describe, expect, it } from 'vitest';
import { OPS } from '../../src/engine/ops.js';
import { check, fails, shrinkFailure } from './check.js';
import { eagerEngine } from './engines.js';
import { lowerProgram, programToTypeScript, runProgram } from './fuzz/program.js';
import { readFuzz } from './golden.js';
import { tableEngine } from './tableEngine.js';

const golden = readFuzz().graphs;

/** Golden graphs on which `engine` disagrees with PyTorch. */
function failingGraphs(engine: ReturnType<typeof tableEngine>): number[] {
  return golden.flatMap((g, i) => (fails(check(engine, lowerProgram(g.program).spec, g.answer)) ? [i] : []));
}

describe('the parity check and the shrinker, on an engine with a broken derivative', () => {
  it('an engine running the real op table passes every golden graph (the harness accepts right rules)', () => {
    expect(failingGraphs(tableEngine('op table'))).toEqual([]);
  });

  // tanh' = 1 − t instead of 1 − t²: right at t = 0 and t = 1, wrong everywhere else.
  const broken = tableEngine('broken tanh', { ...OPS, tanh: { ...OPS.tanh, da: (_a, _b, t) => 1 - t } });

  it('is caught on the golden graphs that use tanh', () => {
    const failing = failingGraphs(broken);
    expect(failing.length).toBeGreaterThan(10);
    for (const i of failing) expect(programToTypeScript(golden[i]!.program)).toContain('.tanh()');
  });

  it('is shrunk to a two- or three-line reproduction that still fails, printed as TypeScript', async () => {
    const i = failingGraphs(broken)[0]!;
    const repro = await shrinkFailure(broken, golden[i]!.program, eagerEngine.evaluate, 'the eager engine');
    expect(repro.program.length).toBeLessThanOrEqual(3);
    expect(repro.typescript).toMatch(/^const v0 = new Value\(.+\);$/m);
    expect(repro.typescript).toContain('.tanh()');
    expect(repro.typescript).toMatch(/\.backward\(\);$/);
    expect(repro.report).toContain('grad: ours');
    // The repro runs with the Value API and still shows the disagreement.
    expect(runProgram(repro.program).length).toBe(repro.program.length);
    const { spec } = lowerProgram(repro.program);
    expect(fails(check(broken, spec, eagerEngine.evaluate(spec)))).toBe(true);
    console.log(repro.report);
  });

  it('catches a wrong derivative in the op table that Value itself uses', () => {
    const def = OPS.sigmoid as { da: typeof OPS.sigmoid.da };
    const right = def.da;
    def.da = (_a, _b, s) => s * s; // σ' = σ(1 − σ), not σ²
    try {
      expect(failingGraphs(eagerEngine).length).toBeGreaterThan(10);
    } finally {
      def.da = right;
    }
    expect(failingGraphs(eagerEngine)).toEqual([]);
  });
});
