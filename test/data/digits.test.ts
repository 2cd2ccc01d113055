// loadDigits and trainTestSplit: scikit-learn's digits as shipped, and a seeded 80/20 split.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDigits, trainTestSplit } from '../../src/index.js';

const CSV = '/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz';

describe('loadDigits', () => {
  it('holds 1,797 8×8 images with labels 0…9, pixels 0…16 raw or /16', () => {
    const raw = loadDigits({ raw: true });
    expect(raw.X.length).toBe(1797);
    expect(raw.y.length).toBe(1797);
    expect(
      raw.X.every((x) => x.length === 64 && x.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)),
    ).toBe(true);
    expect(new Set(raw.y)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    const scaled = loadDigits();
    expect(scaled.X[5]!.map((v) => v * 16)).toEqual(raw.X[5]);
  });

  // The SHA-256 of scikit-learn's digits.csv, decompressed (Debian's python3-sklearn 1.2.1, `zcat
  // digits.csv.gz | sha256sum`): the shipped data written back as that CSV must hash the same.
  it("written back as CSV, hashes as scikit-learn's digits.csv", () => {
    const { X, y } = loadDigits({ raw: true });
    const csv = X.map((x, i) => `${[...x, y[i]].join(',')}\n`).join('');
    expect(createHash('sha256').update(csv).digest('hex')).toBe(
      '6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8',
    );
  });

  // Where python3-sklearn is installed, also compare with its file value for value.
  it.runIf(existsSync(CSV))("equals scikit-learn's digits.csv.gz value for value", () => {
    const text = execFileSync('gzip', ['-dc', CSV], { encoding: 'utf8' });
    const rows = text
      .trim()
      .split('\n')
      .map((l) => l.split(',').map(Number));
    const { X, y } = loadDigits({ raw: true });
    expect(X).toEqual(rows.map((r) => r.slice(0, 64)));
    expect(y).toEqual(rows.map((r) => r[64]));
  });

  it('rejects a non-boolean raw option', () => {
    expect(() => loadDigits({ raw: 1 as unknown as boolean })).toThrow(
      /opts\.raw to be a boolean, got number 1/,
    );
  });
});

describe('trainTestSplit', () => {
  it('cuts 1,797 digits into 1,437 to train and 360 to test (ceil, as scikit-learn), a partition, fixed by the seed', () => {
    const data = loadDigits();
    const a = trainTestSplit(data, { testFraction: 0.2, seed: 1337 });
    expect([a.train.X.length, a.test.X.length]).toEqual([1437, 360]);
    // Every sample lands in exactly one part, with its own label.
    const key = (x: number[], c: number) => `${x.join(',')}|${c}`;
    const all = data.X.map((x, i) => key(x, data.y[i]!)).sort();
    const parts = [
      ...a.train.X.map((x, i) => key(x, a.train.y[i]!)),
      ...a.test.X.map((x, i) => key(x, a.test.y[i]!)),
    ];
    expect(parts.sort()).toEqual(all);
    const b = trainTestSplit(data, { testFraction: 0.2, seed: 1337 });
    expect(b.test.y).toEqual(a.test.y);
    const c = trainTestSplit(data, { testFraction: 0.2, seed: 1 });
    expect(c.test.X).not.toEqual(a.test.X);
  });

  it('rejects fractions outside [0, 1) and splits that leave nothing to train on', () => {
    const data = { X: [[1], [2]], y: [0, 1] };
    expect(() => trainTestSplit(data, { testFraction: 1 })).toThrow(RangeError);
    expect(() => trainTestSplit(data, { testFraction: -0.1 })).toThrow(
      /testFraction to be a number in \[0, 1\)/,
    );
    expect(() => trainTestSplit(data, { testFraction: 0.6 })).toThrow(/leaving none to train on/);
  });
});
