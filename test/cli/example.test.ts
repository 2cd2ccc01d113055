// The examples run as documented: the walkthrough prints the post's lines, the README example micrograd's numbers.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const runExample = (file: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', file], { cwd: root, encoding: 'utf8' });

it('examples/walkthrough.ts prints the post’s lines', () => {
  const r = runExample('examples/walkthrough.ts');
  expect(r.stderr).toBe('');
  const lines = r.stdout.trim().split('\n');
  expect(lines.slice(0, 5)).toEqual([
    'Value(data=-6.0)',
    'Value(data=0.0)',
    'Value(data=-6.0)',
    'Value(data=0.88137358)',
    'Value(data=0.707106777676776)',
  ]);
  expect(lines).toContain('Value(data=5.828427042920401)');
  expect(lines.slice(-4)).toEqual(['Value(data=0.5)', '2', '-3 -8', 'Value(data=4.0)']);
});

it('examples/readme.ts prints the numbers micrograd’s README prints for the same program', () => {
  // Expected: micrograd's README (24.7041, 138.8338, 645.5773), which micrograd checks against PyTorch.
  const r = runExample('examples/readme.ts');
  expect(r.stderr).toBe('');
  expect(r.stdout.trim().split('\n').slice(0, 3)).toEqual(['24.7041', '138.8338', '645.5773']);
});
