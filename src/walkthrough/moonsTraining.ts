// The walkthrough's last section: micrograd's demo — an MLP learns the two moons with max-margin loss and SGD.

import { pyRepr } from '../engine/pyRepr.js';
import { makeMoons } from '../data/makeMoons.js';
import { MLP } from '../nn/MLP.js';
import { Trainer } from '../nn/Trainer.js';

/** Train micrograd's 2-16-16-1 network on 100 moons for 100 steps, printing every tenth step as the demo does. */
export function runMoonsTraining(print: (line?: string) => void): { loss: number; accuracy: number } {
  print(
    "# Training: micrograd's moons demo (MLP 2-16-16-1, max-margin loss + 1e-4·Σp², SGD lr 1.0 - 0.9*k/100)",
  );
  const data = makeMoons({ nSamples: 100, noise: 0.1, seed: 1337 });
  const model = new MLP(2, [16, 16, 1], { seed: 1337 });
  print(`${model.parameters().length} parameters; ${data.X.length} points labelled -1/+1`);
  const trainer = new Trainer(model, data);
  for (let k = 0; k < 100; k++) {
    const r = trainer.step();
    if (k % 10 === 0 || k === 99)
      print(`step ${k} loss ${pyRepr(r.loss)}, accuracy ${pyRepr(r.accuracy * 100)}%`);
  }
  const final = trainer.evaluate();
  print(`after 100 steps: loss ${pyRepr(final.loss)}, accuracy ${pyRepr(final.accuracy * 100)}%`);
  return final;
}
