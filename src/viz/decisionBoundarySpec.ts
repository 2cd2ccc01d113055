// decisionBoundarySpec: a Vega-Lite picture of a classifier — its predicted class over a grid as a filled
// heatmap, the data points on top. Browser-safe: it only builds the spec.

import type { TopLevelSpec as VegaLiteSpec } from 'vega-lite';
import type { TopLevelSpec } from './topLevelSpec.js';
import { checkOptions } from '../engine/checkKeys.js';

/** Region tints (light) and point colours (strong) per class, colour-blind-safe (Tableau 10 order). */
const STRONG = ['#4e79a7', '#e15759', '#59a14f', '#f28e2b', '#b07aa1', '#76b7b2', '#edc948', '#9c755f'];
const LIGHT = ['#c9d8ea', '#f6c8c8', '#cfe6cb', '#fbd9b4', '#e3d3e0', '#d2ebe9', '#f9efc3', '#e2d6cb'];

/** Options of {@link decisionBoundary}: the grid's fineness, the margin, the title and the size. */
export interface DecisionBoundaryOptions {
  /** Grid cells along the longer side. Default 200. */
  resolution?: number;
  /** Margin added around the data's bounding box, as a fraction of its size. Default 0.1. */
  margin?: number;
  /** The chart's title, above it; default none. */
  title?: string;
  /** Pixels along the plot's longer side. Default 520. */
  size?: number;
}

/**
 * `classify(x0, x1)` gives the predicted class (0, 1, …) at a point; X and y are the data (2-D points, class
 * labels). The grid spans the data's bounding box plus a margin.
 */
export function decisionBoundarySpec(
  classify: (x0: number, x1: number) => number,
  X: readonly (readonly number[])[],
  y: readonly number[],
  opts: DecisionBoundaryOptions = {},
): TopLevelSpec {
  checkOptions(opts, ['resolution', 'margin', 'title', 'size'], 'decisionBoundarySpec(classify, X, y, opts)');
  const res = opts.resolution ?? 200;
  const m = opts.margin ?? 0.1;
  const size = opts.size ?? 520;
  // Bounds by a loop: spreading 125k+ coordinates into Math.min overflows the stack.
  let [xlo, xhi, ylo, yhi] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const p of X) {
    xlo = Math.min(xlo, p[0]!);
    xhi = Math.max(xhi, p[0]!);
    ylo = Math.min(ylo, p[1]!);
    yhi = Math.max(yhi, p[1]!);
  }
  const [x0, x1] = pad(xlo, xhi, m);
  const [y0, y1] = pad(ylo, yhi, m);
  // Equal units on both axes, so the data keeps its shape: the longer side gets `size` pixels.
  const aspect = (y1 - y0) / (x1 - x0);
  const width = aspect <= 1 ? size : Math.round(size / aspect);
  const height = aspect <= 1 ? Math.round(size * aspect) : size;
  const dx = (x1 - x0) / res;
  const dy = (y1 - y0) / res;
  const cells: { x: number; x2: number; y: number; y2: number; cls: string }[] = [];
  for (let j = 0; j < res; j++) {
    const cy = y0 + (j + 0.5) * dy;
    // One rectangle per run of equal predictions along the row keeps the SVG small at a fine resolution.
    let runStart = 0;
    let runCls = classify(x0 + 0.5 * dx, cy);
    for (let i = 1; i <= res; i++) {
      const cls = i < res ? classify(x0 + (i + 0.5) * dx, cy) : NaN;
      if (cls === runCls) continue;
      // Each row reaches over the next, which is drawn later on top: no anti-aliased seams between rows.
      cells.push({
        x: x0 + runStart * dx,
        x2: x0 + i * dx,
        y: y0 + j * dy,
        y2: y0 + (j + 2) * dy,
        cls: String(runCls),
      });
      runStart = i;
      runCls = cls;
    }
  }
  const classes = Array.from(new Set([...y, ...cells.map((c) => Number(c.cls))])).sort((a, b) => a - b);
  const domain = classes.map(String);
  const pick = (palette: string[]): string[] => classes.map((c) => palette[c % palette.length]!);
  const xScale = { domain: [x0, x1], nice: false, zero: false };
  const yScale = { domain: [y0, y1], nice: false, zero: false };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...(opts.title === undefined ? {} : { title: { text: opts.title, fontSize: 14 } }),
    width,
    height,
    background: 'white',
    config: { font: 'DejaVu Sans', view: { stroke: '#888' }, axis: { grid: false } },
    layer: [
      {
        data: { values: cells },
        mark: { type: 'rect', clip: true },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: xScale, title: 'x₀' },
          x2: { field: 'x2' },
          y: { field: 'y', type: 'quantitative', scale: yScale, title: 'x₁' },
          y2: { field: 'y2' },
          fill: {
            field: 'cls',
            type: 'nominal',
            scale: { domain, range: pick(LIGHT) },
            legend: {
              title: 'model predicts',
              orient: 'right',
              symbolType: 'square',
            },
          },
        },
      },
      {
        data: { values: X.map((p, i) => ({ x: p[0], y: p[1], cls: String(y[i]) })) },
        mark: { type: 'point', filled: true, size: 42, stroke: '#222', strokeWidth: 0.7, opacity: 1 },
        encoding: {
          x: { field: 'x', type: 'quantitative', scale: xScale },
          y: { field: 'y', type: 'quantitative', scale: yScale },
          color: {
            field: 'cls',
            type: 'nominal',
            scale: { domain, range: pick(STRONG) },
            legend: { title: 'true class', orient: 'right' },
          },
        },
      },
    ],
    resolve: { scale: { color: 'independent', fill: 'independent' } },
  } as VegaLiteSpec;
}

function pad(lo: number, hi: number, m: number): [number, number] {
  const span = hi - lo || 1;
  return [lo - m * span, hi + m * span];
}
