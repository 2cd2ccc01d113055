// curves: training and test loss over the steps, with numeric axes, drawn crisp on a canvas.

import { crispContext } from './colors.js';
import { ticks, tickStep } from './heatmap.js';
import { tickText } from './tickText.js';

export interface CurvePoint {
  step: number;
  train: number;
  test: number;
}

export const CURVE_COLORS = { train: '#1b1f24', test: '#b42318' } as const;

export function drawCurves(
  canvas: HTMLCanvasElement,
  cssW: number,
  cssH: number,
  points: readonly CurvePoint[],
): void {
  const ctx = crispContext(canvas, cssW, cssH);
  let maxLoss = 0;
  for (const p of points)
    for (const v of [p.train, p.test]) if (Number.isFinite(v)) maxLoss = Math.max(maxLoss, v);
  if (maxLoss === 0) maxLoss = 1;
  const yStep = tickStep(0, maxLoss, 4);
  const yTicks = ticks(0, maxLoss, 4);
  ctx.font = '10px system-ui, sans-serif';
  // Room on the left for the widest loss label (1.500e+49 is wide), on the right for half the last step label.
  const labelW = Math.max(...yTicks.map((v) => ctx.measureText(tickText(v, yStep)).width));
  const pad = { l: Math.ceil(labelW) + 8, r: 18, t: 8, b: 20 };
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, cssW, cssH);
  const W = cssW - pad.l - pad.r;
  const H = cssH - pad.t - pad.b;
  const last = points.at(-1);
  const maxStep = Math.max(1, last?.step ?? 1);
  const x = (s: number): number => pad.l + (s / maxStep) * W;
  const y = (v: number): number => pad.t + H * (1 - Math.min(1, Math.max(0, v / maxLoss)));
  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = '#57606a';
  ctx.strokeStyle = '#e5e7eb';
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const v of yTicks) {
    const yy = Math.round(y(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(pad.l, yy);
    ctx.lineTo(pad.l + W, yy);
    ctx.stroke();
    ctx.fillText(tickText(v, yStep), pad.l - 4, yy);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xStep = Math.max(1, tickStep(0, maxStep, 5));
  for (const s of ticks(0, maxStep, 5).filter(Number.isInteger)) {
    const xx = Math.round(x(s)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(xx, pad.t + H);
    ctx.lineTo(xx, pad.t + H + 3);
    ctx.stroke();
    // The last label may still be wider than the margin: keep it inside the canvas.
    const text = tickText(s, xStep);
    const half = ctx.measureText(text).width / 2;
    ctx.fillText(text, Math.min(xx, cssW - 1 - half), pad.t + H + 5);
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
