// `micrograd train`, `predict` and the walkthrough's training section, run as real processes on the build.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MLP } from '../../src/index.js';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'micrograd-train-'));
const out = join(dir, 'runs', 'moons');
let train: ReturnType<typeof runCli>;

// 100 training steps in a child process: a few seconds, more on a busy machine (runCli's own limit is 120 s).
beforeAll(() => {
  train = runCli(['train', '--out', out]); // the defaults: micrograd's demo
}, 120_000);

describe('micrograd train (defaults: the moons demo)', () => {
  it('reaches 100% training accuracy, printing plain step lines when stdout is not a terminal', () => {
    expect(train.stderr).toBe('');
    expect(train.status).toBe(0);
    expect(train.stdout).toMatch(/^step 0 loss [\d.]+, accuracy [\d.]+%$/m);
    expect(train.stdout).toMatch(/^step 99 loss /m);
    expect(train.stdout).toMatch(/^final: loss [\d.]+, accuracy 100\.0% on all 100 samples/m);
  });

  it('says it replays a compiled tape, and --no-compile gives the same losses on the eager engine', () => {
    expect(train.stdout).toMatch(/^engine: compiled tape /m);
    const eager = runCli(['train', '--no-out', '--no-compile', '--steps', '100']);
    expect(eager.status).toBe(0);
    expect(eager.stdout).toMatch(
      /^engine: eager \(the graph is rebuilt every step, as --no-compile asks\)$/m,
    );
    // Same data, weights and arithmetic order: every printed step line is identical.
    const steps = (text: string) => text.split('\n').filter((l) => l.startsWith('step '));
    expect(steps(eager.stdout)).toEqual(steps(train.stdout));
  });

  it('writes the model, the metrics and both pictures', () => {
    for (const f of [
      'model.json',
      'metrics.json',
      'decision-boundary.svg',
      'decision-boundary.png',
      'curves.svg',
      'curves.png',
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as {
      final: { accuracy: number };
      steps: { step: number; lr: number }[];
      config: { layers: number[]; lr: number };
    };
    expect(metrics.final.accuracy).toBe(1);
    expect(metrics.steps.length).toBe(100);
    expect(metrics.steps[99]!.lr).toBeCloseTo(1.0 - (0.9 * 99) / 100, 15);
    expect(metrics.config.layers).toEqual([16, 16]);
    const png = readFileSync(join(out, 'decision-boundary.png'));
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect(readFileSync(join(out, 'decision-boundary.svg'), 'utf8')).toContain('<svg');
  });

  it('predict prints the saved model’s output and class for each point', () => {
    const model = MLP.fromJSON(readFileSync(join(out, 'model.json'), 'utf8'));
    const r = runCli(['predict', '--model', join(out, 'model.json'), '0.5,-0.2', '-1,0.5']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBe(2);
    const score = model.predict([0.5, -0.2])[0]!;
    expect(Number(/-> (\S+) /.exec(lines[0]!)![1])).toBe(score); // printed with Python's repr: round-trips exactly
    expect(lines[0]).toContain(`(class ${score > 0 ? 1 : 0})`);
  });
});

describe('micrograd train with options', () => {
  it('trains three spiral arms with cross-entropy, Adam and mini-batches', () => {
    const args =
      'train --dataset spiral --samples 30 --classes 3 --layers 8 --loss cross-entropy --optimizer adam';
    const r = runCli([
      ...args.split(' '),
      '--lr',
      '0.05',
      '--batch-size',
      '10',
      '--steps',
      '5',
      '--out',
      join(dir, 'spiral'),
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('MLP 2-8-3, 51 parameters');
    expect(r.stdout).toContain('batch 10');
    expect(r.stdout).toContain(
      "engine: compiled tape (one sample's graph is recorded once and replayed over every batch; --no-compile for eager)",
    );
    expect(existsSync(join(dir, 'spiral', 'decision-boundary.png'))).toBe(true);
  });

  it('reads a CSV file', () => {
    writeFileSync(join(dir, 'pts.csv'), 'x,y,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n');
    const r = runCli([
      'train',
      '--dataset',
      join(dir, 'pts.csv'),
      '--layers',
      '4',
      '--steps',
      '3',
      '--no-out',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`4 samples of ${join(dir, 'pts.csv')}`);
  });
});

describe('CLI errors: one line, exit 1', () => {
  writeFileSync(join(dir, 'bad.csv'), '1,2,0\n3,x,1\n');
  writeFileSync(join(dir, 'empty-model.json'), '{"format":"micrograd-ts/mlp@1","nin":2,"layers":[]}');
  const cases: [string, string[], RegExp][] = [
    [
      'bad --layers',
      ['train', '--layers', '16,x'],
      /argument '16,x' is invalid\. expected hidden layer sizes/,
    ],
    ['bad --lr', ['train', '--lr', 'fast'], /expected a decimal number >= 0, got "fast"/],
    [
      'unknown dataset',
      ['train', '--dataset', 'nope'],
      /^micrograd: --dataset "nope": expected one of moons/,
    ],
    [
      'missing CSV',
      ['train', '--dataset', join(dir, 'missing.csv')],
      /^micrograd: --dataset \/.*missing.csv: no such file/,
    ],
    [
      'bad CSV cell',
      ['train', '--dataset', join(dir, 'bad.csv')],
      /^micrograd: --dataset \/.*bad.csv: line 2, column 2: expected a finite number, got "x"/,
    ],
    [
      '3 classes, max-margin',
      ['train', '--dataset', 'spiral', '--loss', 'max-margin', '--no-out'],
      /separates 2 classes but the data has 3/,
    ],
    [
      'missing model',
      ['predict', '--model', 'nope.json', '1,2'],
      /^micrograd: --model nope.json: no such file/,
    ],
    [
      'malformed model',
      ['predict', '--model', join(dir, 'empty-model.json'), '1,2'],
      /^micrograd: --model \/.*empty-model.json: layers: expected a non-empty array/,
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = runCli(args);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n').length).toBe(1);
      expect(r.stderr).toMatch(message);
    });
  }

  it('a wrong-length point prints nothing for the good points before it', () => {
    const r = runCli(['predict', '--model', join(out, 'model.json'), '0.5,-0.2', '1,2,3']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^micrograd: point "1,2,3": the model takes 2 inputs, got 3/);
  });
});

describe('micrograd walkthrough', () => {
  it('ends with micrograd’s moons training at 100% accuracy', () => {
    const r = runCli(['walkthrough']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("# Training: micrograd's moons demo");
    expect(r.stdout).toMatch(/after 100 steps: loss [\d.]+, accuracy 100\.0%/);
  });
});
