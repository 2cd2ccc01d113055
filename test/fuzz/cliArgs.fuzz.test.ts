// Fuzz the `micrograd` command with generated argument vectors (spawned, so few runs): it ends in time with
// exit 0, 1 or 2, one-line errors and no stack, and leaves no partial or temporary output file.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../cli/runCli.js';
import { runs, tried } from './fuzzBudget.js';

const VALUES = [
  '0',
  '1',
  '2',
  '3',
  '-1',
  '0.5',
  '1e308',
  '1e-308',
  'nan',
  'inf',
  '0x10',
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  '99999999999999999999',
  '1,2',
  '16,16',
  'x=1',
  '-5',
  '1000',
  'pts.csv',
  'bad.csv',
  'model.json',
  'out.svg',
  'out.png',
  'out.txt',
  '/proc/x',
  '/proc/a.svg',
  'runs/moons',
  'x+x*tanh(x)',
  'a/b',
];
const FLAGS: Record<string, string[]> = {
  train: [
    '--dataset',
    '--samples',
    '--noise',
    '--classes',
    '--layers',
    '--activation',
    '--loss',
    '--optimizer',
    '--lr',
    '--schedule',
    '--steps',
    '--batch-size',
    '--alpha',
    '--seed',
    '--out',
    '--no-out',
    '--no-compile',
    '--bogus',
  ],
  predict: ['--model', '--data', '--format', '--out', '--bogus'],
  evaluate: ['--model', '--data', '--loss', '--format', '--out', '--bogus'],
  export: ['--format', '--out', '--bogus'],
  graph: ['--set', '--rankdir', '-o', '--no-backward', '--max-nodes', '--bogus'],
  plot: ['--from', '--to', '--step', '--title', '-o', '--bogus'],
};
const SPECIAL: Record<string, string[]> = {
  '--dataset': ['moons', 'circles', 'blobs', 'spiral', 'xor', 'nope', 'pts.csv', 'bad.csv', 'nope.csv'],
  '--activation': ['relu', 'tanh', 'sigmoid', 'linear', 'gelu'],
  '--loss': ['max-margin', 'mse', 'bce', 'cross-entropy', 'hinge'],
  '--optimizer': ['sgd', 'adam', 'rmsprop'],
  '--schedule': ['decay', 'constant', 'cosine'],
  '--layers': ['16,16', '4', '1,1', '0', 'x', '', '100001'],
  '--steps': ['1', '2', '0', '-1', 'x'],
  '--samples': ['2', '50', '3000', '1', '100000000', 'x'],
  '--set': ['x=1', 'x=constructor', '__proto__=2', 'x=0x10', 'x', 'x=1,y=2'],
  '--rankdir': ['LR', 'TB', 'RL'],
  '--data': ['pts.csv', 'bad.csv', 'nope.csv', 'model.json', '-'],
  '--format': ['text', 'csv', 'json', 'pytorch', 'ts', 'xml'],
  // Text outputs: an input among them (model.json, pts.csv) must be refused, never overwritten.
  '--out': ['out.txt', 'model.json', './model.json', 'pts.csv', '/proc/a.txt', 'runs/x'],
};

/** One argument vector: a command, then flags with values drawn from the vocabulary, or anything at all. */
const argv = fc
  .constantFrom('train', 'predict', 'evaluate', 'export', 'graph', 'plot', 'nope')
  .chain((command) =>
    fc
      .tuple(
        fc.constantFrom(...VALUES, 'tanh', 'x**2', '0.5,-0.2'),
        fc.array(
          fc
            .constantFrom(...(FLAGS[command] ?? ['--x']))
            .chain((flag) =>
              fc.oneof(
                { weight: 3, arbitrary: fc.constantFrom(...(SPECIAL[flag] ?? VALUES)).map((v) => [flag, v]) },
                { weight: 1, arbitrary: fc.constant([flag]) },
                { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((v) => [flag, v]) },
              ),
            ),
          { maxLength: 5 },
        ),
      )
      .map(([positional, flags]) => {
        const args = [
          command,
          ...(command === 'train' || command === 'evaluate' ? [] : [positional]),
          ...flags.flat(),
        ];
        // Keep each run short: a few steps unless the vector sets its own.
        if (command === 'train' && !args.includes('--steps')) args.push('--steps', '2');
        return args;
      }),
  );

let model = '';
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'micrograd-fuzz-model-'));
  expect(runCli(['train', '--steps', '1', '--out', dir]).status).toBe(0);
  model = join(dir, 'model.json');
}, 60_000);

/** Run files in every folder under `dir` (recursively, two levels): whole runs or none, no temporaries. */
function checkOutputs(cwd: string, status: number): void {
  // No command may write over the model it reads.
  expect(readFileSync(join(cwd, 'model.json'), 'utf8')).toBe(readFileSync(model, 'utf8'));
  const runsDir = join(cwd, 'runs');
  const folders = existsSync(runsDir) ? readdirSync(runsDir).map((d) => join(runsDir, d)) : [];
  for (const folder of [cwd, ...folders]) {
    const files = readdirSync(folder);
    expect(
      files.filter((f) => f.endsWith('.tmp')),
      `${folder}: ${files.join(' ')}`,
    ).toEqual([]);
    if (folder !== cwd && files.includes('model.json')) {
      for (const f of ['metrics.json', 'curves.svg', 'curves.png']) expect(files, folder).toContain(f);
      JSON.parse(readFileSync(join(folder, 'model.json'), 'utf8'));
    }
  }
  // A picture written with -o is whole, and a failed command writes none.
  for (const name of ['out.svg', 'out.png']) {
    const path = join(cwd, name);
    if (!existsSync(path)) continue;
    expect(status, name).toBe(0);
    const bytes = readFileSync(path);
    if (name.endsWith('.svg')) expect(bytes.toString('utf8').trimEnd().endsWith('</svg>')).toBe(true);
    else expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  }
}

describe('micrograd with generated argument vectors', () => {
  it('ends in time with exit 0/1/2, one-line errors without a stack, and whole files or none', () => {
    fc.assert(
      fc.property(argv, (args) => {
        tried('micrograd argv');
        const cwd = mkdtempSync(join(tmpdir(), 'micrograd-fuzz-'));
        writeFileSync(join(cwd, 'pts.csv'), 'x,y,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n');
        writeFileSync(join(cwd, 'bad.csv'), '0,0,0\n1,1,0.5\n');
        copyFileSync(model, join(cwd, 'model.json'));
        const r = runCli(args, {}, cwd);
        const what = JSON.stringify(args);
        expect(r.status, `${what} timed out or was killed`).not.toBeNull();
        expect([0, 1, 2], `${what}: ${r.stderr}`).toContain(r.status);
        expect(r.stderr, what).not.toMatch(/^\s+at |\[object Object\]|Maximum call stack/m);
        for (const line of r.stderr.split('\n').filter((l) => l !== '')) {
          expect(line, what).toMatch(/^micrograd: |^\(run micrograd --help for usage\)$/);
        }
        checkOutputs(cwd, r.status!);
      }),
      { numRuns: runs(12), seed: Number(process.env['FUZZ_SEED'] ?? Date.now() % 2 ** 31) },
    );
  }, 600_000);
});
