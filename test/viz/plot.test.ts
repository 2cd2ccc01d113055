// Plots: numpy-style sampling, a Vega-Lite line chart with axes, grid and title, rendered to SVG and PNG.
import { describe, expect, it } from 'vitest';
import { arange, lineChart, plotFunction } from '../../src/viz/index.js';
import { parseSvg, pngSize, PNG_SIGNATURE } from './svgXml.js';

describe('arange', () => {
  it('samples like numpy: np.arange(-5, 5, 0.2) has 50 points, -5 … 4.8', () => {
    const x = arange(-5, 5, 0.2);
    expect(x).toHaveLength(50); // len(np.arange(-5, 5, 0.2)) == 50
    expect(x[0]).toBe(-5);
    expect(x[49]).toBeCloseTo(4.8, 12); // -5 + 49*0.2, rounding of the float product only
  });

  it('rejects a bad range with the values named', () => {
    expect(() => arange(5, -5, 0.2)).toThrow(/from < to, got from 5 and to -5/);
    expect(() => arange(0, 1, 0)).toThrow(/step to be positive, got 0/);
    expect(() => arange(0, 1, NaN)).toThrow(/step to be a finite number, got number NaN/);
    expect(() => arange(0, 1e9, 1)).toThrow(/1000000000 points; the most is 100000/);
  });
});

describe('plotFunction', () => {
  it("draws the post's tanh plot with a title, both axes and a grid", async () => {
    const chart = plotFunction(Math.tanh, { from: -5, to: 5, step: 0.2 });
    const svg = await chart.render('svg');
    const doc = parseSvg(svg);
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts).toContain('tanh(x)'); // title from the function's name
    expect(texts).toContain('x');
    // Vega marks its grid lines and its line mark with role classes.
    expect(svg).toContain('mark-rule role-axis-grid');
    const line = Array.from(doc.getElementsByTagName('path')).find(
      (p) => p.getAttribute('aria-roledescription') === 'line mark',
    );
    // The line visits all 50 samples: one move and 49 line-to commands.
    expect(line?.getAttribute('d')?.match(/L/g)).toHaveLength(49);
    const png = await chart.render('png', { scale: 1 });
    expect(Array.from(png.slice(0, 8))).toEqual(PNG_SIGNATURE);
    const size = pngSize(png);
    // The 480 × 300 plot area plus axes, labels and title.
    expect(size.width).toBeGreaterThan(480);
    expect(size.height).toBeGreaterThan(300);
  });

  it('turns non-finite values into gaps rather than failing', () => {
    const chart = plotFunction(Math.log, { from: -1, to: 1, step: 0.5 });
    const rows = (chart.spec as { data: { values: Array<{ y: number | null }> } }).data.values;
    // log(-1) and log(-0.5) are NaN, log(0) is -Infinity: all three become gaps.
    expect(rows.map((r) => r.y)).toEqual([null, null, null, Math.log(0.5)]);
  });

  it('rejects a non-function', () => {
    expect(() => plotFunction(3 as unknown as (x: number) => number, { from: 0, to: 1 })).toThrow(
      /expected a function, got number 3/,
    );
  });
});

describe('lineChart', () => {
  it('draws several series with a legend in the given order', async () => {
    const chart = lineChart(
      [
        { name: 'loss', x: [0, 1, 2], y: [1, 0.5, 0.25] },
        { name: 'accuracy', x: [0, 1, 2], y: [0.5, 0.75, 0.9] },
      ],
      { title: 'training', xTitle: 'step' },
    );
    const texts = Array.from(parseSvg(await chart.render('svg')).getElementsByTagName('text')).map(
      (t) => t.textContent,
    );
    for (const want of ['training', 'step', 'loss', 'accuracy']) expect(texts).toContain(want);
    expect(texts.indexOf('loss')).toBeLessThan(texts.indexOf('accuracy'));
  });

  it('rejects mismatched series', () => {
    expect(() => lineChart([{ name: 'a', x: [1, 2], y: [1] }])).toThrow(/equal length \(series "a"\)/);
    expect(() => lineChart([])).toThrow(/non-empty array/);
  });
});
