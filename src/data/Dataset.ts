// Dataset: points and labels, and the option checks every generator shares.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import { Rng } from './Rng.js';

/** Points X[i] = [x0, x1, …] with labels y[i]. Class labels are 0, 1, …, k-1 unless said otherwise. */
export interface Dataset {
  /** The points, one array of coordinates (features) each. */
  X: number[][];
  /** One label per point: a class index, or a regression target. */
  y: number[];
}

export function intOption(x: unknown, dflt: number, min: number, name: string, where: string): number {
  if (x === undefined) return dflt;
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min) {
    throw new RangeError(`${where}: expected ${name} to be an integer >= ${min}, got ${describe(x)}`);
  }
  return x;
}

export function numOption(x: unknown, dflt: number, min: number, name: string, where: string): number {
  if (x === undefined) return dflt;
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min) {
    throw new RangeError(`${where}: expected ${name} to be a finite number >= ${min}, got ${describe(x)}`);
  }
  return x;
}

export function boolOption(x: unknown, dflt: boolean, name: string, where: string): boolean {
  if (x === undefined) return dflt;
  if (typeof x !== 'boolean')
    throw new TypeError(`${where}: expected ${name} to be a boolean, got ${describe(x)}`);
  return x;
}

/** The generator for `seed` (an integer; default 0). */
export function rngOption(x: unknown, where: string): Rng {
  if (x === undefined) return new Rng(0);
  if (typeof x !== 'number' || !Number.isInteger(x)) {
    throw new TypeError(`${where}: expected seed to be an integer, got ${describe(x)}`);
  }
  return new Rng(x);
}

/**
 * numpy.linspace(start, stop, n, endpoint): `n` evenly spaced numbers; the last is exactly `stop` when
 * endpoint is true.
 *
 * @param start - The first number.
 * @param stop - The end of the range.
 * @param n - How many numbers.
 * @param endpoint - Include `stop` (default true), or stop one step short of it.
 */
export function linspace(start: number, stop: number, n: number, endpoint = true): number[] {
  const div = endpoint ? n - 1 : n;
  const step = div > 0 ? (stop - start) / div : 0;
  const out = Array.from({ length: n }, (_, i) => start + i * step);
  if (endpoint && n > 1) out[n - 1] = stop;
  return out;
}

/** Shuffle points and labels together (one permutation), then add N(0, noise²) to every coordinate. */
export function shuffleAndNoise(data: Dataset, rng: Rng, shuffle: boolean, noise: number): Dataset {
  let { X, y } = data;
  if (shuffle) {
    const order = rng.shuffle(Array.from({ length: y.length }, (_, i) => i));
    X = order.map((i) => X[i]!);
    y = order.map((i) => y[i]!);
  }
  if (noise > 0) X = X.map((p) => p.map((c) => c + rng.normal(0, noise)));
  return { X, y };
}

/** The options every generator shares: the generator from `seed`, `shuffle`, and the raw object. */
export function commonOptions(
  opts: unknown,
  where: string,
  known: readonly string[],
): { o: Record<string, unknown>; rng: Rng; shuffle: boolean } {
  const o = checkOptions(opts, known, where);
  return { o, rng: rngOption(o['seed'], where), shuffle: boolOption(o['shuffle'], true, 'shuffle', where) };
}

/** `nSamples` (default 100) and `noise` (default 0) as well. */
export function sampleOptions(
  opts: unknown,
  where: string,
  known: readonly string[] = [],
): { o: Record<string, unknown>; rng: Rng; shuffle: boolean; n: number; noise: number } {
  const c = commonOptions(opts, where, ['nSamples', 'noise', 'seed', 'shuffle', ...known]);
  return {
    ...c,
    n: intOption(c.o['nSamples'], 100, 1, 'nSamples', where),
    noise: numOption(c.o['noise'], 0, 0, 'noise', where),
  };
}
