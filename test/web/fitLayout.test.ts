// fitLayout: the order the graph page tries its layouts in, a Graphviz SVG's size, and which one suits a box.
import { describe, expect, it } from 'vitest';
import { drawDot } from '../../src/viz/drawDot.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';
import {
  AUTO_ORDER,
  candidatesFor,
  fitScale,
  fitScore,
  FONT_PX,
  MAX_FONT_PX,
  MIN_FONT_PX,
  MIN_SCALE,
  minScaleFor,
  naturalSize,
  POST_FONT_PX,
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
    const compact = { rankdir: 'LR', compact: true } as const;
    expect(fitScore(compact, { width: 500, height: 500 }, room)).toBe(Infinity); // scale 0.6: 11.2 px text
    const tall = fitScore(compact, { width: 600, height: 3000 }, room); // 289 px wide at MIN_SCALE
    const wide = fitScore(compact, { width: 3000, height: 3000 }, room);
    expect(tall).toBeGreaterThan(wide);
    expect(tall).toBeLessThan(Infinity);
  });

  it("keeps the walkthrough's picture only where its text is 11 px or more, a compact one down to 9 px", () => {
    const room = { width: 1000, height: 1000 };
    const size = { width: 1000 / 0.5, height: 100 }; // fits at scale 0.5: 9.3 px text
    expect(fitScore({ rankdir: 'LR', compact: true }, size, room)).toBe(Infinity);
    expect(fitScore({ rankdir: 'LR', compact: false }, size, room)).toBeLessThan(Infinity);
    expect(minScaleFor({ rankdir: 'TB', compact: false }) * FONT_PX).toBeCloseTo(POST_FONT_PX, 12);
    expect(MIN_SCALE * FONT_PX).toBeCloseTo(MIN_FONT_PX, 12);
    // A small graph is not blown up past MAX_FONT_PX text.
    expect(fitScale({ width: 10, height: 10 }, room) * FONT_PX).toBeCloseTo(MAX_FONT_PX, 12);
  });

  it("compact records make the exp-form neuron about half as wide as the walkthrough's picture", async () => {
    const o = buildNeuron('exp').o;
    const post = naturalSize(await drawDot(o).render('svg'));
    const compact = naturalSize(await drawDot(o, { compact: true }).render('svg'));
    // Measured: 4,525 px against 1,940 px wide; the bound leaves room for font metrics.
    expect(compact.width).toBeLessThan(post.width * 0.6);
  });
});
