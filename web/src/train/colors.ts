// colors: Playground's diverging scale (orange for negative / class 0, grey at 0, blue for positive / class 1).

export const CLASS_COLORS = ['#f59322', '#0877bd'] as const;
const LOW = [245, 147, 34];
const MID = [232, 234, 235];
const HIGH = [8, 119, 189];

/** The colour of a value on [-1, 1] (clamped), as r, g, b. */
export function rampRgb(v: number): [number, number, number] {
  const t = Number.isFinite(v) ? Math.max(-1, Math.min(1, v)) : 0;
  const [a, b] = t < 0 ? [MID, LOW] : [MID, HIGH];
  const k = Math.abs(t);
  return [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * k)) as [number, number, number];
}

export const rampCss = (v: number): string => `rgb(${rampRgb(v).join(',')})`;

/**
 * How much of the ramp's colour the output plane keeps over white: Playground paints it at alpha 160/255,
 * so a point in the full colour of its class (ringed in white) stands out even where the model agrees.
 */
export const PLANE_OPACITY = 160 / 255;

/** A ramp colour mixed with white, keeping `opacity` of it (as drawn over a white page). */
export const lighten = (rgb: readonly number[], opacity: number): [number, number, number] =>
  rgb.map((c) => Math.round(255 - (255 - c) * opacity)) as [number, number, number];

/**
 * Paint `values` (res×res, rows from the top) into a res×res image, each value through `toUnit` first,
 * at `opacity` over white (1: the ramp's full colours).
 */
export function valuesToImage(
  values: Float32Array,
  res: number,
  toUnit: (v: number) => number,
  opacity = 1,
): ImageData {
  const img = new ImageData(res, res);
  for (let i = 0; i < res * res; i++) {
    const [r, g, b] = lighten(rampRgb(toUnit(values[i]!)), opacity);
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = b;
    img.data[i * 4 + 3] = 255;
  }
  return img;
}

/** A canvas backed by devicePixelRatio pixels per CSS pixel, so lines and text stay crisp on any screen. */
export function crispContext(
  canvas: HTMLCanvasElement,
  cssW: number,
  cssH: number,
): CanvasRenderingContext2D {
  const dpr = Math.max(1, window.devicePixelRatio || 1);
  const w = Math.round(cssW * dpr);
  const hgt = Math.round(cssH * dpr);
  if (canvas.width !== w || canvas.height !== hgt) {
    canvas.width = w;
    canvas.height = hgt;
  }
  canvas.style.width = `${cssW}px`;
  canvas.style.height = `${cssH}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}
