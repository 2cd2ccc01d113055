// picture helpers: format from the file extension, and the PNG limits (pixels, sides, scale).
import { describe, expect, it } from 'vitest';
import { formatFromPath, rasterize } from '../../src/viz/picture.js';
import { pngSize } from './svgXml.js';

describe('formatFromPath', () => {
  it('reads the extension case-insensitively and names the choices otherwise', () => {
    expect(formatFromPath('a/b.SVG', ['svg', 'png'])).toBe('svg');
    expect(() => formatFromPath('a.b/c', ['svg', 'png'])).toThrow(
      /"a.b\/c": expected a file name ending in \.svg, \.png/,
    );
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

  it('refuses an explicit scale past the limits before resvg allocates anything', async () => {
    const small = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"/>';
    // Both used to end the process: 1e6 aborted inside resvg, 300 was killed for memory.
    await expect(rasterize(small, { scale: 1e6 })).rejects.toThrow(RangeError);
    await expect(rasterize(small, { scale: 300 })).rejects.toThrow(
      /^svgToPng: at scale 300 the 100 × 50 px picture would be 30,000 × 15,000 px, more than the PNG limit of 16,384 px a side and 16 megapixels; use a scale of at most 56\.568, or save it as \.svg$/,
    );
    // sqrt(16e6 / 5000) = 56.57 is the area bound; 16384 / 100 = 163.8 the side bound.
    expect(pngSize(await rasterize(small, { scale: 56.5 })).width).toBe(5650);
    // Found by the fuzzer: resvg's own "Target size is zero" was a plain Error.
    await expect(rasterize(small, { scale: 1e-9 })).rejects.toThrow(
      /^svgToPng: at scale 1e-9 the 100 × 50 px picture would be less than 1 px across; use a scale of at least 0\.02$/,
    );
    // Found by the fuzzer: an object that cannot become a string broke the message itself.
    await expect(rasterize(small, { scale: { toString: undefined } as never })).rejects.toThrow(
      /^svgToPng: expected scale to be a positive number, got an object$/,
    );
    for (const scale of [0, -1, NaN, Infinity]) {
      await expect(rasterize(small, { scale })).rejects.toThrow(/expected scale to be a positive number/);
    }
  });

  it('bounds each side too: a long, thin picture is refused, not drawn 114,069 px wide', async () => {
    const long = '<svg xmlns="http://www.w3.org/2000/svg" width="114069" height="140"/>';
    // Area alone (16e6 / 15.97e6 px) would allow scale 1; the side limit allows 16384 / 114069 = 14%.
    await expect(rasterize(long)).rejects.toThrow(
      /^svgToPng: the picture is 114,069 × 140 px; a PNG within 16,384 px a side and 16 megapixels would shrink it to 14% and its text could not be read; save it as \.svg instead$/,
    );
    await expect(rasterize(long, { scale: 1 })).rejects.toThrow(/more than the PNG limit/);
    const wide = '<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="100"/>';
    // 16384 / 20000 = 0.8192 of 20000 × 100: 16,384 × 82 px.
    expect(pngSize(await rasterize(wide))).toEqual({ width: 16384, height: 82 });
  });
});
