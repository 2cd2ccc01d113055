// svgToPng: rasterize SVG text to PNG bytes with resvg (Node only; browsers draw SVG themselves).

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import { loadOptional } from './loadOptional.js';
import { shippedFonts } from './shippedFonts.js';

// This module is itself loaded lazily (by picture.ts and the train command), so resvg's native binary
// is read only when a PNG is asked for.
const { Resvg } = await loadOptional('@resvg/resvg-js', 'PNG output', () => import('@resvg/resvg-js'));
const fontFiles = shippedFonts();

/** How an SVG picture becomes a PNG (`render('png', opts)`, `save('x.png', opts)`). */
export interface PngOptions {
  /**
   * Pixels per SVG unit; 2 gives crisp pictures on high-density screens. Default 2, less for a picture
   * that would pass the PNG limits. An explicit scale past them is a RangeError.
   */
  scale?: number;
  /** Fill behind transparent areas (CSS color). Default white. */
  background?: string;
}

// resvg allocates the whole pixmap at once: a scale of 1e6 aborts the process inside resvg (uncatchable)
// and 300 gets it killed for memory. Past these a PNG costs seconds and hundreds of MB and is unreadable
// anyway (SVG stays the way to see every detail).
export const MAX_PNG_PIXELS = 16_000_000;
export const MAX_PNG_SIDE = 16_384;
const DEFAULT_SCALE = 2;
// Without an explicit scale, a picture is shrunk to fit the limits, but not below this: text at a
// quarter of its size cannot be read, and saying so beats writing a useless file.
const MIN_AUTO_SCALE = 0.25;

const px = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The largest scale at which a width × height picture fits the PNG limits. */
function largestScale(width: number, height: number): number {
  return Math.min(MAX_PNG_SIDE / width, MAX_PNG_SIDE / height, Math.sqrt(MAX_PNG_PIXELS / (width * height)));
}

/**
 * Rasterize an SVG document. Text is drawn in DejaVu Sans from the `dejavu-fonts-ttf` package, so a machine
 * without fonts still gets its labels; system fonts stay loaded for scripts DejaVu lacks.
 */
export function svgToPng(svg: string, opts: PngOptions = {}): Uint8Array {
  checkOptions(opts, ['scale', 'background'], 'render(format, png)', 'png');
  const asked = opts.scale;
  if (asked !== undefined && (typeof asked !== 'number' || !(asked > 0) || !Number.isFinite(asked))) {
    throw new RangeError(`svgToPng: expected scale to be a positive number, got ${describe(asked)}`);
  }
  const font = {
    fontFiles,
    loadSystemFonts: true,
    defaultFontFamily: 'DejaVu Sans',
    sansSerifFamily: 'DejaVu Sans',
  };
  // Parsing is cheap and safe at any size; only render() allocates pixels. Its size is the SVG's own.
  const { width, height } = new Resvg(svg, { font: { loadSystemFonts: false } });
  const fit = largestScale(width, height);
  const size = `${px(width)} × ${px(height)} px`;
  const limits = `${px(MAX_PNG_SIDE)} px a side and ${MAX_PNG_PIXELS / 1e6} megapixels`;
  let scale: number;
  if (asked === undefined) {
    if (fit < MIN_AUTO_SCALE) {
      throw new RangeError(
        `svgToPng: the picture is ${size}; a PNG within ${limits} would shrink it to ` +
          `${Math.round(fit * 100)}% and its text could not be read; save it as .svg instead`,
      );
    }
    scale = Math.min(DEFAULT_SCALE, fit);
  } else {
    if (asked > fit) {
      throw new RangeError(
        `svgToPng: at scale ${asked} the ${size} picture would be ${px(width * asked)} × ` +
          `${px(height * asked)} px, more than the PNG limit of ${limits}; use a scale of at most ` +
          `${Math.floor(fit * 1000) / 1000}, or save it as .svg`,
      );
    }
    if (width * asked < 1 || height * asked < 1) {
      throw new RangeError(
        `svgToPng: at scale ${asked} the ${size} picture would be less than 1 px across; use a scale of ` +
          `at least ${Math.ceil(1000 / Math.min(width, height)) / 1000}`,
      );
    }
    scale = asked;
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: opts.background ?? 'white',
    font,
  });
  return resvg.render().asPng();
}
