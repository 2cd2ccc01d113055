// Live parity of vjp, jacobian and hvp: fresh fuzz graphs with several outputs against torch.autograd.functional.
// Run with `npm run test:parity`; PARITY_SEED fixes the seed, PARITY_FUNCTIONAL_GRAPHS the number of graphs.
import { expect, it } from 'vitest';
import { torchFunctional } from '../../src/oracle/functional.js';
import { functionalCase, functionalVerdict, shrinkFunctional } from './functional.js';
import { fuzzGraphs } from './fuzzGraphs.js';
import { liveOracle, MAX_SHRUNK } from './liveOracle.js';
import { describeSecondOrder } from './secondOrder.js';

const { seed, count, oracle } = liveOracle('functional parity', 'PARITY_FUNCTIONAL_GRAPHS', 400);

it('vjp, jacobian and hvp of fresh fuzz graphs agree with torch.autograd.functional', async () => {
  const graphs = fuzzGraphs(seed, count);
  const cases = graphs.map((g) => functionalCase(g.program));
  const answers = await Promise.all(cases.map((c) => torchFunctional(oracle(), c)));
  const verdicts = cases.map((c, i) => functionalVerdict(c, answers[i]!));
  const failing = verdicts.flatMap((v, i) => (v.mismatches.length > 0 ? [i] : []));
  const entries = answers.reduce((n, a) => n + a.vjp.length * (2 + a.jacobian.length), 0);
  const edges = verdicts.reduce((n, v) => n + v.edges, 0);
  const rounding = verdicts.filter((v) => v.rounding).length;
  console.log(
    `functional: ${count} graphs, ${entries} vjp/jacobian/hvp entries; ${failing.length} graphs disagree; ` +
      `${rounding} graphs agree only from PyTorch's node values (forward rounding amplified); ` +
      `${edges} entries counted: non-finite here with ∞ among the terms, where PyTorch's hvp and its ` +
      `Hessian·v differ, finite here (forward over reverse) where PyTorch's Hessian row has a NaN, or ` +
      `PyTorch's own forward over reverse where it differs from its hvp`,
  );
  const reports: string[] = [];
  for (const i of failing.slice(0, MAX_SHRUNK)) {
    reports.push(
      `graph ${i} of seed ${seed}: ${describeSecondOrder(verdicts[i]!.mismatches)}\n` +
        (await shrinkFunctional(graphs[i]!.program, (c) => torchFunctional(oracle(), c))),
    );
  }
  expect(
    failing.length,
    `${failing.length} of ${count} graphs disagree (seed ${seed})\n\n${reports.join('\n\n')}`,
  ).toBe(0);
});
