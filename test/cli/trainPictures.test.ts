// `micrograd train` draws the pictures that fit what the dataset is, not how many columns it has.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'micrograd-pictures-'));

/** A CSV of `n` rows with `features` columns of numbers in [0, 1) and a 0/1 label (a fixed formula). */
function csv(name: string, features: number, n = 40): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const x = Array.from({ length: features }, (_, j) => ((i * 37 + j * 11) % 17) / 17);
    return [...x, i % 2].join(',');
  });
  const path = join(dir, name);
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

const pictures = (out: string): string[] =>
  readdirSync(out)
    .filter((f) => f.endsWith('.svg'))
    .sort();

describe('micrograd train pictures', () => {
  it('a CSV of 64 columns is a table, not 8×8 images: no misclassified-digits picture', () => {
    const out = join(dir, 'wide');
    const r = runCli([
      'train',
      '--dataset',
      csv('wide.csv', 64),
      '--steps',
      '2',
      '--test-fraction',
      '0.25',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(pictures(out)).toEqual(['curves.svg']);
  }, 60_000);

  it('a CSV of 2 columns is points in the plane: its decision boundary and curves', () => {
    const out = join(dir, 'plane');
    const r = runCli(['train', '--dataset', csv('plane.csv', 2), '--steps', '2', '--out', out]);
    expect(r.status).toBe(0);
    expect(pictures(out)).toEqual(['curves.svg', 'decision-boundary.svg']);
  }, 60_000);
});
