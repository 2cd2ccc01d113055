// divergence: when a run has blown up (a non-finite loss or weight, or a loss grown by orders of magnitude),
// and what the user could change.

import type { Value } from '../../../src/engine/value.js';

export interface Divergence {
  step: number;
  /** What happened, in one sentence. */
  why: string;
}

/** Growth over the first step's loss past which a run counts as exploding (healthy runs only shrink it). */
const GROWTH = 1e3;

export function checkDivergence(
  loss: number,
  firstLoss: number,
  params: readonly Value[],
  step: number,
): Divergence | null {
  if (!Number.isFinite(loss)) return { step, why: `the loss became ${loss}` };
  if (loss > GROWTH * Math.max(firstLoss, 1))
    return { step, why: `the loss grew from ${firstLoss.toPrecision(3)} to ${loss.toPrecision(3)}` };
  for (const p of params) if (!Number.isFinite(p.data)) return { step, why: `a weight became ${p.data}` };
  return null;
}

/** What to change, read from the settings that most likely caused the blow-up. */
export function divergenceHint(c: {
  lr: number;
  optimizer: string;
  regularization: string;
  regRate: number;
  loss: string;
}): string {
  if (c.regularization !== 'none' && c.lr * c.regRate >= 1)
    return `lower the regularization rate below ${+(1 / c.lr).toPrecision(2)} (each step moves a weight by lr × rate × its size, which overshoots at 1 or more)`;
  const smaller = +(c.lr / 10).toPrecision(2);
  const alt = c.optimizer === 'sgd' ? ', or switch to Adam' : '';
  const mse = c.loss === 'mse' ? '; MSE on a wide network is the most sensitive loss to a large rate' : '';
  return `lower the learning rate to ${smaller}${alt}${mse}, then Reset`;
}
