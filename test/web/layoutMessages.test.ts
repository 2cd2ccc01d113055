// The layout worker rebuilds the page's graph from plain data: the DOT it lays out must be exactly the DOT
// of the page's own graph (same ids, labels, data and grads), for the presets and random graphs over every op.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/Rng.js';
import { drawDot } from '../../src/viz/drawDot.js';
import { trace } from '../../src/viz/trace.js';
import { fromPlain, toPlain } from '../../web/src/graph/layoutMessages.js';
import { PRESETS } from '../../web/src/graph/presets.js';
import { Program } from '../../web/src/graph/program.js';
import { randomGraph } from '../tape/randomGraph.js';

function roundTrip(root: Parameters<typeof drawDot>[0]): void {
  const nodes = trace(root).nodes;
  const plain = structuredClone(toPlain(nodes)); // what postMessage delivers
  expect(drawDot(fromPlain(plain)).source).toBe(drawDot(root).source);
}

describe('layout messages', () => {
  it('rebuild every preset, after backward, to the same DOT', () => {
    for (const p of PRESETS) {
      const { root } = Program.parse(p.text).build(p.values);
      root.backward();
      roundTrip(root);
    }
  });

  it('rebuild random graphs over every op to the same DOT', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { root } = randomGraph(new Rng(seed), 3, 25);
      root.backward();
      roundTrip(root);
    }
  });
});
