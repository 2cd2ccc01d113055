// Live parity: every engine against a running PyTorch, on the per-op cases and ≥ 2,000 fresh fuzz graphs.
// Run with `npm run test:parity`; PARITY_SEED fixes the seed, PARITY_GRAPHS the number of graphs.
import { describe, expect, it } from 'vitest';
import { check, describeVerdict, fails, shrinkFailure } from './check.js';
import { ENGINES } from './engines.js';
import { fuzzGraphs } from './fuzzGraphs.js';
import { liveOracle, MAX_SHRUNK } from './liveOracle.js';
import { opCases } from './opCases.js';

const { seed, count, oracle } = liveOracle('parity', 'PARITY_GRAPHS', 2000);

const cases = opCases();
const graphs = fuzzGraphs(seed, count);
/** PyTorch's answers, asked once and shared by every engine. */
const once = <T>(f: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};
const caseAnswers = once(() => Promise.all(cases.map((c) => oracle().graph(c.spec))));
const graphAnswers = once(() => Promise.all(graphs.map((g) => oracle().graph(g.spec))));

describe.each(ENGINES)('$name agrees with PyTorch (live)', (engine) => {
  it('on every per-op case', async () => {
    const answers = await caseAnswers();
    const failures = cases.flatMap((c, i) => {
      const v = check(engine, c.spec, answers[i]!);
      return fails(v) ? [`${c.name}\n${describeVerdict(v)}`] : [];
    });
    expect(failures, failures.join('\n')).toEqual([]);
  });

  it(`on ${count} fuzz graphs of seed ${seed}, every node's value and grad`, async () => {
    const answers = await graphAnswers();
    const nodes = graphs.reduce((sum, g) => sum + g.spec.nodes.length, 0);
    const edgy = answers.filter((a) => [...a.values, ...a.grads].some((x) => !Number.isFinite(x))).length;
    console.log(
      `${count} graphs, ${nodes} nodes; ${edgy} graphs reach NaN or ±Infinity in some value or grad`,
    );
    const verdicts = graphs.map((g, i) => check(engine, g.spec, answers[i]!));
    const failing = verdicts.flatMap((v, i) => (fails(v) ? [i] : []));
    const rounding = verdicts.filter((v) => v.rounding).length;
    console.log(
      `${engine.name}: ${count - failing.length - rounding} graphs agree to 1e-12 at every node, ` +
        `${rounding} differ only by amplified rounding (every node matches PyTorch from its own inputs), ` +
        `${failing.length} disagree`,
    );
    const reports: string[] = [];
    for (const i of failing.slice(0, MAX_SHRUNK)) {
      const repro = await shrinkFailure(engine, graphs[i]!.program, (spec) => oracle().graph(spec));
      reports.push(`graph ${i} of seed ${seed}: ${repro.report}`);
    }
    const summary = `${failing.length} of ${count} graphs disagree (seed ${seed})\n\n${reports.join('\n\n')}`;
    expect(failing.length, summary).toBe(0);
  });
});
