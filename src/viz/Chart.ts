// Chart: a Vega-Lite spec with rendering to SVG (Node or browser) and PNG/files (Node).

import { JUPYTER_DISPLAY, type MimeBundle } from '../engine/display.js';
import { renderPicture, formatFromPath, writeOutput, type PictureFormat } from './picture.js';
import type { PngOptions } from './svgToPng.js';
import { vegaLiteToSvg, type TopLevelSpec } from './vegaLiteToSvg.js';

/**
 * A chart: a Vega-Lite spec, with rendering to SVG (Node or browser) and to PNG or a file (Node). Made by
 * {@link lineChart}, {@link plotFunction} and {@link decisionBoundary}, or from any Vega-Lite spec of your
 * own; drawing needs the optional `vega` and `vega-lite` packages.
 *
 * @example
 * ```ts
 * import { Chart, plotFunction } from 'micrograd-ts/viz';
 *
 * const chart = plotFunction(Math.tanh, { from: -5, to: 5, step: 0.2 });
 * await chart.save('tanh.png');
 * const bars = new Chart({
 *   data: { values: [{ op: 'mul', n: 3 }, { op: 'add', n: 2 }] },
 *   mark: 'bar',
 *   encoding: { x: { field: 'op', type: 'nominal' }, y: { field: 'n', type: 'quantitative' } },
 * });
 * const svg = await bars.render('svg');
 * console.log(svg.startsWith('<svg')); // → true
 * ```
 */
export class Chart {
  /** The Vega-Lite spec; adjust it or hand it to any Vega-Lite renderer. */
  readonly spec: TopLevelSpec;

  /**
   * A chart of `spec`; nothing is drawn until `render`, `svg` or `save`.
   *
   * @param spec - A Vega-Lite spec (any form: unit, layer, facet, repeat, concat); it is kept, not copied.
   */
  constructor(spec: TopLevelSpec) {
    this.spec = spec;
  }

  /** The chart as an SVG document. */
  svg(): Promise<string> {
    return vegaLiteToSvg(this.spec);
  }

  /**
   * Draw the chart as SVG text.
   *
   * @param format - `svg`.
   * @throws Error (as the promise's rejection) when Vega cannot draw the spec, naming what failed.
   */
  render(format: 'svg'): Promise<string>;
  /**
   * Draw the chart as PNG bytes (Node only; needs the optional `@resvg/resvg-js`).
   *
   * @param format - `png`.
   * @param png - Scale (default 2) and background (default white).
   * @throws RangeError (as the promise's rejection) when the PNG would pass the size limits.
   */
  render(format: 'png', png?: PngOptions): Promise<Uint8Array>;
  render(format: PictureFormat, png?: PngOptions): Promise<string | Uint8Array> {
    return renderPicture(format, () => this.svg(), png);
  }

  /**
   * Render to a file whose extension picks the format: .svg or .png (Node only), written whole or not at all.
   *
   * @param path - The file to write, ending in `.svg` or `.png`.
   * @param png - For a `.png`: scale and background.
   * @throws RangeError (as the promise's rejection) when the extension is neither.
   * @throws Error when the file cannot be written, saying why.
   */
  async save(path: string, png?: PngOptions): Promise<void> {
    const format = formatFromPath(path, ['svg', 'png'] as const);
    await writeOutput(path, format === 'png' ? await this.render('png', png) : await this.render('svg'));
  }

  /** The last line of a Jupyter cell draws the chart inline. */
  async [JUPYTER_DISPLAY](): Promise<MimeBundle> {
    const title = (this.spec as { title?: unknown }).title;
    const name = typeof title === 'string' ? title : ((title as { text?: unknown })?.text ?? 'chart');
    return { 'text/plain': `Chart: ${String(name)}`, 'image/svg+xml': await this.svg() };
  }
}
