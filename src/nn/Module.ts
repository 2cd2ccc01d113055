// Module: anything with parameters — the base of Neuron, Layer and MLP, as in micrograd.

import type { Value } from '../engine/value.js';

/**
 * Anything with parameters, as micrograd's `Module`: the base of {@link Neuron}, {@link Layer} and
 * {@link MLP}. A subclass says which Values are its parameters; `zeroGrad` then clears their grads before the
 * next `backward()`.
 *
 * Extend it for a model of your own: implement `parameters()` (return every trainable Value, in a fixed
 * order) and it works with {@link SGD}, {@link Adam} and {@link l2Penalty} like the built-in modules.
 *
 * @hideconstructor
 */
export abstract class Module {
  /** Every trainable Value, in a fixed order (layer by layer, neuron by neuron, weights then bias). */
  abstract parameters(): Value[];

  /** Set every parameter's grad to 0 (backward accumulates into leaves). */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = 0;
  }
}
