// Trainer accepts an optimizer instance or a named optimizer with its options (momentum, betas reachable).
import { describe, expect, it } from 'vitest';
import { Adam, lossGraph, makeMoons, MLP, SGD, Trainer } from '../../src/index.js';

const data = makeMoons({ nSamples: 20, noise: 0.1, seed: 3 });

/** The reference: micrograd's loop written out by hand with the same optimizer. */
function handLoop(make: (m: MLP) => SGD | Adam, steps: number): number[] {
  const model = new MLP(2, [8, 1], { seed: 5 });
  const opt = make(model);
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const g = lossGraph(model, data.X, data.y, 'max-margin', 1e-4);
    losses.push(g.loss.data);
    opt.zeroGrad();
    g.loss.backward();
    opt.step();
  }
  return losses;
}

function trainerLoop(opts: (m: MLP) => ConstructorParameters<typeof Trainer>[2], steps: number): number[] {
  const model = new MLP(2, [8, 1], { seed: 5 });
  const t = new Trainer(model, data, opts(model));
  return Array.from({ length: steps }, () => t.step().loss);
}

describe('Trainer optimizer option', () => {
  it('an SGD instance with momentum trains exactly as the hand-written loop', () => {
    const make = (m: MLP) => new SGD(m.parameters(), { lr: 0.05, momentum: 0.9 });
    const ref = handLoop(make, 15);
    expect(trainerLoop((m) => ({ optimizer: make(m) }), 15)).toEqual(ref);
    // The same optimizer by name and options.
    expect(trainerLoop(() => ({ optimizer: { type: 'sgd', momentum: 0.9 }, lr: 0.05 }), 15)).toEqual(ref);
  });

  it('Adam betas are reachable by name and options', () => {
    const ref = handLoop((m) => new Adam(m.parameters(), { lr: 0.01, betas: [0.5, 0.9] }), 10);
    expect(trainerLoop(() => ({ optimizer: { type: 'adam', betas: [0.5, 0.9], lr: 0.01 } }), 10)).toEqual(
      ref,
    );
  });

  it('refuses an instance over other parameters, an lr beside an instance, and unknown optimizer keys', () => {
    const model = new MLP(2, [8, 1], { seed: 5 });
    const other = new SGD(new MLP(2, [8, 1]).parameters(), { lr: 0.1 });
    expect(() => new Trainer(model, data, { optimizer: other })).toThrow(/not this model's 33/);
    const mine = new SGD(model.parameters(), { lr: 0.1 });
    expect(() => new Trainer(model, data, { optimizer: mine, lr: 0.2 })).toThrow(TypeError);
    expect(() => new Trainer(model, data, { optimizer: { type: 'sgd', momentun: 1 } as never })).toThrow(
      /unknown option "momentun"/,
    );
    expect(() => new Trainer(model, data, { optimizer: { type: 'rmsprop' } as never })).toThrow(
      /with type string "rmsprop"/,
    );
  });
});
