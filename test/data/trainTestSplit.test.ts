// trainTestSplit's refusals name the option and what would work, not only the call.
import { describe, expect, it } from 'vitest';
import { trainTestSplit } from '../../src/data/index.js';

const data = (n: number) => ({
  X: Array.from({ length: n }, (_, i) => [i]),
  y: Array.from({ length: n }, () => 0),
});

describe('trainTestSplit with a test fraction that leaves nothing to train on', () => {
  it('names opts.testFraction, the counts and the largest fraction that works', () => {
    // ceil(200 · 0.999) = 200 held out of 200; ceil(200 · 0.995) = 199 leaves one.
    expect(() => trainTestSplit(data(200), { testFraction: 0.999 })).toThrow(
      'trainTestSplit(data, opts): opts.testFraction 0.999 would hold out all 200 samples, leaving none to ' +
        'train on; use at most 0.995 (199 of 200 held out)',
    );
    expect(trainTestSplit(data(200), { testFraction: 0.995 }).train.X).toHaveLength(1);
  });

  it('a single sample cannot be split at all', () => {
    expect(() => trainTestSplit(data(1), { testFraction: 0.5 })).toThrow(
      'trainTestSplit(data, opts): opts.testFraction 0.5 would hold out all 1 samples, leaving none to ' +
        'train on; with 1 sample use opts.testFraction 0 (no test part)',
    );
  });
});
