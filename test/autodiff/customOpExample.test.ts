// examples/customOp.ts prints what its guide shows (docs/guides/custom-ops.md), and its numbers are the math's.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('examples/customOp.ts: softplus passes gradcheck, o and do/dw1 are the math’s; the guide shows this run', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'examples/customOp.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  const lines = r.stdout.trim().split('\n');
  expect(lines[0]).toBe('true true');
  // n = 2·(−3) + 6.5 = 0.5; o = ln(1 + e^0.5); do/dw1 = x1·σ(0.5)
  const sig = 1 / (1 + Math.exp(-0.5));
  expect(lines[1]).toBe(`o = ${Math.log1p(Math.exp(0.5)).toFixed(4)}, do/dw1 = ${(2 * sig).toFixed(4)}`);
  const guide = readFileSync(`${root}docs/guides/custom-ops.md`, 'utf8');
  expect(guide).toContain(`prints\n\n\`\`\`text\n${r.stdout.trim()}\n\`\`\``);
  expect(guide).toContain(
    readFileSync(`${root}examples/customOp.ts`, 'utf8').split('\n').slice(1).join('\n').trim(),
  );
});
