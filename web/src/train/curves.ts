// curves: training and test loss over the steps, with numeric axes, drawn crisp on a canvas.

import { crispContext } from './colors.js';
import { ticks } from './heatmap.js';

export interface CurvePoint {
  step: number;
  train: number;
  test: number;
}

export const CURVE_COLORS = { train: '#1b1f24', test: '#b42318' } as const;

/** A tick value as short text: 0.25, 1.5k, 2e-4. */
export function shortNumber(v: number): string {
  const a = Math.abs(v);
  if (a === 0) return '0';
  if (a >= 1e4) return a >= 1e6 ? v.toExponential(0) : `${+(v / 1000).toFixed(1)}k`;
  if (a < 1e-3) return v.toExponential(0);
  return String(+v.toPrecision(3));
}

export function drawCurves(
  canvas: HTMLCanvasElement,
  cssW: number,
  cssH: number,
  points: readonly CurvePoint[],
): void {
  const ctx = crispContext(canvas, cssW, cssH);
  const pad = { l: 40, r: 8, t: 8, b: 20 };
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, cssW, cssH);
  const W = cssW - pad.l - pad.r;
  const H = cssH - pad.t - pad.b;
  const last = points.at(-1);
  const maxStep = Math.max(1, last?.step ?? 1);
  let maxLoss = 0;
  for (const p of points)
    for (const v of [p.train, p.test]) if (Number.isFinite(v)) maxLoss = Math.max(maxLoss, v);
  if (maxLoss === 0) maxLoss = 1;
  const x = (s: number): number => pad.l + (s / maxStep) * W;
  const y = (v: number): number => pad.t + H * (1 - Math.min(1, Math.max(0, v / maxLoss)));
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = '#57606a';
  ctx.strokeStyle = '#e5e7eb';
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of ticks(0, maxLoss, 4)) {
    const yy = Math.round(y(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(pad.l, yy);
    ctx.lineTo(pad.l + W, yy);
    ctx.stroke();
    ctx.fillText(shortNumber(v), pad.l - 4, yy);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const s of ticks(0, maxStep, 5).filter(Number.isInteger)) {
    const xx = Math.round(x(s)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(xx, pad.t + H);
    ctx.lineTo(xx, pad.t + H + 3);
    ctx.stroke();
    ctx.fillText(shortNumber(s), xx, pad.t + H + 5);
  }
  ctx.strokeStyle = '#8c959f';
  ctx.strokeRect(pad.l + 0.5, pad.t + 0.5, W - 1, H - 1);
  if (points.length === 0) {
    ctx.fillText('no steps yet', pad.l + W / 2, pad.t + H / 2);
    return;
  }
  const line = (color: string, value: (p: CurvePoint) => number): void => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 1.75;
    ctx.beginPath();
    let pen = false;
    for (const p of points) {
      const v = value(p);
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      if (pen) ctx.lineTo(x(p.step), y(v));
      else ctx.moveTo(x(p.step), y(v));
      pen = true;
    }
    ctx.stroke();
  };
  line(CURVE_COLORS.test, (p) => p.test);
  line(CURVE_COLORS.train, (p) => p.train);
}
