// `micrograd predict --data FILE|-` (header optional, --format text|csv|json) and `micrograd evaluate`:
// every number checked against the library's own forward pass and the losses' formulas.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MLP } from '../../src/index.js';
import { evaluateModel } from '../../src/cli/modelEvaluation.js';
import { CLI, runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'micrograd-predict-'));
const run = join(dir, 'run');
const modelFile = join(run, 'model.json');
let model: MLP;

/** Points spread over the moons' square, fixed numbers; label 1 when y < 0.25 (not the moons' rule). */
const POINTS = Array.from({ length: 40 }, (_, i) => [((i * 7) % 20) / 6.7 - 1, ((i * 3) % 17) / 11 - 0.5]);
const LABELS = POINTS.map(([, y]) => (y! < 0.25 ? 1 : 0));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(() => {
  expect(runCli(['train', '--steps', '20', '--out', run]).status).toBe(0);
  model = MLP.fromJSON(readFileSync(modelFile, 'utf8'));
}, 60_000);

describe('micrograd predict --data', () => {
  it('reads points from a CSV with or without a header, or with a label column, as from arguments', () => {
    const plain = POINTS.map((p) => p.join(',')).join('\n');
    const fromArgs = runCli(['predict', '--model', modelFile, ...POINTS.map((p) => p.join(','))]);
    expect(fromArgs.status).toBe(0);
    for (const text of [
      plain,
      `x,y\n${plain}\n`,
      `x,y,label\n${POINTS.map((p, i) => `${p.join(',')},${LABELS[i]}`).join('\n')}`,
    ]) {
      const r = runCli(['predict', '--model', modelFile, '--data', file('points.csv', text)]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe(fromArgs.stdout);
    }
    const lines = fromArgs.stdout.trim().split('\n');
    expect(lines).toHaveLength(POINTS.length);
    const out = model.predict(POINTS[3]!)[0]!;
    expect(lines[3]).toBe(
      `${POINTS[3]!.join(',')} -> ${Number.isInteger(out) ? `${out}.0` : String(out)} (class ${out > 0 ? 1 : 0})`,
    );
  });

  it('reads standard input with --data -, and writes csv (inputs, output, class) and json', () => {
    const text = POINTS.map((p) => p.join(',')).join('\n');
    const csv = spawnSync(
      process.execPath,
      [CLI, 'predict', '--model', modelFile, '--data', '-', '--format', 'csv'],
      {
        input: text,
        encoding: 'utf8',
      },
    );
    expect(csv.stderr).toBe('');
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('x1,x2,output,class');
    rows.slice(1).forEach((row, i) => {
      const out = model.predict(POINTS[i]!)[0]!;
      // String(number) round-trips: the CSV holds the exact doubles.
      expect(row).toBe([...POINTS[i]!, out, out > 0 ? 1 : 0].join(','));
    });
    const json = runCli(['predict', '--model', modelFile, '--data', file('p.csv', text), '--format', 'json']);
    const parsed = JSON.parse(json.stdout) as Array<{ input: number[]; output: number[]; class: number }>;
    expect(parsed).toHaveLength(POINTS.length);
    expect(parsed[5]).toEqual({
      input: POINTS[5],
      output: model.predict(POINTS[5]!),
      class: model.predict(POINTS[5]!)[0]! > 0 ? 1 : 0,
    });
  });

  it('takes 20,000 points from a file (no argument list to overflow) and writes them with -o', () => {
    const many = Array.from({ length: 20_000 }, (_, i) => `${(i % 200) / 100 - 1},${(i % 97) / 97}`).join(
      '\n',
    );
    const out = join(dir, 'many.csv');
    const r = runCli([
      'predict',
      '--model',
      modelFile,
      '--data',
      file('many-in.csv', many),
      '--format',
      'csv',
      '-o',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`wrote ${out}\n`);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(20_001);
  }, 60_000);

  it('refuses points and --data together, neither, a wrong width, and -o onto an input', () => {
    const data = file('two.csv', '1,2\n3,4\n');
    expect(runCli(['predict', '--model', modelFile, '--data', data, '1,2']).stderr).toMatch(/not both/);
    expect(runCli(['predict', '--model', modelFile]).stderr).toMatch(
      /^micrograd: no points: give them as arguments/,
    );
    const wide = runCli(['predict', '--model', modelFile, '--data', file('wide.csv', '1,2,3,4\n')]);
    expect(wide.stderr).toMatch(/rows have 4 columns; the model takes 2 inputs/);
    const onto = runCli(['predict', '--model', modelFile, '--data', data, '-o', data]);
    expect(onto.stderr).toBe(
      `micrograd: -o/--out ${data}: that is the input ${data}; write to another file\n`,
    );
    expect(readFileSync(data, 'utf8')).toBe('1,2\n3,4\n');
  });
});

describe('micrograd evaluate', () => {
  it('prints the loss (as trained), accuracy and the confusion matrix on a labelled file', () => {
    const data = file(
      'test.csv',
      `x,y,label\n${POINTS.map((p, i) => `${p.join(',')},${LABELS[i]}`).join('\n')}\n`,
    );
    const r = runCli(['evaluate', '--model', modelFile, '--data', data, '--format', 'json']);
    expect(r.stderr).toBe('');
    const e = JSON.parse(r.stdout) as {
      loss: string;
      value: number;
      accuracy: number;
      confusion: number[][];
    };
    // By the formulas: max-margin = mean relu(1 - y±·score) (the loss train used, from metrics.json).
    const scores = POINTS.map((p) => model.predict(p)[0]!);
    const said = scores.map((s) => (s > 0 ? 1 : 0));
    const hinge =
      scores.reduce((s, z, i) => s + Math.max(0, 1 - (2 * LABELS[i]! - 1) * z), 0) / POINTS.length;
    const confusion = [
      [0, 0],
      [0, 0],
    ];
    said.forEach((p, i) => confusion[LABELS[i]!]![p]!++);
    expect(e.loss).toBe('max-margin');
    expect(e.value).toBeCloseTo(hinge, 12); // a mean in another order: rounding only
    expect(e.accuracy).toBe(said.filter((p, i) => p === LABELS[i]).length / POINTS.length);
    expect(e.confusion).toEqual(confusion);
    const text = runCli(['evaluate', '--model', modelFile, '--data', data]);
    expect(text.stdout).toContain(
      `accuracy: ${(100 * e.accuracy).toFixed(1)}% (${confusion[0]![0]! + confusion[1]![1]!} of 40)`,
    );
    expect(text.stdout).toContain('confusion matrix (rows: true class, columns: predicted class):');
    expect(text.stdout).toMatch(new RegExp(`^ +0 +${confusion[0]![0]} +${confusion[0]![1]}$`, 'm'));
  });

  it('refuses labels outside the model’s classes and a loss that does not fit its outputs', () => {
    const bad = runCli(['evaluate', '--model', modelFile, '--data', file('three.csv', '1,2,0\n3,4,2\n')]);
    expect(bad.stderr).toMatch(
      /the label of data row 2 is 2; the model tells 2 classes, so labels are class indices 0 to 1\n$/,
    );
    const ce = runCli([
      'evaluate',
      '--model',
      modelFile,
      '--data',
      file('ok.csv', '1,2,0\n'),
      '--loss',
      'cross-entropy',
    ]);
    expect(ce.stderr).toMatch(/--loss cross-entropy needs one output per class; the model has 1 output/);
  });

  it('a regression model is scored by MSE and R² (the formulas, on four points)', () => {
    // A 1-input model y = 2x + 1 (one linear neuron); targets 1, 3, 5, 8 at x = 0, 1, 2, 3.
    const m = MLP.fromJSON({
      format: 'micrograd-ts/mlp@1',
      nin: 1,
      layers: [{ activation: 'linear', weights: [[2]], biases: [1] }],
    });
    (m as unknown as { task: string }).task = 'regression';
    const e = evaluateModel(m, { X: [[0], [1], [2], [3]], y: [1, 3, 5, 8] }, 'mse', '--data t.csv');
    // Predictions 1, 3, 5, 7: residuals 0, 0, 0, 1 → MSE 1/4. Mean target 4.25: Σ(y-ȳ)² = 10.5625 + 1.5625 + 0.5625 + 14.0625 = 26.75.
    expect(e).toEqual({
      task: 'regression',
      samples: 4,
      loss: 'mse',
      value: 0.25,
      mse: 0.25,
      r2: 1 - 1 / 26.75,
    });
  });
});
