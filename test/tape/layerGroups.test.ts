// Tape.batch on MLPs over more samples than one block: layer groups (a layer replayed as one tiled product) and
// the slot-by-slot column replay (single-neuron layers, four terms per pass) must equal eager graphs bit for bit.
import { describe, expect, it } from 'vitest';
import { compile, MLP, Rng, Value, type Activation } from '../../src/index.js';
import { encodeTarget, sampleLoss, targetWidth } from '../../src/nn/sampleLoss.js';
import type { LossName } from '../../src/nn/lossGraph.js';
import { findLayerGroups } from '../../src/tape/layerGroups.js';
import type { TapeLayout } from '../../src/tape/layout.js';

interface Case {
  nin: number;
  nouts: number[];
  samples: number;
  activation: Activation;
  loss: LossName;
  classes: number;
}

// Odd layer widths and term counts leave remainders in every tile; 70 samples make a block of 64 and one of 6.
const CASES: Case[] = [
  { nin: 9, nouts: [6, 3], samples: 70, activation: 'relu', loss: 'cross-entropy', classes: 3 },
  { nin: 7, nouts: [5, 5, 1], samples: 37, activation: 'tanh', loss: 'mse', classes: 2 },
  { nin: 13, nouts: [11, 4], samples: 3, activation: 'sigmoid', loss: 'cross-entropy', classes: 4 },
  { nin: 64, nouts: [16, 10], samples: 32, activation: 'relu', loss: 'cross-entropy', classes: 10 },
  { nin: 5, nouts: [8, 1], samples: 66, activation: 'relu', loss: 'max-margin', classes: 2 },
];

function setup(c: Case, seed: number) {
  const model = new MLP(c.nin, c.nouts, { seed, activation: c.activation });
  const rng = new Rng(seed + 1);
  const X = Array.from({ length: c.samples }, () => Array.from({ length: c.nin }, () => rng.uniform(-2, 2)));
  const y = X.map((_, i) => i % c.classes);
  const rowOf = (x: number[], k: number): number[] => {
    const r = x.slice();
    encodeTarget(c.loss, k, c.classes, r, c.nin);
    return r;
  };
  return { model, X, y, rowOf };
}

describe('Tape.batch with layer groups', () => {
  for (const c of CASES) {
    it(`MLP(${c.nin}, [${c.nouts.join(', ')}]) ${c.activation}, ${c.loss}, ${c.samples} samples: eager's values and grads bit for bit`, () => {
      const { model, X, y, rowOf } = setup(c, c.nin * 31 + c.samples);
      const width = targetWidth(c.loss, c.classes);
      const x = X[0]!.map(() => new Value(0));
      const t = Array.from({ length: width }, () => new Value(0));
      const tape = compile(sampleLoss(model.forward(x), t, c.loss), { inputs: [...x, ...t] });
      const params = model.parameters();
      const scale = 1 / c.samples;
      params.forEach((p) => (p.grad = 0));
      const { values } = tape.batch(
        X.map((xi, i) => rowOf(xi, y[i]!)),
        { scale },
      );
      const tapeGrads = params.map((p) => p.grad);
      // The reference: each sample's own eager graph, its root seeded `scale`, last sample first.
      params.forEach((p) => (p.grad = 0));
      const eagerValues: number[] = [];
      for (let i = X.length - 1; i >= 0; i--) {
        const target = rowOf(X[i]!, y[i]!)
          .slice(c.nin)
          .map((v) => new Value(v));
        const loss = sampleLoss(model.forward(X[i]!), target, c.loss);
        eagerValues[i] = loss.data;
        loss.mul(scale).backward();
      }
      expect(Array.from(values)).toEqual(eagerValues);
      expect(tapeGrads).toEqual(params.map((p) => p.grad));
      expect(tapeGrads.filter((g) => g !== 0).length).toBeGreaterThan(params.length / 2);
    });
  }

  it("finds every layer of an MLP's one-sample loss as one group", () => {
    const model = new MLP(64, [16, 10], { seed: 3 });
    const x = Array.from({ length: 64 }, () => new Value(0));
    const t = Array.from({ length: 10 }, () => new Value(0));
    const tape = compile(sampleLoss(model.forward(x), t, 'cross-entropy'), { inputs: [...x, ...t] });
    const layout = (tape as unknown as { layout: TapeLayout }).layout;
    const first = tape.leaves.length + 1;
    const isRow = new Uint8Array(layout.op.length);
    // Per-sample: the inputs (x and the target) and every op slot.
    for (const v of [...x, ...t]) isRow[tape.leaves.indexOf(v) + 1] = 1;
    isRow.fill(1, first);
    const groups = [...new Set(findLayerGroups(layout, first, isRow).values())];
    expect(groups.map((g) => [g.members.length, g.terms])).toEqual([
      [16, 64],
      [10, 16],
    ]);
  });
});
