// neuronParity: the walkthrough's neuron in micrograd-ts and in PyTorch, number by number.

import { buildNeuron, neuronLeaves } from '../walkthrough/neuron.js';
import { agrees } from './compare.js';
import { specFromValue } from './graphSpec.js';
import { TorchOracle } from './TorchOracle.js';

export interface ParityRow {
  /** `o` for the output's value, `x1.grad` … for the leaves' gradients. */
  name: string;
  ours: number;
  torch: number;
  /** |ours − torch|. */
  difference: number;
  agrees: boolean;
}

export interface NeuronParity {
  rows: ParityRow[];
  /** Every row agrees (NaN ↔ NaN, same infinities, else 1e-12 relative). */
  agree: boolean;
  torchVersion: string;
  python: string;
}

/**
 * Build `o = tanh(x1*w1 + x2*w2 + b)` as the walkthrough does, run backward here and the same graph
 * in PyTorch (float64), and compare o and every leaf's gradient. Throws TorchNotFoundError without
 * PyTorch. Uses `oracle` if given (left open), else starts and stops one.
 */
export async function compareNeuronWithTorch(oracle?: TorchOracle): Promise<NeuronParity> {
  const own = oracle ?? new TorchOracle();
  try {
    const neuron = buildNeuron('tanh');
    const { spec, nodes } = specFromValue(neuron.o);
    neuron.o.backward();
    const [version, torch] = await Promise.all([own.request<{ torch: string }>('version'), own.graph(spec)]);
    const at = (v: (typeof nodes)[number]): number => nodes.indexOf(v);
    const row = (name: string, ours: number, theirs: number): ParityRow => ({
      name,
      ours,
      torch: theirs,
      difference: Math.abs(ours - theirs),
      agrees: agrees(ours, theirs),
    });
    const rows = [
      row('o', neuron.o.data, torch.values[at(neuron.o)]!),
      ...neuronLeaves(neuron).map(([name, leaf]) => row(`${name}.grad`, leaf.grad, torch.grads[at(leaf)]!)),
    ];
    return { rows, agree: rows.every((r) => r.agrees), torchVersion: version.torch, python: own.python };
  } finally {
    if (oracle === undefined) await own.close();
  }
}
