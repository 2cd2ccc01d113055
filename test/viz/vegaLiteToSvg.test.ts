// Vega-Lite rendering: a spec becomes SVG text, and the SVG becomes a PNG of the expected size.
import { describe, expect, it } from 'vitest';
import { svgToPng } from '../../src/viz/svgToPng.js';
import { vegaLiteToSvg } from '../../src/viz/vegaLiteToSvg.js';

/** Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian). */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('vegaLiteToSvg + svgToPng', () => {
  it('renders a line chart to SVG and rasterizes it at the requested scale', async () => {
    const svg = await vegaLiteToSvg({
      width: 200,
      height: 100,
      autosize: { type: 'none' },
      padding: 0,
      data: {
        values: [
          { x: 0, y: 0 },
          { x: 1, y: 1 },
        ],
      },
      mark: 'line',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="200"');
    const png = svgToPng(svg, { scale: 2 });
    expect(Array.from(png.slice(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: 400, height: 200 });
  });

  it('rejects a non-positive scale', () => {
    expect(() =>
      svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>', { scale: 0 }),
    ).toThrow(RangeError);
  });
});
