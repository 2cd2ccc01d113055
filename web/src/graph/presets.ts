// presets: the walkthrough's graphs written in the playground's language, with the walkthrough's labels.
//
// test/web/presets.test.ts checks that each builds the same graph as src/walkthrough builds.

import { NEURON_BIAS } from '../../../src/walkthrough/neuron.js';

export interface Preset {
  readonly id: string;
  readonly title: string;
  readonly text: string;
  readonly values: Readonly<Record<string, number>>;
  /**
   * Display labels for named lines whose walkthrough label is not a valid name (`x1*w1`), or '' for a line
   * the walkthrough leaves unlabelled.
   */
  readonly labels?: Readonly<Record<string, string>>;
}

const NEURON_INPUTS = { x1: 2.0, w1: -3.0, x2: 0.0, w2: 1.0, b: NEURON_BIAS };
const NEURON_LABELS = { x1w1: 'x1*w1', x2w2: 'x2*w2', x1w1x2w2: 'x1*w1 + x2*w2' };
const NEURON_SUM = ['x1w1 = x1*w1', 'x2w2 = x2*w2', 'x1w1x2w2 = x1w1 + x2w2', 'nn = x1w1x2w2 + b'];

export const PRESETS: readonly Preset[] = [
  {
    id: 'neuron',
    title: 'The neuron: tanh(x1*w1 + x2*w2 + b)',
    text: [...NEURON_SUM, 'o = tanh(nn)'].join('\n'),
    values: NEURON_INPUTS,
    labels: NEURON_LABELS,
  },
  {
    id: 'neuron-exp',
    title: 'The neuron with tanh from exp, pow and div',
    text: [...NEURON_SUM, 'ee = exp(2*nn)', 'o = (ee - 1) / (ee + 1)'].join('\n'),
    values: NEURON_INPUTS,
    // The post's Python calls it ee but never labels it: its picture shows that node unnamed.
    labels: { ...NEURON_LABELS, ee: '' },
  },
  { id: 'division', title: 'Rough work: a / b', text: 'a / b', values: { a: 2.0, b: 4.0 } },
  { id: 'reuse', title: 'Rough work: b = a + a (a used twice)', text: 'b = a + a', values: { a: 3.0 } },
  {
    id: 'product-of-sum',
    title: 'Rough work: f = (a*b) * (a+b)',
    text: 'd = a * b\ne = a + b\nf = d * e',
    values: { a: -2.0, b: 3.0 },
  },
  { id: 'scale', title: 'Rough work: 2 * a', text: '2 * a', values: { a: 2.0 } },
];

export const presetById = (id: string): Preset | undefined => PRESETS.find((p) => p.id === id);
