// `micrograd train` off the demo path: per-dataset folders, defaults that fit the data, errors in the flags' words.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'micrograd-offdemo-'));

/** One error line on stderr with the common prefix, nothing on stdout, exit 1. */
function expectOneError(r: ReturnType<typeof runCli>, message: RegExp): void {
  expect(r.stdout).toBe('');
  expect(r.status).toBe(1);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^micrograd: /);
  expect(lines[0]).toMatch(message);
  // The flags' words, never the library's API names.
  expect(lines[0]).not.toMatch(/new Trainer|new MLP|parseCsv|MLP\.fromJSON|opts\./);
}

describe('where a run goes', () => {
  it('--dataset circles and a CSV default to their own folders and leave runs/moons alone', () => {
    const cwd = fresh();
    writeFileSync(join(cwd, 'pts.csv'), 'x,y,label\n0,0,0\n1,1,1\n0,1,0\n1,0,1\n');
    expect(runCli(['train', '--steps', '2'], {}, cwd).status).toBe(0);
    const moons = readFileSync(join(cwd, 'runs/moons/model.json'), 'utf8');
    const c = runCli(['train', '--dataset', 'circles', '--steps', '2'], {}, cwd);
    expect(c.status).toBe(0);
    expect(c.stdout).toContain('wrote runs/circles/model.json');
    expect(runCli(['train', '--dataset', 'pts.csv', '--steps', '2'], {}, cwd).status).toBe(0);
    expect(existsSync(join(cwd, 'runs/pts/model.json'))).toBe(true);
    expect(readFileSync(join(cwd, 'runs/moons/model.json'), 'utf8')).toBe(moons);
    const m = JSON.parse(readFileSync(join(cwd, 'runs/circles/metrics.json'), 'utf8')) as {
      config: { dataset: string };
    };
    expect(m.config.dataset).toBe('circles');
  }, 60_000);

  it('refuses an --out that holds another dataset’s run, before training', () => {
    const cwd = fresh();
    expect(runCli(['train', '--steps', '2'], {}, cwd).status).toBe(0);
    const r = runCli(['train', '--dataset', 'circles', '--out', 'runs/moons', '--steps', '2'], {}, cwd);
    expectOneError(r, /--out runs\/moons holds a run on moons; training circles there would overwrite it/);
  }, 60_000);
});

