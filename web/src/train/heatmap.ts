// heatmap: the decision boundary as colour under the data points, on a canvas.

import type { Bounds } from './TrainingRun.js';

/** Class 0 and class 1 colours (orange and blue: distinct for the common colour-vision deficiencies). */
const CLASS_RGB: ReadonlyArray<readonly [number, number, number]> = [
  [230, 120, 20],
  [20, 90, 200],
];

export interface HeatmapState {
  X: number[][];
  y: number[];
  bounds: Bounds;
  grid?: { res: number; scores: Float32Array };
}

/** Draw the scores (positive: class 1) as a smooth field, then the points on top. */
export function drawHeatmap(canvas: HTMLCanvasElement, s: HeatmapState): void {
  const ctx = canvas.getContext('2d')!;
  const { width: W, height: H } = canvas;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  if (s.grid !== undefined) {
    const { res, scores } = s.grid;
    const small = new OffscreenCanvas(res, res);
    const sctx = small.getContext('2d')!;
    const img = sctx.createImageData(res, res);
    for (let i = 0; i < res * res; i++) {
      const sc = scores[i]!;
      const [r, g, b] = CLASS_RGB[sc > 0 ? 1 : 0]!;
      // Confidence fades to white at the boundary, so the boundary itself reads as a light band.
      const t = Number.isFinite(sc) ? Math.tanh(Math.abs(sc)) * 0.55 : 0;
      img.data[i * 4] = 255 + (r - 255) * t;
      img.data[i * 4 + 1] = 255 + (g - 255) * t;
      img.data[i * 4 + 2] = 255 + (b - 255) * t;
      img.data[i * 4 + 3] = 255;
    }
    sctx.putImageData(img, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(small, 0, 0, W, H);
  }
  const { x0, x1, y0, y1 } = s.bounds;
  const r = Math.max(3, W / 110);
  s.X.forEach((p, i) => {
    const px = ((p[0]! - x0) / (x1 - x0)) * W;
    const py = ((y1 - p[1]!) / (y1 - y0)) * H;
    const [cr, cg, cb] = CLASS_RGB[s.y[i] === 1 ? 1 : 0]!;
    ctx.beginPath();
    ctx.arc(px, py, r, 0, 2 * Math.PI);
    ctx.fillStyle = `rgb(${cr},${cg},${cb})`;
    ctx.fill();
    ctx.lineWidth = 1.5;
    ctx.strokeStyle = '#ffffff';
    ctx.stroke();
  });
}
