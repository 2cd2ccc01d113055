// picture helpers: format from the file extension, SVG size reading, and the PNG pixel cap.
import { describe, expect, it } from 'vitest';
import { formatFromPath, rasterize, svgSize } from '../../src/viz/picture.js';
import { pngSize } from './svgXml.js';

describe('formatFromPath', () => {
  it('reads the extension case-insensitively and names the choices otherwise', () => {
    expect(formatFromPath('a/b.SVG', ['svg', 'png'])).toBe('svg');
    expect(() => formatFromPath('a.b/c', ['svg', 'png'])).toThrow(
      /"a.b\/c": expected a file name ending in \.svg, \.png/,
    );
  });
});

describe('svgSize', () => {
  it('converts pt to CSS px (96/72) and reads plain numbers as px', () => {
    expect(svgSize('<svg width="72pt" height="36pt">')).toEqual({ width: 96, height: 48 });
    expect(svgSize('<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100">')).toEqual({
      width: 200,
      height: 100,
    });
    expect(svgSize('<g/>')).toBeUndefined();
  });
});

describe('rasterize', () => {
  const big =
    '<svg xmlns="http://www.w3.org/2000/svg" width="8000" height="8000"><rect width="10" height="10"/></svg>';

  it('scales a huge picture down to at most 16 megapixels unless a scale is given', async () => {
    const { width, height } = pngSize(await rasterize(big));
    // sqrt(16e6 / 64e6) = 0.5: 4000 × 4000; ±1 px for rounding.
    expect(Math.abs(width - 4000)).toBeLessThanOrEqual(1);
    expect(Math.abs(height - 4000)).toBeLessThanOrEqual(1);
    const small = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"/>';
    expect(pngSize(await rasterize(small))).toEqual({ width: 200, height: 100 }); // default scale 2
    expect(pngSize(await rasterize(small, { scale: 1 }))).toEqual({ width: 100, height: 50 });
  });
});
