// Shared option checks for the modules: sizes, the random generator and the initialisation.

import { checkOptions } from '../engine/checkKeys.js';
import { describe, describeAt } from '../engine/describe.js';
import { Value } from '../engine/value.js';
import { Rng } from '../data/Rng.js';
import { checkInit, type Init } from './init.js';

/** How a module draws its initial weights: the initialisation, and the generator or its seed. */
export interface RandomOptions {
  /** Weight initialisation (see {@link INITS}); default micrograd's `uniform` in [-1, 1). */
  init?: Init;
  /** The generator to draw weights from (shared across modules to get micrograd's draw order). */
  rng?: Rng;
  /** Seed for a fresh generator when `rng` is not given; default 0. */
  seed?: number;
}

export function checkSize(x: unknown, name: string, where: string): number {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 1) {
    throw new RangeError(`${where}: expected ${name} to be a positive integer, got ${describe(x)}`);
  }
  return x;
}

/** The options every module takes (initialisation, generator, seed) plus `extra`, checked for unknown keys. */
export function checkOptionsObject(
  opts: unknown,
  where: string,
  extra: readonly string[],
): Record<string, unknown> {
  return checkOptions(opts, ['init', 'rng', 'seed', ...extra], where);
}

/** The generator and initialisation named by the options (a seeded generator when none is given). */
export function resolveRandom(o: Record<string, unknown>, where: string): { rng: Rng; init: Init } {
  const init = o['init'] === undefined ? 'uniform' : checkInit(o['init'], `${where} opts.init`);
  if (o['rng'] !== undefined && o['seed'] !== undefined) {
    throw new TypeError(`${where}: give opts.rng or opts.seed, not both`);
  }
  if (o['rng'] !== undefined) {
    if (!(o['rng'] instanceof Rng)) {
      throw new TypeError(`${where}: expected opts.rng to be an Rng, got ${describe(o['rng'])}`);
    }
    return { rng: o['rng'], init };
  }
  const seed = o['seed'] ?? 0;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) {
    throw new TypeError(`${where}: expected opts.seed to be an integer, got ${describe(seed)}`);
  }
  return { rng: new Rng(seed), init };
}

/** Check a forward input: an array of `n` Values or finite numbers. */
export function checkInput(x: unknown, n: number, where: string): readonly (Value | number)[] {
  if (!Array.isArray(x)) {
    throw new TypeError(`${where}: expected x to be an array of ${n} numbers or Values, got ${describe(x)}`);
  }
  if (x.length !== n) {
    throw new RangeError(
      `${where}: expected x to have length ${n} (the number of inputs), got length ${x.length}`,
    );
  }
  for (let i = 0; i < n; i++) {
    const xi: unknown = x[i];
    if (xi instanceof Value) continue;
    if (typeof xi !== 'number') {
      throw new TypeError(`${where}: expected x[${i}] to be a number or a Value, got ${describeAt(x, i)}`);
    }
    if (!Number.isFinite(xi)) {
      throw new RangeError(`${where}: expected x[${i}] to be a finite number, got ${describe(xi)}`);
    }
  }
  return x as readonly (Value | number)[];
}
