// `micrograd train` stops on divergence with exit code 2, writes nothing, and names the likely setting.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'micrograd-diverge-'));

describe('micrograd train on a diverging run', () => {
  it.each([
    // [flags, the hint the settings point to]
    [['--dataset', 'circles', '--loss', 'mse'], 'try --lr 0.1'],
    [['--lr', '1000', '--steps', '50'], 'try --lr 0.1'],
    [['--alpha', '1e308'], 'try --alpha 0.0001'],
    [['--noise', '1e200'], 'try --noise 0.1'],
    [['--dataset', 'blobs', '--classes', '2', '--lr', '1'], 'try --lr 0.1'],
  ])(
    '%j exits 2 with one line naming the hint',
    (flags, hint) => {
      const out = join(dir, flags.join('_'));
      const r = runCli(['train', '--out', out, ...flags]);
      expect(r.status).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        /^micrograd: training diverged: the loss (became|grew) .*; nothing written\. Hint: /,
      );
      expect(lines[0]).toContain(hint);
      expect(existsSync(join(out, 'model.json'))).toBe(false);
    },
    60_000,
  );

  it('the hint works: circles + mse at --lr 0.1 trains to exit 0', () => {
    const r = runCli(['train', '--no-out', '--dataset', 'circles', '--loss', 'mse', '--lr', '0.1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^final: loss [\d.]+, accuracy 100\.0%/m);
  }, 60_000);
});
