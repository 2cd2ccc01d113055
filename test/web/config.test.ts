// The train page's configuration survives the URL round trip, and bad URL values fall back to defaults.
import { describe, expect, it } from 'vitest';
import {
  configFromParams,
  configToParams,
  DEFAULT_CONFIG,
  type TrainConfig,
} from '../../web/src/train/config.js';

describe('train config in the URL', () => {
  it('round-trips every field', () => {
    const c: TrainConfig = {
      dataset: 'spiral',
      noise: 0.25,
      size: 240,
      seed: 42,
      hidden: [8, 4, 2],
      activation: 'tanh',
      loss: 'cross-entropy',
      optimizer: 'sgd',
      lr: 0.3,
      batch: 32,
    };
    expect(configFromParams(new URLSearchParams(configToParams(c).toString()))).toEqual(c);
    expect(configFromParams(configToParams({ ...c, hidden: [] })).hidden).toEqual([]);
  });

  it('takes the default for anything missing, unknown or out of range', () => {
    expect(configFromParams(new URLSearchParams())).toEqual(DEFAULT_CONFIG);
    const bad = new URLSearchParams({
      dataset: '<script>',
      noise: '-1',
      size: '1e9',
      seed: '1.5',
      hidden: '16,x',
      activation: 'constructor',
      loss: '__proto__',
      optimizer: '',
      lr: 'NaN',
      batch: '0',
    });
    expect(configFromParams(bad)).toEqual(DEFAULT_CONFIG);
    expect(configFromParams(new URLSearchParams({ hidden: '1,2,3,4,5' })).hidden).toEqual(
      DEFAULT_CONFIG.hidden,
    );
  });

  it('clips the batch to the number of points', () => {
    expect(configFromParams(new URLSearchParams({ size: '50', batch: '400' })).batch).toBe(50);
  });
});
