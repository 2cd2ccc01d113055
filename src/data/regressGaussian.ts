// regressGaussian: TensorFlow Playground's "multi-gaussian" regression data — six bumps of ±1 on a 2×3 grid.

import type { Dataset } from './Dataset.js';
import { sampleRegression, type RegressOptions } from './regressPlane.js';

/** Playground's bumps: centre (x₁, x₂) and sign. */
const BUMPS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

/**
 * The label at (a, b): of the six bumps' values sign·max(0, 1 - d/2) (d the distance to the bump's
 * centre), the one largest in size — Playground's clamped linear map of [0, 2] onto [1, 0].
 *
 * @param a - The first coordinate.
 * @param b - The second coordinate.
 */
export function gaussianLabel(a: number, b: number): number {
  let label = 0;
  for (const [cx, cy, sign] of BUMPS) {
    const d = Math.hypot(a - cx, b - cy);
    const v = sign * Math.min(1, Math.max(0, 1 - d / 2));
    if (Math.abs(v) > Math.abs(label)) label = v;
  }
  return label;
}

/**
 * Points uniform in [-6, 6]², each labelled by `gaussianLabel` at its noise-moved position (targets in
 * [-1, 1]). *
 * @param opts - `nSamples`, `noise`, `seed` (see RegressOptions).
 * @returns The points `X` and their labels `y`.
 * @throws TypeError when `opts` is not an object or has an unknown key, `seed` is not an integer or
 * `shuffle` not a boolean.
 * @throws RangeError when a count is not a positive integer or a size not a finite number ≥ 0.
 */
export function regressGaussian(opts?: RegressOptions): Dataset {
  return sampleRegression(opts, 'regressGaussian(opts)', gaussianLabel);
}
