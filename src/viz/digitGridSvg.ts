// digitGridSvg: small grey-scale images (e.g. misclassified 8×8 digits) in a grid, each captioned, as SVG.

import { pictureText } from './pictureText.js';

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string): string => pictureText(text).replace(/[&<>"]/g, (c) => XML[c]!);

export interface DigitTile {
  /** Pixel intensities row by row, 0 (white) … `max` (black). */
  pixels: readonly number[];
  caption: string;
}

export interface DigitGridOptions {
  /** Image width in pixels (the image is square). Default 8. */
  side?: number;
  /** The intensity drawn black. Default 1. */
  max?: number;
  /** Tiles per row. Default 10. */
  columns?: number;
  title?: string;
}

/** A grid of captioned images; every pixel is a rect, so the SVG stays crisp at any scale. */
export function digitGridSvg(tiles: readonly DigitTile[], opts: DigitGridOptions = {}): string {
  const side = opts.side ?? 8;
  const max = opts.max ?? 1;
  const cols = Math.max(1, Math.min(opts.columns ?? 10, tiles.length));
  const px = 8; // screen pixels per image pixel
  const cell = side * px;
  const gap = 14;
  const captionH = 18;
  const titleH = opts.title === undefined ? 0 : 30;
  const rows = Math.max(1, Math.ceil(tiles.length / cols));
  const width = gap + cols * (cell + gap);
  const height = titleH + gap + rows * (cell + captionH + gap);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  ];
  if (opts.title !== undefined) {
    parts.push(`<text x="${gap}" y="22" font-size="15" fill="#222">${escapeXml(opts.title)}</text>`);
  }
  tiles.forEach((tile, n) => {
    const x0 = gap + (n % cols) * (cell + gap);
    const y0 = titleH + gap + Math.floor(n / cols) * (cell + captionH + gap);
    parts.push(
      `<rect x="${x0 - 1}" y="${y0 - 1}" width="${cell + 2}" height="${cell + 2}" fill="none" stroke="#bbb"/>`,
    );
    tile.pixels.forEach((v, i) => {
      const level = Math.round(255 * (1 - Math.min(1, Math.max(0, v / max))));
      if (level === 255) return;
      const x = x0 + (i % side) * px;
      const y = y0 + Math.floor(i / side) * px;
      parts.push(
        `<rect x="${x}" y="${y}" width="${px}" height="${px}" fill="rgb(${level},${level},${level})"/>`,
      );
    });
    parts.push(
      `<text x="${x0 + cell / 2}" y="${y0 + cell + 14}" font-size="12" text-anchor="middle" fill="#b00020">${escapeXml(tile.caption)}</text>`,
    );
  });
  parts.push('</svg>');
  return parts.join('\n');
}