describe('defaults that fit the data', () => {
  it('adam starts at lr 0.01, not SGD’s 1', () => {
    const r = runCli(['train', '--optimizer', 'adam', '--steps', '2', '--no-out']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('adam lr 0.01 decaying to 0.001');
  });

  it('blobs (3 classes) chooses cross-entropy and trains', () => {
    const r = runCli(['train', '--dataset', 'blobs', '--no-out']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('cross-entropy loss');
    const acc = Number(/^final: loss \S+, accuracy ([\d.]+)%/m.exec(r.stdout)![1]);
    expect(acc).toBeGreaterThan(80); // three overlapping Gaussian blobs (std 1, centres in ±10)
  }, 60_000);

  it('an explicit 2-class loss on 3 classes is refused in the flag’s words', () => {
    expectOneError(
      runCli(['train', '--dataset', 'spiral', '--loss', 'max-margin', '--no-out']),
      /--loss max-margin separates 2 classes but the data has 3: use --loss cross-entropy/,
    );
  });
});

describe('errors in the flags’ words', () => {
  const dir = fresh();
  writeFileSync(join(dir, 'half.csv'), '0,0,0\n1,1,0.5\n');
  writeFileSync(join(dir, 'huge.csv'), '0,0,0\n1,1,1e300\n');
  writeFileSync(join(dir, 'hex.csv'), '0,0,0\n0x10,1,1\n');
  writeFileSync(join(dir, 'a-file'), 'not a folder');
  writeFileSync(join(dir, 'labelled.csv'), 'x,y,label\n0,0,0\n');
  const cases: [string, string[], RegExp][] = [
    [
      '--batch-size above the samples',
      ['train', '--batch-size', '1000'],
      /^micrograd: --batch-size 1000: expected at most the 100 samples$/,
    ],
    ['missing CSV', ['train', '--dataset', join(dir, 'nope.csv')], /--dataset \/.*nope\.csv: no such file$/],
    [
      // Without --task a label that is not a class index makes it regression (trainRegression.test.ts).
      'label 0.5 under --task classification',
      ['train', '--dataset', join(dir, 'half.csv'), '--task', 'classification'],
      /the label of data row 2 is 0\.5; labels must be class indices, integers from 0 to 999/,
    ],
    [
      'label 1e300',
      ['train', '--dataset', join(dir, 'huge.csv'), '--loss', 'cross-entropy'],
      /the label of data row 2 is 1e\+300; labels must be class indices/,
    ],
    [
      'hex CSV cell',
      ['train', '--dataset', join(dir, 'hex.csv')],
      /line 2, column 1: expected a finite number, got "0x10"/,
    ],
    [
      'hex --lr',
      ['train', '--lr', '0x10'],
      /option '--lr <rate>' argument '0x10' is invalid\. expected a decimal number/,
    ],
    [
      '--noise 1e308',
      ['train', '--noise', '1e308', '--no-out'],
      /^micrograd: --noise 1e\+308 makes points that are not finite numbers: try --noise 0\.1$/,
    ],
    [
      '--samples past the cap',
      ['train', '--samples', '100000000'],
      /the most is 1000000 \(100000000 points would take about 7\.2 GB before training\)/,
    ],
    ['--samples 1e20', ['train', '--samples', '99999999999999999999'], /the most is 1000000/],
    [
      '--layers past the cap',
      ['train', '--layers', '100000000'],
      /a layer has at most 100000 neurons, got 100000000/,
    ],
    [
      '--classes past the cap',
      ['train', '--classes', '100000000'],
      /'--classes <k>' argument '100000000' is invalid\. the most is 1000$/,
    ],
    [
      'a step graph past the heap',
      ['train', '--samples', '100000', '--layers', '1000,1000'],
      /one training step over 100000 samples with MLP 2-1000-1000-1 would build a graph of about [\d,]+ GB, more than half of this process's [\d.]+ GB heap: use --batch-size/,
    ],
    [
      '--out is a file',
      ['train', '--out', join(dir, 'a-file')],
      /--out \/.*a-file: it exists and is not a folder/,
    ],
    [
      '--out under /proc',
      ['train', '--out', '/proc/x'],
      /^micrograd: --out \/proc\/x: cannot create \/proc\/x: the folder takes no new entries$/,
    ],
    [
      '-o under /proc',
      ['graph', 'x', '--set', 'x=1', '-o', '/proc/a.svg'],
      /^micrograd: cannot write \/proc\/a\.svg: the folder \/proc takes no new files$/,
    ],
    [
      '--set x=constructor',
      ['graph', 'x', '--set', 'x=constructor'],
      /--set x: expected a number, got "constructor"/,
    ],
    [
      '--from constructor',
      ['plot', 'tanh', '--from', 'constructor'],
      /--from: expected a number, got "constructor"/,
    ],
    [
      '--step __proto__',
      ['plot', 'tanh', '--step', '__proto__'],
      /--step: expected a number, got "__proto__"/,
    ],
    [
      'missing model',
      ['predict', '--model', join(dir, 'nope.json'), '0x10,1'],
      /--model \/.*nope\.json: no such file/,
    ],
    [
      'a CSV as the model: one line, though JSON.parse quotes it with its line breaks',
      ['predict', '--model', join(dir, 'labelled.csv'), '1,2'],
      /--model \/.*labelled\.csv: the text is not valid JSON \(Unexpected token 'x', "x,y,label\\n0,0,0\\n" is not valid JSON\)$/,
    ],
  ];
  it.each(cases)('%s', (_, args, message) => expectOneError(runCli(args), message), 30_000);

  it('`__proto__` is a variable like any other in graph --set', () => {
    const r = runCli(['graph', '__proto__+1', '--set', '__proto__=2']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('data 3.0000');
  });

  it('help prints defaults as a user types them', () => {
    const train = runCli(['train', '--help']).stdout;
    expect(train).toContain('default 16,16, digits 64)'); // trainDefaults: [16, 16], digits [64]
    expect(train).toContain('default 1.0 for sgd');
    expect(train).toContain('(default runs/<dataset>)');
    expect(train).not.toMatch(/\[16,16\]|\{\}/);
    expect(runCli(['graph', '--help']).stdout).toContain('(default: none)');
  });

  it('predict rejects 0x10 as a point coordinate', () => {
    const cwd = fresh();
    expect(runCli(['train', '--steps', '1'], {}, cwd).status).toBe(0);
    expectOneError(
      runCli(['predict', '--model', join(cwd, 'runs/moons/model.json'), '0x10,1']),
      /point "0x10,1": expected 2 comma-separated numbers/,
    );
  }, 30_000);
});

describe('walkthrough', () => {
  it('its last line names no picture that does not exist', () => {
    const cwd = fresh();
    const r = runCli(['walkthrough'], {}, cwd);
    expect(r.status).toBe(0);
    const last = r.stdout.trim().split('\n').at(-1)!;
    expect(last).toBe('(micrograd train draws the decision boundary of this model)');
    mkdirSync(join(cwd, 'runs/moons'), { recursive: true });
    expect(runCli(['train', '--steps', '1'], {}, cwd).status).toBe(0);
    const again = runCli(['walkthrough'], {}, cwd).stdout.trim().split('\n').at(-1)!;
    expect(again).toBe('(the decision boundary micrograd train drew: runs/moons/decision-boundary.png)');
  }, 60_000);
});
