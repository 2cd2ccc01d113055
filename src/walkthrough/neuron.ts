// The walkthrough's two-input neuron, in its tanh form and with tanh rebuilt from exp, pow and div.

import { Value } from '../engine/value.js';

/** The bias the walkthrough uses: chosen so that the neuron's output is about 1/√2. */
export const NEURON_BIAS = 6.88137358;

export interface Neuron {
  x1: Value;
  x2: Value;
  w1: Value;
  w2: Value;
  b: Value;
  /** The nodes the walkthrough prints, in the order it prints them. */
  printed: Value[];
  /** The output. */
  o: Value;
}

/**
 * Build the walkthrough's neuron `o = tanh(x1*w1 + x2*w2 + b)` with its labels. `form: 'exp'` builds the
 * second version, `o = (e - 1) / (e + 1)` with `e = exp(2n)`. Backward is not run.
 */
export function buildNeuron(form: 'tanh' | 'exp' = 'tanh', bias = NEURON_BIAS): Neuron {
  const x1 = new Value(2.0, { label: 'x1' });
  const x2 = new Value(0.0, { label: 'x2' });
  const w1 = new Value(-3.0, { label: 'w1' });
  const w2 = new Value(1.0, { label: 'w2' });
  const b = new Value(bias, { label: 'b' });
  const x1w1 = x1.mul(w1);
  x1w1.label = 'x1*w1';
  const x2w2 = x2.mul(w2);
  x2w2.label = 'x2*w2';
  const x1w1x2w2 = x1w1.add(x2w2);
  x1w1x2w2.label = 'x1*w1 + x2*w2';
  const n = x1w1x2w2.add(b);
  n.label = 'nn';
  if (form === 'tanh') {
    const o = n.tanh();
    o.label = 'o';
    return { x1, x2, w1, w2, b, o, printed: [x1w1, x2w2, x1w1x2w2, n, o] };
  }
  const e = n.mul(2).exp();
  e.label = 'e';
  const o = e.sub(1).div(e.add(1));
  o.label = 'o';
  return { x1, x2, w1, w2, b, o, printed: [x1w1, x2w2, x1w1x2w2, n, e] };
}

/** The leaves in the order the walkthrough lists their gradients. */
export function neuronLeaves(n: Neuron): Array<[name: string, leaf: Value]> {
  return [
    ['x1', n.x1],
    ['w1', n.w1],
    ['x2', n.x2],
    ['w2', n.w2],
    ['b', n.b],
  ];
}
