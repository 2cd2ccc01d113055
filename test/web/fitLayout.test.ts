// fitLayout: the order the graph page tries its layouts in, a Graphviz SVG's size, and which one suits a box.
import { describe, expect, it } from 'vitest';
import { drawDot } from '../../src/viz/drawDot.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';
import {
  AUTO_ORDER,
  candidatesFor,
  fitScore,
  MIN_SCALE,
  naturalSize,
  TRY_ALL_UP_TO,
} from '../../web/src/graph/fitLayout.js';

describe('fitLayout', () => {
  it("tries the walkthrough's picture first, the last choice first while the shape stays", () => {
    expect(candidatesFor('auto', 10)).toEqual(AUTO_ORDER);
    expect(AUTO_ORDER[0]).toEqual({ rankdir: 'LR', compact: false });
    const last = { rankdir: 'TB', compact: true } as const;
    const again = candidatesFor('auto', 10, last);
    expect(again[0]).toEqual(last);
    expect(again).toHaveLength(AUTO_ORDER.length);
    expect(candidatesFor('TB', 10)).toEqual([{ rankdir: 'TB', compact: false }]);
    expect(candidatesFor('auto', TRY_ALL_UP_TO + 1)).toEqual([AUTO_ORDER[0]]);
  });

  it("reads the natural size from Graphviz's viewBox (points → CSS pixels, 4/3)", () => {
    expect(naturalSize('<svg viewBox="0.00 0.00 300.00 150.00">')).toEqual({ width: 400, height: 200 });
    expect(() => naturalSize('<svg>')).toThrow(/viewBox/);
  });

  it('scores a fit above any pan, and one-way panning above two-way', () => {
    const room = { width: 300, height: 300 };
    expect(fitScore({ width: 500, height: 500 }, room, MIN_SCALE)).toBe(Infinity); // scale 0.6
    const tall = fitScore({ width: 600, height: 3000 }, room, MIN_SCALE); // 289 px wide at MIN_SCALE
    const wide = fitScore({ width: 3000, height: 3000 }, room, MIN_SCALE);
    expect(tall).toBeGreaterThan(wide);
    expect(tall).toBeLessThan(Infinity);
  });

  it("compact records make the exp-form neuron about half as wide as the walkthrough's picture", async () => {
    const o = buildNeuron('exp').o;
    const post = naturalSize(await drawDot(o).render('svg'));
    const compact = naturalSize(await drawDot(o, { compact: true }).render('svg'));
    // Measured: 4,525 px against 1,940 px wide; the bound leaves room for font metrics.
    expect(compact.width).toBeLessThan(post.width * 0.6);
  });
});
