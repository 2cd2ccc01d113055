// decisionBoundarySpec / trainingCurvesSpec: the heatmap covers the grid with the classifier's classes, and
// both pictures render.
import { describe, expect, it } from 'vitest';
import { decisionBoundarySpec } from '../../src/viz/decisionBoundarySpec.js';
import { trainingCurvesSpec } from '../../src/viz/trainingCurvesSpec.js';
import { vegaLiteToSvg } from '../../src/viz/vegaLiteToSvg.js';

interface Cell {
  x: number;
  x2: number;
  y: number;
  y2: number;
  cls: string;
}

describe('decisionBoundarySpec', () => {
  const X = [
    [-1, -1],
    [1, 1],
  ];
  const spec = decisionBoundarySpec((a) => (a > 0 ? 1 : 0), X, [0, 1], { resolution: 10, margin: 0 });
  const layers = (
    spec as unknown as {
      layer: { data: { values: Cell[] }; encoding: Record<string, { scale?: { domain: string[] } }> }[];
    }
  ).layer;
  const cells = layers[0]!.data.values;

  it('paints each grid row as runs of the predicted class, over the whole plot', () => {
    // x0 > 0 splits each of the 10 rows into two runs: x in [-1, 0) is class 0, [0, 1] is class 1
    expect(cells.length).toBe(20);
    for (const c of cells) expect(c.cls).toBe(c.x >= 0 ? '1' : '0');
    const domain = layers[0]!.encoding['fill']!.scale!.domain;
    expect(cells.every((c) => domain.includes(c.cls))).toBe(true); // an unmapped class would be left unfilled
    expect(Math.min(...cells.map((c) => c.x))).toBe(-1);
    expect(Math.max(...cells.map((c) => c.x2))).toBeCloseTo(1, 12);
  });

  it('renders both region tints and the points', async () => {
    const svg = await vegaLiteToSvg(spec);
    expect(svg).toContain('#c9d8ea'); // class 0 tint
    expect(svg).toContain('#f6c8c8'); // class 1 tint
    expect(svg).toContain('#4e79a7'); // class 0 points
  });
});

describe('trainingCurvesSpec', () => {
  it('renders loss and accuracy panels, falling back to a linear scale when a loss is 0', async () => {
    const pts = [0, 1, 2].map((step) => ({ step, loss: 1 / (step + 1), accuracy: step / 2 }));
    const svg = await vegaLiteToSvg(trainingCurvesSpec(pts, 'run'));
    expect(svg).toContain('loss (log scale)');
    const flat = await vegaLiteToSvg(trainingCurvesSpec([...pts, { step: 3, loss: 0, accuracy: 1 }]));
    expect(flat).not.toContain('log scale');
  });
});
