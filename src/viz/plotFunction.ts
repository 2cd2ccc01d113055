// plotFunction: y = f(x) sampled like numpy's arange(from, to, step), drawn as a line chart with a grid.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import type { Chart } from './Chart.js';
import { lineChart, type LineChartOptions } from './lineChart.js';

/** Options of {@link plotFunction}: the range of x, and a line chart's titles and size. */
export interface PlotFunctionOptions extends Omit<LineChartOptions, 'yScale'> {
  /** The first x sampled. */
  from: number;
  /** Exclusive, as in numpy's arange: from -5 to 5 by 0.2 samples -5, -4.8, …, 4.8. */
  to: number;
  /** Default (to - from) / 200. */
  step?: number;
}

const MAX_POINTS = 100_000;

/** The x values numpy's `arange(from, to, step)` gives: from + i·step for i < ceil((to - from) / step). */
export function arange(from: number, to: number, step: number): number[] {
  for (const [name, v] of [
    ['from', from],
    ['to', to],
    ['step', step],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`expected ${name} to be a finite number, got ${describe(v)}`);
    }
  }
  if (!(to > from)) throw new RangeError(`expected from < to, got from ${from} and to ${to}`);
  if (!(step > 0)) throw new RangeError(`expected step to be positive, got ${step}`);
  const n = Math.ceil((to - from) / step);
  if (n > MAX_POINTS) {
    throw new RangeError(
      `from ${from} to ${to} by ${step} is ${n} points; the most is ${MAX_POINTS}, use a larger step`,
    );
  }
  return Array.from({ length: n }, (_, i) => from + i * step);
}

/**
 * Plot `f` over [from, to): `plotFunction(Math.tanh, { from: -5, to: 5, step: 0.2 })`, as the walkthrough
 * plots `np.tanh(np.arange(-5, 5, 0.2))`. The title defaults to the function's name (`tanh(x)`).
 *
 * @param f - The function to sample, called once per x.
 * @param opts - `from`, `to` (exclusive) and `step`, plus titles and size.
 * @throws TypeError when `f` is not a function, or `opts` is not an object or has an unknown key.
 * @throws RangeError when `from`, `to` or `step` is not finite, `from` >= `to`, `step` <= 0, or the range
 *   holds more than 100,000 points.
 */
export function plotFunction(f: (x: number) => number, opts: PlotFunctionOptions): Chart {
  if (typeof f !== 'function')
    throw new TypeError(`plotFunction(f): expected a function, got ${describe(f)}`);
  if (typeof opts !== 'object' || opts === null) {
    throw new TypeError(`plotFunction(f, opts): expected { from, to, step? }, got ${describe(opts)}`);
  }
  checkOptions(
    opts,
    ['from', 'to', 'step', 'title', 'xTitle', 'yTitle', 'width', 'height'],
    'plotFunction(f, opts)',
  );
  const { from, to, step, ...chart } = opts;
  const x = arange(from, to, step ?? (to - from) / 200);
  const y = x.map((v) => f(v));
  const title = chart.title ?? (f.name ? `${f.name}(x)` : undefined);
  return lineChart([{ name: title ?? 'f(x)', x, y }], {
    ...chart,
    ...(title === undefined ? {} : { title }),
    yTitle: chart.yTitle ?? title ?? 'f(x)',
  });
}
