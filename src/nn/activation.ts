// Activations a neuron can apply to its weighted sum, and how micrograd names the neuron for each.

import { describe } from '../engine/describe.js';
import { OPS } from '../engine/ops.js';
import type { Value } from '../engine/value.js';

/**
 * The activations a neuron can apply to its weighted sum a: `relu` max(0, a), `tanh`, `sigmoid`
 * 1 / (1 + e^−a), and `linear` (a itself: no activation, for a model's output scores).
 */
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
/** One of {@link ACTIVATIONS}: the function a neuron applies to its weighted sum. */
export type Activation = (typeof ACTIVATIONS)[number];

/** The prefix in `ReLUNeuron(2)` / `LinearNeuron(16)`, as micrograd prints a neuron. */
export const ACTIVATION_DISPLAY: { readonly [A in Activation]: string } = {
  relu: 'ReLU',
  tanh: 'Tanh',
  sigmoid: 'Sigmoid',
  linear: 'Linear',
};

export function applyActivation(v: Value, act: Activation): Value {
  switch (act) {
    case 'relu':
      return v.relu();
    case 'tanh':
      return v.tanh();
    case 'sigmoid':
      return v.sigmoid();
    case 'linear':
      return v;
  }
}

export function checkActivation(x: unknown, where: string): Activation {
  if (typeof x === 'string' && (ACTIVATIONS as readonly string[]).includes(x)) return x as Activation;
  throw new TypeError(`${where}: expected one of ${ACTIVATIONS.join(', ')}, got ${describe(x)}`);
}

/** The same activation on a plain number, through the op table so it agrees with the Value graph exactly. */
export function activateNumber(v: number, act: Activation): number {
  return act === 'linear' ? v : OPS[act].forward(v, 0, 0);
}
