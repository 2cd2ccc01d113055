// Rich display of pictures (drawDot's result, charts) and the decision boundary from code.
import { expect, it } from 'vitest';
import { makeMoons, MLP, Value, type MimeBundle } from '../../src/index.js';
import { decisionBoundary, drawDot, plotFunction } from '../../src/viz/index.js';

const display = (x: unknown): Promise<MimeBundle> =>
  Promise.resolve((x as Record<symbol, () => MimeBundle>)[Symbol.for('Jupyter.display')]!.call(x));

it('drawDot(o) displays as an SVG of the graph with every label in it', async () => {
  const x1 = new Value(2, { label: 'x1' });
  const w1 = new Value(-3, { label: 'w1' });
  const b = new Value(6.88137358, { label: 'b' });
  const o = x1.mul(w1).add(b).tanh();
  o.label = 'o';
  const bundle = await display(drawDot(o));
  expect(bundle['text/plain']).toBe('graph of 6 values (9 DOT nodes)'); // 3 leaves, 3 results + 3 op nodes
  const svg = bundle['image/svg+xml']!;
  expect(svg.startsWith('<?xml') || svg.startsWith('<svg')).toBe(true);
  for (const label of ['x1', 'w1', '>b<', '>o<', 'tanh']) expect(svg).toContain(label);
});

it('a chart displays as its SVG', async () => {
  const chart = plotFunction(Math.tanh, { from: -5, to: 5, step: 0.2 });
  const bundle = await display(chart);
  expect(bundle['text/plain']).toBe('Chart: tanh(x)');
  // Vega numbers its clip paths per render; apart from that it is the chart's own SVG.
  const unclip = (svg: string): string => svg.replace(/clip\d+/g, 'clip');
  expect(unclip(bundle['image/svg+xml']!)).toBe(unclip(await chart.svg()));
});

it('decisionBoundary draws both predicted regions of a split the test chooses, with -1/+1 labels', async () => {
  const data = {
    X: [
      [-1, 0],
      [1, 0],
      [-1, 1],
      [1, 1],
    ],
    y: [-1, 1, -1, 1],
  };
  const svg = await decisionBoundary((x0) => (x0 > 0 ? 1 : 0), data, { resolution: 20 }).svg();
  // Region tints of class 0 and class 1 (decisionBoundarySpec's palette), and the four points.
  expect(svg).toContain('#c9d8ea');
  expect(svg).toContain('#f6c8c8');
  // The two class-1 points (+1 in the data) in strong red, the two class-0 points in strong blue.
  expect(svg.match(/aria-label="[^"]*cls: 1"[^>]*fill="#e15759"/g)).toHaveLength(2);
  expect(svg.match(/aria-label="[^"]*cls: 0"[^>]*fill="#4e79a7"/g)).toHaveLength(2);
});

it('decisionBoundary reads an MLP through predict, and names bad input', async () => {
  const moons = makeMoons({ nSamples: 40, seed: 3 });
  const chart = decisionBoundary(new MLP(2, [4, 1], { seed: 1 }), moons, { resolution: 10 });
  expect(await chart.svg()).toContain('<svg');
  expect(() => decisionBoundary({} as never, moons)).toThrow(/expected a model with predict\(\)/);
  expect(() => decisionBoundary((a) => a, { X: [[0, 0]], y: [] })).toThrow(TypeError);
  expect(() => decisionBoundary((a) => a, { X: [[0, 0, 0]], y: [0] })).toThrow(/data\.X\[0\]/);
  expect(() => decisionBoundary((a) => a, { X: [[0, 0]], y: [0.5] })).toThrow(RangeError);
});
