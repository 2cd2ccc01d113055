// `micrograd walkthrough`: the backprop post from top to bottom, printed as the post prints it.

import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { pyRepr } from '../../engine/pyRepr.js';
import { buildNeuron, neuronLeaves } from '../../walkthrough/neuron.js';
import {
  divisionExample,
  productOfSumExample,
  reuseExample,
  scaleExample,
} from '../../walkthrough/roughWork.js';
import { explainPass } from '../../walkthrough/explainPass.js';
import { table } from '../table.js';
import { printTorchComparisonIfPresent } from '../torchComparison.js';
import { runMoonsTraining } from '../../walkthrough/moonsTraining.js';
import { checkPicturePackages, makePicturesDir, writeWalkthroughPictures } from './walkthroughPictures.js';

export type Print = (line?: string) => void;

/** Print the walkthrough's sections. Returns nothing; every line goes through `print`. */
export function runWalkthrough(print: Print, explain = false): void {
  print('# A two-input neuron: o = tanh(x1*w1 + x2*w2 + b)');
  const neuron = buildNeuron('tanh');
  for (const v of neuron.printed) print(String(v));
  print();
  print('o.backward()');
  if (explain) for (const line of explainPass(neuron.o)) print(`  ${line}`.trimEnd());
  else neuron.o.backward();
  for (const [name, leaf] of neuronLeaves(neuron)) print(`${name}.grad = ${pyRepr(leaf.grad)}`);
  print();

  print('# The same neuron with tanh rebuilt from exp, pow and div: o = (e - 1) / (e + 1), e = exp(2*nn)');
  const expForm = buildNeuron('exp');
  for (const v of expForm.printed) print(String(v));
  expForm.o.backward();
  print();
  const rows = [['leaf', 'grad (tanh)', 'grad (exp/pow/div)', '|difference|']];
  const exp = new Map(neuronLeaves(expForm));
  for (const [name, leaf] of neuronLeaves(neuron)) {
    const other = exp.get(name)!.grad;
    rows.push([name, pyRepr(leaf.grad), pyRepr(other), pyRepr(Math.abs(leaf.grad - other))]);
  }
  for (const line of table(rows)) print(line);
  print();

  print('# Rough work');
  print(`a / b        with a = 2.0, b = 4.0:  ${String(divisionExample())}`);
  const reuse = reuseExample();
  print(
    `b = a + a    with a = 3.0:  b = ${String(reuse.b)}, after b.backward() a.grad = ${pyRepr(reuse.a.grad)}`,
  );
  const pos = productOfSumExample();
  print(
    `f = d * e    with d = a*b, e = a+b, a = -2.0, b = 3.0:  f = ${String(pos.f)}, ` +
      `a.grad = ${pyRepr(pos.a.grad)}, b.grad = ${pyRepr(pos.b.grad)}`,
  );
  print(`2 * a        with a = 2.0:  ${String(scaleExample())}`);
}

export function walkthroughCommand(): Command {
  return new Command('walkthrough')
    .description('run the backprop walkthrough from top to bottom')
    .option('-o, --out <dir>', "also write the post's pictures (graphs and the tanh plot) into this folder")
    .option('--explain', "write out the neuron's forward and backward passes step by step")
    .action(async (flags: { out?: string; explain?: boolean }) => {
      const print: Print = (line = '') => process.stdout.write(`${line}\n`);
      if (flags.out !== undefined) {
        checkPicturePackages();
        await makePicturesDir(flags.out);
      }
      runWalkthrough(print, flags.explain === true);
      print();
      await printTorchComparisonIfPresent(print);
      if (flags.out !== undefined) await writeWalkthroughPictures(flags.out, print);
      print();
      runMoonsTraining(print);
      // Name the picture only if a train run has drawn it; otherwise say how to draw it.
      const boundary = 'runs/moons/decision-boundary.png';
      print(
        existsSync(boundary)
          ? `(the decision boundary micrograd train drew: ${boundary})`
          : '(micrograd train draws the decision boundary of this model)',
      );
    });
}
