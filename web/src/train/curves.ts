// curves: loss and accuracy over the training steps, drawn on a canvas.

export interface CurvePoint {
  step: number;
  loss: number;
  accuracy: number;
}

export function drawCurves(canvas: HTMLCanvasElement, points: readonly CurvePoint[]): void {
  const ctx = canvas.getContext('2d')!;
  const { width: W, height: H } = canvas;
  const pad = { l: 8, r: 8, t: 10, b: 18 };
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, W, H);
  const plotW = W - pad.l - pad.r;
  const plotH = H - pad.t - pad.b;
  ctx.strokeStyle = '#e5e7eb';
  ctx.lineWidth = 1;
  for (const f of [0, 0.5, 1]) {
    const y = pad.t + plotH * (1 - f);
    ctx.beginPath();
    ctx.moveTo(pad.l, y);
    ctx.lineTo(W - pad.r, y);
    ctx.stroke();
  }
  const finite = points.filter((p) => Number.isFinite(p.loss));
  const last = points.at(-1);
  ctx.fillStyle = '#57606a';
  ctx.font = '11px system-ui, sans-serif';
  ctx.fillText(last === undefined ? 'no steps yet' : `step ${last.step}`, pad.l, H - 4);
  if (points.length < 2 || last === undefined) return;
  const maxStep = Math.max(1, last.step);
  const maxLoss = Math.max(1e-9, ...finite.map((p) => p.loss));
  const line = (color: string, value: (p: CurvePoint) => number): void => {
    ctx.strokeStyle = color;
    ctx.lineWidth = 2;
    ctx.beginPath();
    points.forEach((p, i) => {
      const x = pad.l + (p.step / maxStep) * plotW;
      const y = pad.t + plotH * (1 - Math.min(1, Math.max(0, value(p))));
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    ctx.stroke();
  };
  line('#b42318', (p) => (Number.isFinite(p.loss) ? p.loss / maxLoss : 1));
  line('#0b57d0', (p) => p.accuracy);
}
