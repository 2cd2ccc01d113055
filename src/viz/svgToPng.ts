// svgToPng: rasterize SVG text to PNG bytes with resvg (Node only; browsers draw SVG themselves).

import { checkOptions } from '../engine/checkKeys.js';
import { loadOptional } from './loadOptional.js';
import { shippedFonts } from './shippedFonts.js';

// This module is itself loaded lazily (by picture.ts and the train command), so resvg's native binary
// is read only when a PNG is asked for.
const { Resvg } = await loadOptional('@resvg/resvg-js', 'PNG output', () => import('@resvg/resvg-js'));
const fontFiles = shippedFonts();

export interface PngOptions {
  /** Pixels per SVG unit; 2 gives crisp pictures on high-density screens. Default 2. */
  scale?: number;
  /** Fill behind transparent areas (CSS color). Default white. */
  background?: string;
}

/**
 * Rasterize an SVG document. Text is drawn in DejaVu Sans from the `dejavu-fonts-ttf` package, so a machine
 * without fonts still gets its labels; system fonts stay loaded for scripts DejaVu lacks.
 */
export function svgToPng(svg: string, opts: PngOptions = {}): Uint8Array {
  checkOptions(opts, ['scale', 'background'], 'render(format, png)', 'png');
  const scale = opts.scale ?? 2;
  if (typeof scale !== 'number' || !(scale > 0) || !Number.isFinite(scale)) {
    throw new RangeError(`svgToPng: expected scale to be a positive number, got ${String(scale)}`);
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: opts.background ?? 'white',
    font: {
      fontFiles,
      loadSystemFonts: true,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
