// Regenerate test/nn/golden/nn.json from PyTorch (`npm run nn:golden`), or with --check compare micrograd-ts
// with a live PyTorch without writing anything (exit 1 on a mismatch).

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TorchOracle } from '../../src/oracle/TorchOracle.js';
import { buildCases, computeTs, maxRelError, toleranceFor, type GoldenCase } from './nnParity.js';

const GOLDEN = fileURLToPath(new URL('./golden/nn.json', import.meta.url));
const check = process.argv.includes('--check');

const oracle = new TorchOracle();
try {
  const version = await oracle.request<{ torch: string }>('version');
  const cases = buildCases();
  const answers = await Promise.all(
    cases.map((c) => oracle.request<Record<string, unknown>>(c.kind, c.payload)),
  );
  let failures = 0;
  const golden: GoldenCase[] = cases.map((c, i) => {
    const torch = answers[i]!;
    const ts = computeTs(c);
    const worst = Object.keys(torch).map(
      (f) => [f, maxRelError(ts[f], torch[f]), toleranceFor(c.kind, f)] as const,
    );
    const bad = worst.filter(([, e, tol]) => e > tol);
    failures += bad.length;
    const detail = worst.map(([f, e]) => `${f} ${e.toExponential(1)}`).join(', ');
    process.stdout.write(`${bad.length ? 'FAIL' : 'ok  '} ${c.name}: ${detail}\n`);
    return { ...c, torch };
  });
  if (!check) {
    writeFileSync(GOLDEN, `${JSON.stringify({ torch: version.torch, cases: golden })}\n`);
    process.stdout.write(`wrote ${golden.length} cases (PyTorch ${version.torch}) to ${GOLDEN}\n`);
  }
  if (failures > 0) process.exitCode = 1;
} finally {
  await oracle.close();
}
