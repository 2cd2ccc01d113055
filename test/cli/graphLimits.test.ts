// `micrograd graph` on expressions that reuse a value at many depths: refused at once, in one line.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'micrograd-graph-limits-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('micrograd graph limits', () => {
  it('refuses a 200-term x+x+…+x picture with the reason and the flag, writing nothing', () => {
    const out = join(dir, 'chain.svg');
    const r = runCli(['graph', Array(200).fill('x').join('+'), '--set', 'x=1', '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^micrograd: the graph has 399 nodes, but 'x' \(used by 199 nodes\) gives it long edges .* --max-layout-nodes\)\n$/,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('still prints the DOT text of a 1,000-term chain, with short labels', () => {
    const r = runCli(['graph', Array(1000).fill('x').join('+'), '--set', 'x=1']);
    expect(r.status).toBe(0);
    const labels = [...r.stdout.matchAll(/label="\{ ([^|]*) \|/g)].map((m) => m[1]!);
    expect(labels).toHaveLength(1000); // x and 999 sums
    expect(Math.max(...labels.map((l) => l.length))).toBeLessThanOrEqual(42); // 41 plus the trailing space
    expect(r.stdout).toContain('nslimit=1');
  });

  it('rejects a --max-layout-nodes that is not a positive integer', () => {
    const r = runCli(['graph', 'x', '--set', 'x=1', '--max-layout-nodes', '0']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--max-layout-nodes');
  });
});
