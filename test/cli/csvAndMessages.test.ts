// What `micrograd` says about mistyped names, impossible splits, labels that are words and `^`; and CSV
// files as spreadsheets save them (a trailing comma, CR line ends, UTF-16) train as their UTF-8 twin does.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'micrograd-csv-'));

/** Rows x,y,label of a small two-class problem (label 1 when x > y), fixed numbers. */
const ROWS = Array.from({ length: 24 }, (_, i) => {
  const x = ((i * 7) % 11) / 5 - 1;
  const y = ((i * 5) % 13) / 6 - 1;
  return `${x},${y},${x > y ? 1 : 0}`;
});

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Train 5 steps on `path` into its own folder; the model file's text. */
function trainedModel(path: string, name: string): string {
  const out = join(dir, `run-${name}`);
  const r = runCli(['train', '--dataset', path, '--steps', '5', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return readFileSync(join(out, 'model.json'), 'utf8');
}

describe('CSV files as spreadsheets write them', () => {
  const utf8 = `x,y,label\n${ROWS.join('\n')}\n`;
  const reference = (): string => trainedModel(file('utf8.csv', utf8), 'utf8');

  it('a header ending in a comma, CR line ends, and UTF-16 with a byte-order mark train as the UTF-8 file does', () => {
    const want = reference();
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(utf8, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16(); // the same text big-endian, its mark now FE FF
    const variants: Array<[string, string | Buffer]> = [
      ['trailing-comma', `x,y,label,\n${ROWS.join('\n')}\n`],
      ['cr-only', `x,y,label\r${ROWS.join('\r')}\r`],
      ['utf16le', utf16le],
      ['utf16be', utf16be],
    ];
    for (const [name, content] of variants) {
      expect(trainedModel(file(`${name}.csv`, content), name), name).toBe(want);
    }
  }, 120_000);

  it('UTF-16 without a byte-order mark is refused with the reason', () => {
    const r = runCli(['train', '--dataset', file('bare16.csv', Buffer.from(utf8, 'utf16le')), '--no-out']);
    expect(r.stderr).toMatch(/NUL characters, as UTF-16 read as UTF-8 does: save the file as UTF-8\n$/);
    expect(r.status).toBe(1);
  });

  it('a word as a label says labels are class indices; a fractional one trains as regression, saying so', () => {
    const words = runCli(['train', '--dataset', file('words.csv', 'x,y,label\n1,2,cat\n'), '--no-out']);
    expect(words.stderr).toMatch(
      /^micrograd: --dataset .*words\.csv: line 2, column 3 \(the label\): expected a number .*, got "cat"; labels are class indices: number the classes 0, 1, …\n$/,
    );
    const half = runCli(['train', '--dataset', file('half.csv', '1,2,0\n3,4,0.5\n'), '--no-out']);
    expect(half.stdout).toMatch(
      /^task: regression \(the labels of .*half\.csv are not class indices; --task to choose\)\n/,
    );
    // Asked for classification, the same file is refused in the flag's words.
    const asked = runCli([
      'train',
      '--dataset',
      file('half2.csv', '1,2,0\n3,4,0.5\n'),
      '--task',
      'classification',
      '--no-out',
    ]);
    expect(asked.stderr).toMatch(
      /labels must be class indices.*\(real-valued targets: --task regression\)\n$/,
    );
  });
});

describe('messages', () => {
  it('--dataset moon: did you mean moons?', () => {
    const r = runCli(['train', '--dataset', 'moon', '--no-out']);
    expect(r.stderr).toBe(
      'micrograd: --dataset "moon": did you mean moons? expected one of moons, circles, blobs, spiral, xor, digits or a .csv file\n',
    );
    // Nothing close: no guess.
    expect(runCli(['train', '--dataset', 'xyz', '--no-out']).stderr).not.toMatch(/did you mean/);
  });

  it('--test-fraction 0.999 is refused in the flag’s words, naming the largest that works', () => {
    const r = runCli(['train', '--test-fraction', '0.999', '--no-out']);
    // 100 samples: ceil(100 × 0.999) = 100 held out; at 0.99, 99 held out and 1 left to train on.
    expect(r.stderr).toBe(
      'micrograd: --test-fraction 0.999 would hold out all 100 samples, leaving none to train on: use at most 0.99\n',
    );
    expect(r.status).toBe(1);
    expect(runCli(['train', '--test-fraction', '0.99', '--steps', '1', '--no-out']).status).toBe(0);
  });

  it('graph "x^2" suggests **', () => {
    const r = runCli(['graph', 'x^2', '--set', 'x=1']);
    expect(r.stderr).toBe('micrograd: unexpected character "^" at column 2: write powers with ** (x**2)\n');
  });
});
