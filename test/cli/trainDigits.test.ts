// `micrograd train --dataset digits` with its defaults: a held-out test split, per-epoch lines, ≥ 97% on test.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const out = join(mkdtempSync(join(tmpdir(), 'micrograd-digits-')), 'digits');
let run: ReturnType<typeof runCli>;

// 20 epochs of 45 minibatches on the tape: about 5 s of CPU, longer on a busy machine.
beforeAll(() => {
  run = runCli(['train', '--dataset', 'digits', '--out', out]);
}, 120_000);

describe('micrograd train --dataset digits', () => {
  it('trains on 1,437 images, tests on the 360 held out, and reaches at least 97% test accuracy', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('1437 samples of digits (360 more held out for testing)');
    expect(run.stdout).toMatch(/^engine: compiled tape \(one sample's graph/m);
    const epochs = run.stdout.split('\n').filter((l) => l.startsWith('epoch '));
    expect(epochs.length).toBe(20);
    expect(epochs[0]).toMatch(
      /^epoch 1: train loss [\d.]+, accuracy [\d.]+% \| test loss [\d.]+, accuracy [\d.]+%$/,
    );
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as {
      train: { loss: number; accuracy: number };
      test: { loss: number; accuracy: number };
      seconds: number;
    };
    expect(metrics.test.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(metrics.train.accuracy).toBeGreaterThanOrEqual(metrics.test.accuracy);
    expect(metrics.test.loss).toBeGreaterThan(0);
    expect(metrics.seconds).toBeGreaterThan(0);
    // The printed final test accuracy is the one in metrics.json.
    expect(run.stdout).toContain(
      `accuracy ${(100 * metrics.test.accuracy).toFixed(1)}% on 360 held-out samples`,
    );
  });

  it('draws the misclassified test digits', () => {
    const svg = readFileSync(join(out, 'misclassified.svg'), 'utf8');
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as {
      test: { accuracy: number };
    };
    const wrong = Math.round(360 * (1 - metrics.test.accuracy));
    expect(svg).toContain(`${wrong} of 360 test images misclassified`);
    // One caption per misclassified image (up to 50), "true → predicted" with two different digits.
    const captions = [...svg.matchAll(/>(\d) → (\d)</g)];
    expect(captions.length).toBe(Math.min(wrong, 50));
    for (const c of captions) expect(c[1]).not.toBe(c[2]);
    expect(existsSync(join(out, 'misclassified.png'))).toBe(true);
  });

  it('--test-fraction holds out a part of any dataset and reports test metrics', () => {
    const r = runCli(['train', '--samples', '50', '--steps', '3', '--test-fraction', '0.2', '--no-out']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('40 samples of moons (10 more held out for testing)');
    expect(r.stdout).toMatch(/on 10 held-out samples/);
    const bad = runCli(['train', '--test-fraction', '1']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/expected a fraction in \[0, 1\), got "1"/);
  });
});
