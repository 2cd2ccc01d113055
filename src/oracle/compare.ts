// compare: does our number agree with PyTorch's? NaN for NaN, the same infinity, else within tolerance.

import type { GraphAnswer } from './graphSpec.js';

export interface Tolerance {
  /** Relative: |ours − torch| ≤ rel·|torch|. */
  rel: number;
  /** Absolute, for results near zero where a relative bound means nothing. */
  abs: number;
}

/**
 * Both engines compute in float64 with the same formulas, so results differ only by the last bits of
 * library functions (tanh, exp, log, pow round differently by an ulp or so, ~1e-16): 1e-12 leaves four
 * decimal digits of headroom for that to compound through a graph while still catching any wrong rule.
 */
export const PARITY_TOLERANCE: Tolerance = { rel: 1e-12, abs: 1e-12 };

/**
 * True when `ours` matches PyTorch's `torch`: NaN ↔ NaN, ±Infinity exactly, finite within `tol`.
 * `scale`, when larger than |torch|, is the size of the terms a sum was made of: where they cancel,
 * the relative tolerance applies to the terms, the precision the sum could have.
 */
export function agrees(ours: number, torch: number, tol: Tolerance = PARITY_TOLERANCE, scale = 0): boolean {
  if (Number.isNaN(torch)) return Number.isNaN(ours);
  if (!Number.isFinite(torch) || !Number.isFinite(ours)) return ours === torch;
  const diff = Math.abs(ours - torch);
  const size = scale > Math.abs(torch) ? scale : Math.abs(torch); // a NaN scale falls back to |torch|
  return diff <= tol.abs || diff <= tol.rel * size;
}

export interface Mismatch {
  /** Index of the node in the graph spec. */
  node: number;
  field: 'value' | 'grad';
  ours: number;
  torch: number;
}

/** Every node whose value or gradient disagrees with PyTorch's answer. */
export function mismatches(
  ours: GraphAnswer,
  torch: GraphAnswer,
  tol: Tolerance = PARITY_TOLERANCE,
): Mismatch[] {
  const out: Mismatch[] = [];
  const n = torch.values.length;
  if (ours.values.length !== n || ours.grads.length !== n || torch.grads.length !== n) {
    throw new RangeError(
      `answers have different sizes: ours ${ours.values.length}/${ours.grads.length}, torch ${n}/${torch.grads.length}`,
    );
  }
  for (let i = 0; i < n; i++) {
    if (!agrees(ours.values[i]!, torch.values[i]!, tol)) {
      out.push({ node: i, field: 'value', ours: ours.values[i]!, torch: torch.values[i]! });
    }
    if (!agrees(ours.grads[i]!, torch.grads[i]!, tol)) {
      out.push({ node: i, field: 'grad', ours: ours.grads[i]!, torch: torch.grads[i]! });
    }
  }
  return out;
}
