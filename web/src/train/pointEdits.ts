// pointEdits: the user's own data — a clicked point added or removed, or a CSV read as
// `micrograd train --dataset file.csv` reads it.

import { parseCsv } from '../../../src/data/parseCsv.js';
import { inferTask } from '../../../src/nn/task.js';
import { MIN_POINTS, type TrainConfig } from './config.js';
import { MAX_POINTS, roundCoord, roundLabel, type Point } from './points.js';

interface Shown {
  X: number[][];
  y: number[];
}

/** The points on screen as a custom dataset (a generated set becomes editable this way). */
function currentPoints(c: TrainConfig, shown: Shown): Point[] {
  if (c.dataset === 'custom') return c.points.slice();
  return shown.X.map((p, i) => ({ x: roundCoord(p[0]!), y: roundCoord(p[1]!), c: roundLabel(shown.y[i]!) }));
}

/** The config with a point of the selected class (for regression, -1 or +1) added at `at`, or why not. */
export function addPoint(c: TrainConfig, shown: Shown, at: { x: number; y: number }): TrainConfig | string {
  const points = currentPoints(c, shown);
  if (points.length >= MAX_POINTS)
    return `A dataset holds at most ${MAX_POINTS} points; shift-click to remove some first.`;
  const label = c.problem === 'regression' ? c.paint * 2 - 1 : c.paint;
  points.push({ x: roundCoord(at.x), y: roundCoord(at.y), c: label });
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
  if (points.length <= MIN_POINTS) return `A dataset needs at least ${MIN_POINTS} points.`;
  points.splice(best, 1);
  return { ...c, dataset: 'custom', points };
}

/**
 * The config with the CSV's points as its data, or the reason they cannot be used. Labels that are not
 * all 0 or 1 make it a regression problem, as `micrograd train` infers it from a file.
 */
export function loadCsv(c: TrainConfig, text: string): TrainConfig | string {
  let data;
  try {
    data = parseCsv(text);
  } catch (e) {
    return (e as Error).message.replace(/^parseCsv: /, 'CSV: ');
  }
  if (data.X[0]!.length !== 2) return `CSV: expected 3 columns (x1, x2, label), got ${data.X[0]!.length + 1}`;
  if (data.X.length < MIN_POINTS || data.X.length > MAX_POINTS)
    return `CSV: expected ${MIN_POINTS} to ${MAX_POINTS} points, got ${data.X.length}`;
  const far = data.X.findIndex((p) => Math.abs(p[0]!) > 1e6 || Math.abs(p[1]!) > 1e6);
  if (far >= 0) return `CSV: point ${far + 1}: expected coordinates within ±1e6`;
  const big = data.y.findIndex((v) => Math.abs(v) > 1e6);
  if (big >= 0) return `CSV: point ${big + 1}: expected a label within ±1e6`;
  const twoClasses = data.y.every((v) => v === 0 || v === 1);
  const problem = twoClasses && inferTask(data.y) === 'classification' ? c.problem : 'regression';
  const points: Point[] = data.X.map((p, i) => ({
    x: roundCoord(p[0]!),
    y: roundCoord(p[1]!),
    c: roundLabel(data.y[i]!),
  }));
  return { ...c, problem, dataset: 'custom', points, loss: problem === 'regression' ? 'mse' : c.loss };
}
