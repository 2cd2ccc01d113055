// `micrograd verify`: the walkthrough's last section, the neuron checked against real PyTorch.

import { Command } from 'commander';
import { printTorchComparison } from '../torchComparison.js';
import type { Print } from './walkthrough.js';

export function verifyCommand(): Command {
  return new Command('verify')
    .description(
      'compute the walkthrough neuron here and in PyTorch (float64) and print both with the difference',
    )
    .action(async () => {
      const print: Print = (line = '') => process.stdout.write(`${line}\n`);
      const result = await printTorchComparison(print);
      if (!result.agree) throw new Error('micrograd-ts and PyTorch disagree (see the table above)');
    });
}
