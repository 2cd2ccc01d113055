// The neural-network layer against PyTorch's answers stored in golden/nn.json (made by `npm run nn:golden`):
// MLP outputs and gradients, every loss, ten optimizer steps, and micrograd's 100-step moons demo.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCases, computeTs, maxRelError, toleranceFor, type GoldenCase } from './nnParity.js';

const golden = JSON.parse(readFileSync(new URL('./golden/nn.json', import.meta.url), 'utf8')) as {
  torch: string;
  cases: GoldenCase[];
};

describe(`nn against PyTorch ${golden.torch} (golden answers)`, () => {
  it('the golden file holds exactly the cases the code defines (else run npm run nn:golden)', () => {
    const cases = buildCases();
    expect(golden.cases.map((c) => c.name)).toEqual(cases.map((c) => c.name));
    // Payloads are compared through JSON, as they were stored.
    expect(golden.cases.map((c) => JSON.stringify(c.payload))).toEqual(
      cases.map((c) => JSON.stringify(c.payload)),
    );
  });

  // The fields PyTorch must have answered for each kind of case (an empty answer must not pass).
  const FIELDS: Record<GoldenCase['kind'], string[]> = {
    nn_mlp: ['outputs', 'grads'],
    nn_loss: ['value', 'grad'],
    nn_optim: ['params'],
    nn_demo: ['losses', 'accuracies', 'params'],
  };

  for (const c of golden.cases) {
    it(c.name, () => {
      for (const field of FIELDS[c.kind])
        expect(c.torch, `golden answer lacks ${field}`).toHaveProperty(field);
      const ts = computeTs(c);
      for (const field of Object.keys(c.torch)) {
        const err = maxRelError(ts[field], c.torch[field]);
        expect(err, `${field}: max relative error ${err}`).toBeLessThanOrEqual(toleranceFor(c.kind, field));
      }
      // micrograd's demo ends at 100% training accuracy, here and in PyTorch.
      if (c.kind === 'nn_demo') expect((ts['accuracies'] as number[]).at(-1)).toBe(1);
    });
  }
});
