// Weight initialisations: micrograd's uniform [-1, 1), Xavier/Glorot uniform, He/Kaiming normal.

import { describe } from '../engine/describe.js';
import type { Rng } from '../data/Rng.js';

/**
 * The weight initialisations, for a neuron with `fanIn` inputs in a layer of `fanOut` neurons (biases
 * always start at 0):
 * - `uniform`: U(−1, 1), micrograd's `random.uniform(-1, 1)`;
 * - `xavier`: U(−a, a) with a = √(6 / (fanIn + fanOut)), as `torch.nn.init.xavier_uniform_`;
 * - `he`: N(0, 2 / fanIn), as `torch.nn.init.kaiming_normal_` for ReLU.
 */
export const INITS = ['uniform', 'xavier', 'he'] as const;
/** One of {@link INITS}: how a module draws its initial weights. */
export type Init = (typeof INITS)[number];

/**
 * One weight. `uniform` is micrograd's `random.uniform(-1, 1)`; `xavier` is U(-a, a) with
 * a = sqrt(6 / (fanIn + fanOut)) (torch.nn.init.xavier_uniform_); `he` is N(0, 2 / fanIn)
 * (torch.nn.init.kaiming_normal_ for ReLU).
 */
export function drawWeight(rng: Rng, init: Init, fanIn: number, fanOut: number): number {
  switch (init) {
    case 'uniform':
      return rng.uniform(-1, 1);
    case 'xavier': {
      const a = Math.sqrt(6 / (fanIn + fanOut));
      return rng.uniform(-a, a);
    }
    case 'he':
      return rng.normal(0, Math.sqrt(2 / fanIn));
  }
}

export function checkInit(x: unknown, where: string): Init {
  if (typeof x === 'string' && (INITS as readonly string[]).includes(x)) return x as Init;
  throw new TypeError(`${where}: expected one of ${INITS.join(', ')}, got ${describe(x)}`);
}
