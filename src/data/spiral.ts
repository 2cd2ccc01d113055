// spiral: k interleaved spiral arms (the classic CS231n toy problem).

import { commonOptions, intOption, linspace, numOption, shuffleAndNoise, type Dataset } from './Dataset.js';

/** The options of `spiral`; every one has a default. */
export interface SpiralOptions {
  /** Points per class. Default 50. */
  perClass?: number;
  /** Number of arms (classes). Default 3. */
  classes?: number;
  /** Standard deviation of the angle noise, in radians. Default 0.2. */
  noise?: number;
  /** Seed of the random generator (an integer): the same seed gives the same points. Default 0. */
  seed?: number;
  /** Shuffle the points (points and labels together); false keeps them class by class. Default true. */
  shuffle?: boolean;
}

/**
 * Interleaved spiral arms. Arm j: radius r from 0 to 1, angle t from 4j to 4(j+1) plus noise; point
 * (r sin t, r cos t); label j. *
 * @param opts - `perClass`, `classes`, `noise`, `seed`, `shuffle` (see SpiralOptions).
 * @returns The points `X` and their labels `y`.
 * @throws TypeError when `opts` is not an object or has an unknown key, `seed` is not an integer or
 * `shuffle` not a boolean.
 * @throws RangeError when a count is not a positive integer or a size not a finite number ≥ 0.
 */
export function spiral(opts?: SpiralOptions): Dataset {
  const where = 'spiral(opts)';
  const { o, shuffle, rng } = commonOptions(opts, where, ['perClass', 'classes', 'noise', 'seed', 'shuffle']);
  const per = intOption(o['perClass'], 50, 1, 'perClass', where);
  const k = intOption(o['classes'], 3, 1, 'classes', where);
  const noise = numOption(o['noise'], 0.2, 0, 'noise', where);
  const X: number[][] = [];
  const y: number[] = [];
  for (let j = 0; j < k; j++) {
    const rs = linspace(0, 1, per);
    const ts = linspace(j * 4, (j + 1) * 4, per);
    for (let i = 0; i < per; i++) {
      const t = ts[i]! + (noise > 0 ? rng.normal(0, noise) : 0);
      X.push([rs[i]! * Math.sin(t), rs[i]! * Math.cos(t)]);
      y.push(j);
    }
  }
  return shuffleAndNoise({ X, y }, rng, shuffle, 0);
}
