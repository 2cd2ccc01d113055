// torchComparison: prints the neuron next to PyTorch's, for `micrograd verify` and the walkthrough.

import { pyRepr } from '../engine/pyRepr.js';
import { compareNeuronWithTorch, type NeuronParity } from '../oracle/neuronParity.js';
import { TORCH_INSTALL_HINT, TorchNotFoundError } from '../oracle/TorchOracle.js';
import type { Print } from './commands/walkthrough.js';
import { table } from './table.js';

/** Compare with PyTorch and print the side-by-side table; returns the comparison. */
export async function printTorchComparison(print: Print): Promise<NeuronParity> {
  const result = await compareNeuronWithTorch();
  print(
    `# The neuron o = tanh(x1*w1 + x2*w2 + b) after o.backward(), here and in PyTorch ${result.torchVersion} ` +
      `(float64, ${result.python})`,
  );
  const rows = [['', 'micrograd-ts', 'PyTorch', '|difference|']];
  for (const r of result.rows) rows.push([r.name, pyRepr(r.ours), pyRepr(r.torch), pyRepr(r.difference)]);
  for (const line of table(rows)) print(line);
  print(
    result.agree
      ? 'micrograd-ts and PyTorch agree (to 1e-12 relative).'
      : `micrograd-ts and PyTorch DISAGREE on: ${result.rows
          .filter((r) => !r.agrees)
          .map((r) => r.name)
          .join(', ')}`,
  );
  return result;
}

/** The comparison when PyTorch is there; otherwise one line saying it was skipped and how to get it. */
export async function printTorchComparisonIfPresent(print: Print): Promise<void> {
  try {
    await printTorchComparison(print);
  } catch (err) {
    if (!(err instanceof TorchNotFoundError)) throw err;
    print(`# PyTorch check skipped: PyTorch was not found. ${TORCH_INSTALL_HINT}`);
  }
}
