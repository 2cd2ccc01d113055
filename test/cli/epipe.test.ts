// A closed pipe (`micrograd … | head -1`) ends the command quietly, as Unix tools do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI } from './runCli.js';

/** Run `micrograd args | head -1` in bash; the command's own exit status and stderr. */
function intoHead(args: string): { status: number; stderr: string; stdout: string } {
  const r = spawnSync(
    'bash',
    ['-c', `"${process.execPath}" "${CLI}" ${args} | head -1; exit \${PIPESTATUS[0]}`],
    {
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: r.status ?? -1, stderr: r.stderr, stdout: r.stdout };
}

// A sum of 500 terms prints ~150 kB of DOT, more than a pipe holds, so the write after head exits fails.
const longSum = Array.from({ length: 500 }, (_, i) => `x${i}`).join('+');
const sets = Array.from({ length: 500 }, (_, i) => `x${i}=1`).join(',');

describe('EPIPE', () => {
  it.each([
    ['train', 'train --no-out'],
    ['walkthrough', 'walkthrough'],
    ['graph', `graph "${longSum}" --set ${sets} --max-nodes 5000`],
  ])(
    '%s | head -1 prints one line, no error, exit 0',
    (_, args) => {
      const r = intoHead(args);
      expect(r.stderr).toBe('');
      expect(r.stdout.split('\n')).toHaveLength(2);
      expect(r.status).toBe(0);
    },
    60_000,
  );
});

describe('a closed stdout never loses a run', () => {
  it('train --out DIR | head -1: the run goes on, writes every file, leaves no temporary, exit 0', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'micrograd-epipe-')), 'run');
    // 200 steps print a line each ~1 ms or so after head has gone: the writes after it fail with EPIPE.
    const r = intoHead(`train --steps 200 --out "${dir}"`);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      'curves.png',
      'curves.svg',
      'decision-boundary.png',
      'decision-boundary.svg',
      'metrics.json',
      'model.json',
    ]);
    const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as { steps: unknown[] };
    expect(metrics.steps).toHaveLength(200);
  }, 60_000);
});
