// pointEdits: the user's own data — a clicked point added or removed, or a CSV read as `micrograd train --csv`.

import { parseCsv } from '../../../src/data/parseCsv.js';
import type { TrainConfig } from './config.js';
import { MAX_POINTS, roundCoord, type Point } from './points.js';

interface Shown {
  X: number[][];
  y: number[];
}

/** The points on screen as a custom dataset (a generated set becomes editable this way). */
function currentPoints(c: TrainConfig, shown: Shown): Point[] {
  if (c.dataset === 'custom') return c.points.slice();
  return shown.X.map((p, i) => ({ x: roundCoord(p[0]!), y: roundCoord(p[1]!), c: shown.y[i] === 1 ? 1 : 0 }));
}

/** The config with a point of the selected class added at `at`, or why not. */
export function addPoint(c: TrainConfig, shown: Shown, at: { x: number; y: number }): TrainConfig | string {
  const points = currentPoints(c, shown);
  if (points.length >= MAX_POINTS)
    return `A dataset holds at most ${MAX_POINTS} points; shift-click to remove some first.`;
  points.push({ x: roundCoord(at.x), y: roundCoord(at.y), c: c.paint });
  return { ...c, dataset: 'custom', points };
}

/** The config without the point nearest `at` (within `radius`), or why not. */
export function removePointNear(
  c: TrainConfig,
  shown: Shown,
  at: { x: number; y: number },
  radius: number,
): TrainConfig | string {
  const points = currentPoints(c, shown);
  let best = -1;
  let bestD = radius;
  points.forEach((p, i) => {
    const d = Math.hypot(p.x - at.x, p.y - at.y);
    if (d <= bestD) {
      best = i;
      bestD = d;
    }
  });
  if (best < 0) return 'No point there to remove (shift-click on a point).';
  if (points.length <= 10) return 'A dataset needs at least 10 points.';
  points.splice(best, 1);
  return { ...c, dataset: 'custom', points };
}

/** The config with the CSV's points as its data, or the reason they cannot be used. */
export function loadCsv(c: TrainConfig, text: string): TrainConfig | string {
  let data;
  try {
    data = parseCsv(text);
  } catch (e) {
    return (e as Error).message.replace(/^parseCsv: /, 'CSV: ');
  }
  if (data.X[0]!.length !== 2) return `CSV: expected 3 columns (x1, x2, class), got ${data.X[0]!.length + 1}`;
  const bad = data.y.findIndex((v) => v !== 0 && v !== 1);
  if (bad >= 0) return `CSV: point ${bad + 1}: expected class 0 or 1, got ${data.y[bad]}`;
  if (data.X.length < 10 || data.X.length > MAX_POINTS)
    return `CSV: expected 10 to ${MAX_POINTS} points, got ${data.X.length}`;
  const far = data.X.findIndex((p) => Math.abs(p[0]!) > 1e6 || Math.abs(p[1]!) > 1e6);
  if (far >= 0) return `CSV: point ${far + 1}: expected coordinates within ±1e6`;
  const points: Point[] = data.X.map((p, i) => ({
    x: roundCoord(p[0]!),
    y: roundCoord(p[1]!),
    c: data.y[i] === 1 ? 1 : 0,
  }));
  return { ...c, dataset: 'custom', points };
}
