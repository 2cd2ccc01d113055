// heatmap: the output over the input plane with the points on top, numeric axes, crisp at any pixel ratio.

import { CLASS_COLORS, crispContext, PLANE_OPACITY, rampCss, valuesToImage } from './colors.js';
import { tickText } from './tickText.js';
import type { Bounds } from './TrainingRun.js';

export interface HeatmapState {
  X: number[][];
  y: number[];
  testIdx: number[];
  bounds: Bounds;
  grid?: { res: number; scores: Float32Array };
  showTest: boolean;
  discretize: boolean;
  /**
   * For regression: the size of value that gets the ramp's full colour (the largest |target|, at least 1),
   * so points and the predicted values share one scale. Absent for classification.
   */
  valueScale?: number;
  /** A neuron's output shown large in place of the model's (while one is pointed at or focused). */
  preview?: { res: number; values: Float32Array; scale: number };
}

/** Room for the axes' numbers left of and below the plot. */
export const AXIS = { left: 30, bottom: 30, top: 16, right: 6 };

/** The plot's square side in CSS pixels for a canvas `cssW` wide. */
export const plotSide = (cssW: number): number => cssW - AXIS.left - AXIS.right;

/** The round distance between about `count` ticks over [lo, hi]: 1, 2 or 5 times a power of ten. */
export function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? mag * 10;
}

/** Round tick values covering [lo, hi], about `count` of them. */
export function ticks(lo: number, hi: number, count: number): number[] {
  const step = tickStep(lo, hi, count);
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v / step) * step);
  return out;
}

export function drawHeatmap(canvas: HTMLCanvasElement, cssW: number, s: HeatmapState): void {
  const side = plotSide(cssW);
  const cssH = side + AXIS.top + AXIS.bottom;
  const ctx = crispContext(canvas, cssW, cssH);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, cssW, cssH);
  const L = AXIS.left;
  const T = AXIS.top;
  const map = s.preview ?? (s.grid && { res: s.grid.res, values: s.grid.scores, scale: 0 });
  if (map !== undefined) {
    const { res, values } = map;
    // Classification: tanh squeezes any loss's scale onto [-1, 1]; discretized, only the sign counts.
    // Regression: the value itself on the targets' scale. A neuron's own output: on its largest size.
    const scale = s.preview?.scale ?? s.valueScale;
    const toUnit =
      s.discretize && s.preview === undefined
        ? (v: number) => Math.sign(v)
        : scale !== undefined
          ? (v: number) => v / scale
          : (v: number) => Math.tanh(v);
    // Lighter than the points (Playground's alpha 160/255), so a point always stands out from the plane.
    const img = valuesToImage(values, res, toUnit, PLANE_OPACITY);
    const small = new OffscreenCanvas(res, res);
    small.getContext('2d')!.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = !s.discretize || s.preview !== undefined;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(small, L, T, side, side);
  } else {
    ctx.fillStyle = '#e8eaeb';
    ctx.fillRect(L, T, side, side);
  }
  const { x0, x1, y0, y1 } = s.bounds;
  const px = (x: number): number => L + ((x - x0) / (x1 - x0)) * side;
  const py = (y: number): number => T + ((y1 - y) / (y1 - y0)) * side;
  // Axes: ticks and their values.
  ctx.fillStyle = '#57606a';
  ctx.strokeStyle = '#8c959f';
  ctx.lineWidth = 1;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xStep = tickStep(x0, x1, 5);
  for (const v of ticks(x0, x1, 5)) {
    const x = Math.round(px(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(x, T + side);
    ctx.lineTo(x, T + side + 4);
    ctx.stroke();
    ctx.fillText(tickText(v, xStep), x, T + side + 6);
  }
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const yStep = tickStep(y0, y1, 5);
  for (const v of ticks(y0, y1, 5)) {
    const y = Math.round(py(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(L - 4, y);
    ctx.lineTo(L, y);
    ctx.stroke();
    ctx.fillText(tickText(v, yStep), L - 6, y);
  }
  ctx.strokeRect(L + 0.5, T + 0.5, side - 1, side - 1);
  // Axis names in the corners the ticks leave free.
  ctx.font = 'italic 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText('x₁', L + side / 2, T + side + 17);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'bottom';
  ctx.fillText('x₂', L - 4, T - 2);
  // Points: training points white-ringed; test points (when shown) black-ringed, as in Playground.
  const isTest = new Uint8Array(s.X.length);
  for (const i of s.testIdx) isTest[i] = 1;
  const r = Math.max(2.5, side / 110);
  ctx.save();
  ctx.beginPath();
  ctx.rect(L, T, side, side);
  ctx.clip();
  s.X.forEach((p, i) => {
    if (isTest[i] === 1 && !s.showTest) return;
    ctx.beginPath();
    ctx.arc(px(p[0]!), py(p[1]!), r, 0, 2 * Math.PI);
    // Full colour (the plane is lighter): the class, or for regression the target on the plane's scale.
    ctx.fillStyle =
      s.valueScale === undefined ? CLASS_COLORS[s.y[i] === 1 ? 1 : 0] : rampCss(s.y[i]! / s.valueScale);
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = isTest[i] === 1 ? '#000000' : '#ffffff';
    ctx.stroke();
  });
  ctx.restore();
}

/** The plane's coordinates under a click at (offsetX, offsetY) in CSS pixels, or null outside the plot. */
export function planeAt(
  cssW: number,
  bounds: Bounds,
  offsetX: number,
  offsetY: number,
): { x: number; y: number } | null {
  const side = plotSide(cssW);
  const u = (offsetX - AXIS.left) / side;
  const v = (offsetY - AXIS.top) / side;
  if (u < 0 || u > 1 || v < 0 || v > 1) return null;
  return { x: bounds.x0 + u * (bounds.x1 - bounds.x0), y: bounds.y1 - v * (bounds.y1 - bounds.y0) };
}
