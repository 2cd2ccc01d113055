// Module: anything with parameters — the base of Neuron, Layer and MLP, as in micrograd.

import type { Value } from '../engine/value.js';

export abstract class Module {
  /** Every trainable Value, in a fixed order (layer by layer, neuron by neuron, weights then bias). */
  abstract parameters(): Value[];

  /** Set every parameter's grad to 0 (backward accumulates into leaves). */
  zeroGrad(): void {
    for (const p of this.parameters()) p.grad = 0;
  }
}
