// docs:coverage over the real entry points: it counts interface properties as public names, and every public
// name the core declares (engine, expressions, autodiff, tape, data) has a doc comment.
import { describe, expect, it } from 'vitest';
import { docCoverage } from '../../scripts/site/docCoverage.js';

const CORE = /^src\/(engine|expr|autodiff|tape|data|walkthrough|oracle)\//;

describe('docs:coverage', () => {
  it('counts the properties of exported interfaces and finds no undocumented core name', async () => {
    const { names, total, missing } = await docCoverage();
    expect(total).toBe(names.length);
    // Options fields show on hover in editors: they are public names too.
    expect(names).toContain('micrograd-ts: ValueOptions.label');
    expect(names).toContain('micrograd-ts: CompileOptions.inputs');
    expect(names).toContain('micrograd-ts: Value.tanh');
    // Every missing name says where it is declared, so it can be found and fixed.
    for (const m of missing) expect(m.file).toMatch(/^src\/.+\.ts$/);
    expect(missing.filter((m) => CORE.test(m.file))).toEqual([]);
  });
});
