// examples/derivatives.ts prints what its guide shows (docs/guides/derivatives.md), and its numbers are the math's.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

it('examples/derivatives.ts: Newton converges to a root of f′, f‴ = 24x, Rosenbrock’s Hessian; the guide shows this run', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'examples/derivatives.ts'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  const lines = r.stdout.trim().split('\n');
  // Newton's last x is a root of f′(x) = 4x³ − 6x + 1 (checked here in plain numbers).
  const x = Number(/x = ([^,]+),/.exec(lines[5]!)![1]);
  expect(Math.abs(4 * x ** 3 - 6 * x + 1)).toBeLessThan(1e-12);
  expect(lines[6]).toBe("f'''(0.5) = 12"); // f‴(x) = 24x
  expect(lines[7]).toBe('[ [ 802, -400 ], [ -400, 200 ] ]'); // [[1200x² − 400y + 2, −400x], [−400x, 200]] at (1, 1)
  expect(lines[8]).toBe('[ 1, -2 ]'); // f(0, 0) = 1, ∂f/∂x = −2(1 − x) − 400x(y − x²) = −2
  expect(lines[9]).toBe('true');
  const guide = readFileSync(`${root}docs/guides/derivatives.md`, 'utf8');
  expect(guide).toContain(`prints\n\n\`\`\`text\n${r.stdout.trim()}\n\`\`\``);
  expect(guide).toContain(
    readFileSync(`${root}examples/derivatives.ts`, 'utf8').split('\n').slice(1).join('\n').trim(),
  );
});
