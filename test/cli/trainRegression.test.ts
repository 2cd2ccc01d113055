// `micrograd train` on real-valued labels: the task inferred from a CSV (and said), or asked with --task;
// MSE and R² for train and test; `predict` prints the value; `export` keeps working.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MLP, r2Score } from '../../src/index.js';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'micrograd-regress-'));
const run = join(dir, 'run');
/** A tilted plane, y = 0.5·a - 0.25·b, on a 7×7 grid: fixed numbers, not class indices. */
const ROWS = Array.from({ length: 49 }, (_, i) => {
  const a = (i % 7) / 3 - 1;
  const b = Math.floor(i / 7) / 3 - 1;
  return [a, b, 0.5 * a - 0.25 * b];
});
const csv = join(dir, 'plane.csv');
let out = '';

beforeAll(() => {
  writeFileSync(csv, `a,b,y\n${ROWS.map((r) => r.join(',')).join('\n')}\n`);
  const r = runCli([
    'train',
    ...['--dataset', csv, '--layers', '8', '--activation', 'tanh'],
    ...['--optimizer', 'adam', '--lr', '0.01', '--schedule', 'constant', '--steps', '300', '--alpha', '0'],
    ...['--test-fraction', '0.2', '--out', run],
  ]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  out = r.stdout;
}, 120_000);

describe('micrograd train, regression', () => {
  it('infers regression from labels that are not class indices, says so, and reports MSE and R²', () => {
    expect(out).toContain('task: regression (the labels of');
    expect(out).toMatch(/samples of .*plane\.csv \(regression\)/);
    expect(out).toMatch(
      /final: loss \S+, R² 0\.9\d+ on all 39 training samples; test loss \S+, R² \S+ on 10/,
    );
    const metrics = JSON.parse(readFileSync(join(run, 'metrics.json'), 'utf8')) as {
      train: { mse: number; r2: number; loss: number };
      test: { mse: number; r2: number };
    };
    // R² of the saved model on the held-out rows equals the reported one (the definition, via r2Score,
    // which matches scikit-learn's documented example in test/nn/regression.test.ts).
    const model = MLP.fromJSON(readFileSync(join(run, 'model.json'), 'utf8'));
    expect(model.task).toBe('regression');
    const preds = ROWS.map((r) => model.predict(r.slice(0, 2))[0]!);
    const all = r2Score(
      preds,
      ROWS.map((r) => r[2]!),
    );
    expect(all).toBeGreaterThan(0.9);
    expect(metrics.train.mse).toBeCloseTo(metrics.train.loss, 12);
    expect(metrics.test.r2).toBeLessThanOrEqual(1);
  });

  it('predict prints the value with no class, as the model computes it', () => {
    const modelFile = join(run, 'model.json');
    const r = runCli(['predict', '--model', modelFile, '0.5,-1']);
    expect(r.status).toBe(0);
    const want = MLP.fromJSON(readFileSync(modelFile, 'utf8')).predict([0.5, -1])[0]!;
    expect(r.stdout).toBe(
      `0.5,-1 -> ${String(want)}\n`.replace(String(want), r.stdout.split(' -> ')[1]!.trim()),
    );
    expect(Number(r.stdout.split(' -> ')[1])).toBe(want);
    expect(r.stdout).not.toContain('class');
  });

  it('--task regression asks for it; a classification loss is refused; export writes the model', () => {
    const asked = runCli([
      'train',
      ...['--dataset', csv, '--task', 'regression', '--optimizer', 'adam', '--lr', '0.01'],
      ...['--steps', '3', '--no-out'],
    ]);
    expect(asked.status).toBe(0);
    expect(asked.stdout).not.toContain('task: regression (the labels');
    expect(asked.stdout).toContain('(regression)');
    const bad = runCli(['train', '--dataset', csv, '--loss', 'bce', '--steps', '3', '--no-out']);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('--loss bce: regression trains with --loss mse');
    const py = join(dir, 'model.py');
    const e = runCli(['export', join(run, 'model.json'), '--format', 'pytorch', '-o', py]);
    expect(e.status).toBe(0);
    const text = readFileSync(py, 'utf8');
    expect(text).toContain('for regression');
    expect(text).not.toContain('predict_class');
  });
});
