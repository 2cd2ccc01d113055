// Chart: a Vega-Lite spec with rendering to SVG (Node or browser) and PNG/files (Node).

import { JUPYTER_DISPLAY, type MimeBundle } from '../engine/display.js';
import { renderPicture, formatFromPath, writeOutput, type PictureFormat } from './picture.js';
import type { PngOptions } from './svgToPng.js';
import { vegaLiteToSvg, type TopLevelSpec } from './vegaLiteToSvg.js';

export class Chart {
  /** The Vega-Lite spec; adjust it or hand it to any Vega-Lite renderer. */
  readonly spec: TopLevelSpec;

  constructor(spec: TopLevelSpec) {
    this.spec = spec;
  }

  /** The chart as an SVG document. */
  svg(): Promise<string> {
    return vegaLiteToSvg(this.spec);
  }

  render(format: 'svg'): Promise<string>;
  render(format: 'png', png?: PngOptions): Promise<Uint8Array>;
  render(format: PictureFormat, png?: PngOptions): Promise<string | Uint8Array> {
    return renderPicture(format, () => this.svg(), png);
  }

  /** Render to a file whose extension picks the format: .svg or .png (Node only). */
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
