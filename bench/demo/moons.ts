// Two interleaving half circles with Gaussian noise (scikit-learn's make_moons), labels -1 / +1.
//
// Bench-local stand-in for src/data's makeMoons: swap the import in demoSetup.ts when that lands.
import { Rng } from '../../src/data/Rng.js';

export interface Moons {
  X: number[][];
  y: number[];
}

/** `n` points, the first half on the upper moon (label -1), the rest on the lower (label +1). */
export function moons(n: number, noise: number, seed: number): Moons {
  const rng = new Rng(seed);
  const nOut = Math.floor(n / 2);
  const nIn = n - nOut;
  const X: number[][] = [];
  const y: number[] = [];
  const t = (i: number, m: number): number => (m === 1 ? 0 : (Math.PI * i) / (m - 1));
  for (let i = 0; i < nOut; i++) {
    X.push([Math.cos(t(i, nOut)) + rng.normal(0, noise), Math.sin(t(i, nOut)) + rng.normal(0, noise)]);
    y.push(-1);
  }
  for (let i = 0; i < nIn; i++) {
    X.push([
      1 - Math.cos(t(i, nIn)) + rng.normal(0, noise),
      0.5 - Math.sin(t(i, nIn)) + rng.normal(0, noise),
    ]);
    y.push(1);
  }
  return { X, y };
}
