// regressPlane: TensorFlow Playground's "plane" regression data — a tilted plane over a 12×12 square.

import { sampleOptions, type Dataset } from './Dataset.js';

/** The options of `regressPlane` and `regressGaussian`; every one has a default. */
export interface RegressOptions {
  /** Number of points. Default 100. */
  nSamples?: number;
  /**
   * Playground's noise: the label is read at the point moved by up to ±6·noise in each coordinate (uniform),
   * so the targets scatter while the points stay where they are. Default 0.
   */
  noise?: number;
  /** Seed of the random generator (an integer): the same seed gives the same points. Default 0. */
  seed?: number;
  /** Ignored (points are drawn in random order already); accepted for a uniform API. */
  shuffle?: boolean;
}

/** Half the side of the square the points are drawn from, as in Playground. */
export const REGRESS_RADIUS = 6;

/**
 * Points uniform in [-6, 6]², each labelled (x₁ + x₂)/10 at its noise-moved position: targets in about
 * [-1.2, 1.2] (Playground's linear map of [-10, 10] onto [-1, 1]). *
 * @param opts - `nSamples`, `noise`, `seed` (see RegressOptions).
 * @returns The points `X` and their labels `y`.
 * @throws TypeError when `opts` is not an object or has an unknown key, `seed` is not an integer or
 * `shuffle` not a boolean.
 * @throws RangeError when a count is not a positive integer or a size not a finite number ≥ 0.
 */
export function regressPlane(opts?: RegressOptions): Dataset {
  return sampleRegression(opts, 'regressPlane(opts)', (x1, x2) => (x1 + x2) / 10);
}

/**
 * Playground's regression sampling, shared by its datasets: `n` points uniform in [-6, 6]², each labelled
 * `label(x₁ + ε₁, x₂ + ε₂)` at a noise-moved position (ε uniform in [-6, 6]·noise), drawn in Playground's order.
 */
export function sampleRegression(
  opts: RegressOptions | undefined,
  where: string,
  label: (x1: number, x2: number) => number,
): Dataset {
  const { n, noise, rng } = sampleOptions(opts, where);
  const r = REGRESS_RADIUS;
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = rng.uniform(-r, r);
    const b = rng.uniform(-r, r);
    const na = rng.uniform(-r, r) * noise;
    const nb = rng.uniform(-r, r) * noise;
    X.push([a, b]);
    y.push(label(a + na, b + nb));
  }
  return { X, y };
}
