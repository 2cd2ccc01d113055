// `micrograd train` stops on divergence with exit code 2, writes nothing, and names the likely setting.
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
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

  // The last step's update is seen only by the final evaluation: --steps 1 at lr 1000 blew up to a loss
  // of ~3.3e6 (from ~1 at step 0) and used to be written as a finished run with exit 0.
  it.each([['1'], ['2']])(
    '--steps %s --lr 1000 is refused: the final loss goes through the divergence check',
    (steps) => {
      const out = join(dir, `steps${steps}`);
      const r = runCli(['train', '--out', out, '--steps', steps, '--lr', '1000']);
      expect(r.stderr).toMatch(
        /^micrograd: training diverged: the loss grew from [\d.]+ to [\d.e+]+ by step \d; nothing written\. Hint: try --lr 0\.1\n$/,
      );
      expect(r.status).toBe(2);
      expect(r.stdout).not.toMatch(/^final:/m);
      expect(existsSync(out) && readdirSync(out).length > 0).toBe(false);
    },
    60_000,
  );

  it('the hint works: circles + mse at --lr 0.1 trains to exit 0', () => {
    const r = runCli(['train', '--no-out', '--dataset', 'circles', '--loss', 'mse', '--lr', '0.1']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^final: loss [\d.]+, accuracy 100\.0%/m);
  }, 60_000);
});
