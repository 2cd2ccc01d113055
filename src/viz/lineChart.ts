// lineChart: one or more (x, y) series as a Vega-Lite line chart with axes, grid and title.

import type { TopLevelSpec as VegaLiteSpec } from 'vega-lite';
import type { TopLevelSpec } from './topLevelSpec.js';
import { checkOptions } from '../engine/checkKeys.js';
import { Chart } from './Chart.js';

/** One line of a {@link lineChart}: its name and its points, `(x[i], y[i])`. */
export interface Series {
  /** Legend entry (shown when there is more than one series). */
  name: string;
  /** The points' x values. */
  x: readonly number[];
  /** The points' y values, as many as `x`; a non-finite y leaves a gap in the line. */
  y: readonly number[];
}

/** Options of {@link lineChart}: titles, size and the y scale. */
export interface LineChartOptions {
  /** The chart's title, above it; default none. */
  title?: string;
  /** The x axis's title; default `x`. */
  xTitle?: string;
  /** The y axis's title; default `y`. */
  yTitle?: string;
  /** Plot area width in pixels. Default 480. */
  width?: number;
  /** Plot area height in pixels. Default 300. */
  height?: number;
  /** 'log' for loss curves spanning decades. Default 'linear'. */
  yScale?: 'linear' | 'log';
}

/** Shared look of every chart: the font resvg has, a white background, a light grid. */
export const CHART_CONFIG = {
  font: 'DejaVu Sans',
  background: 'white',
  axis: { grid: true, gridColor: '#dddddd', labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14 },
  view: { stroke: '#888888' },
} as const;

/** The Vega-Lite spec of a line chart; non-finite y values become gaps. */
export function lineChartSpec(series: readonly Series[], opts: LineChartOptions = {}): TopLevelSpec {
  checkOptions(opts, ['title', 'xTitle', 'yTitle', 'width', 'height', 'yScale'], 'lineChart(series, opts)');
  if (!Array.isArray(series) || series.length === 0) {
    throw new TypeError('lineChart(series): expected a non-empty array of { name, x, y } series');
  }
  const rows: Array<{ series: string; x: number; y: number | null }> = [];
  for (const s of series) {
    if (
      typeof s?.name !== 'string' ||
      !Array.isArray(s.x) ||
      !Array.isArray(s.y) ||
      s.x.length !== s.y.length
    ) {
      throw new TypeError(
        `lineChart(series): each series needs a name and x, y arrays of equal length (series ${JSON.stringify(s?.name)})`,
      );
    }
    s.x.forEach((x: number, i: number) => {
      const y = s.y[i]!;
      if (typeof x !== 'number' || typeof y !== 'number') {
        throw new TypeError(
          `lineChart: series ${JSON.stringify(s.name)} point ${i} is not a pair of numbers`,
        );
      }
      rows.push({ series: s.name, x, y: Number.isFinite(y) ? y : null });
    });
  }
  const size = (v: number | undefined, fallback: number, name: string): number => {
    if (v === undefined) return fallback;
    if (!(v > 0) || !Number.isFinite(v))
      throw new RangeError(`lineChart: expected ${name} to be a positive number, got ${v}`);
    return v;
  };
  const spec: VegaLiteSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: size(opts.width, 480, 'width'),
    height: size(opts.height, 300, 'height'),
    config: CHART_CONFIG,
    data: { values: rows },
    mark: { type: 'line', strokeWidth: 2, clip: true },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: opts.xTitle ?? 'x', scale: { zero: false, nice: false } },
      y: {
        field: 'y',
        type: 'quantitative',
        title: opts.yTitle ?? 'y',
        scale: opts.yScale === 'log' ? { type: 'log' } : { zero: false },
      },
      ...(series.length > 1
        ? { color: { field: 'series', type: 'nominal', title: null, sort: series.map((s) => s.name) } }
        : {}),
    },
  };
  return opts.title === undefined ? spec : { ...spec, title: opts.title };
}

/**
 * A line chart of the series, ready to render or save.
 *
 * @param series - One or more lines, each `{ name, x, y }`.
 * @param opts - Titles, size, and the y scale (`log` for loss curves).
 * @throws TypeError when `series` is empty, a series lacks a name or has x and y of different lengths, a
 *   point is not a pair of numbers, or `opts` has an unknown key.
 * @throws RangeError when `width` or `height` is not a positive number.
 *
 * @example
 * ```ts
 * import { lineChart } from 'micrograd-ts/viz';
 *
 * const steps = [0, 1, 2, 3];
 * const chart = lineChart(
 *   [
 *     { name: 'train', x: steps, y: [2.1, 0.9, 0.4, 0.2] },
 *     { name: 'test', x: steps, y: [2.2, 1.1, 0.6, 0.5] },
 *   ],
 *   { title: 'loss', xTitle: 'step', yTitle: 'loss', yScale: 'log' },
 * );
 * await chart.save('loss.svg');
 * ```
 */
export function lineChart(series: readonly Series[], opts: LineChartOptions = {}): Chart {
  return new Chart(lineChartSpec(series, opts));
}
