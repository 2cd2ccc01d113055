// divergence: the page's words for a run that blew up — the library's shared check and hint, read with the
// run's current settings (they may have changed since it started), plus the page's own regularization.

import { checkDivergence, dataScale, type Divergence } from '../../../src/nn/divergence.js';
import { formatCompact } from '../../../src/viz/formatCompact.js';
import type { TrainConfig } from './config.js';

export interface PageDivergence {
  step: number;
  /** What happened, e.g. "the loss became NaN on step 3" (counted from 1, as the page counts steps). */
  why: string;
  /** What to change, e.g. "try a learning rate of 0.1". */
  hint: string;
  /** The lowest loss before it (Infinity if none). */
  best: number;
  /** When a weight, not the loss, went bad: what became of it ("a weight became NaN"). */
  weight?: string;
}

type Settings = Pick<TrainConfig, 'lr' | 'optimizer' | 'regularization' | 'regRate' | 'noise' | 'dataset'>;

/** Explain a divergence (the Trainer's, or a weight gone bad) for a run with settings `s` on the points `X`. */
export function explainDivergence(
  d: Pick<Divergence, 'step' | 'loss' | 'best' | 'reason'>,
  s: Settings,
  X: readonly number[][],
): PageDivergence {
  // A non-finite loss always counts, so the shared check gives its hint for any reason passed in.
  const again = checkDivergence(d.step, Number.isFinite(d.loss) ? d.loss : NaN, d.best, {
    lr: s.lr,
    optimizer: s.optimizer,
    ...(s.dataset === 'custom' ? {} : { noise: s.noise }),
    dataScale: dataScale(X),
    names: { lr: 'a learning rate of', noise: 'noise', data: 'points' },
  });
  // Playground's decay moves each weight by lr·rate·w per step: at 1 or more it overshoots zero.
  if (s.regularization !== 'none' && s.lr * s.regRate >= 1) {
    return {
      ...facts(d),
      hint: `try a regularization rate below ${+(1 / s.lr).toPrecision(2)} (lr × rate ≥ 1 overshoots zero)`,
    };
  }
  const adam = s.optimizer === 'sgd' && again?.cause === 'lr' ? ', or Adam' : '';
  return { ...facts(d), hint: `${again?.hint ?? 'try a smaller learning rate'}${adam}` };
}

function facts(d: Pick<Divergence, 'step' | 'loss' | 'best' | 'reason'>): Omit<PageDivergence, 'hint'> {
  const weight = /^the loss /.test(d.reason) ? {} : { weight: d.reason.replace(/ at step \d+$/, '') };
  return { step: d.step, why: pageReason(d), best: d.best, ...weight };
}

/** The library counts steps from 0; the page's step counter from 1 (steps taken), so say it the page's way. */
function pageReason(d: Pick<Divergence, 'step' | 'loss' | 'best' | 'reason'>): string {
  const on = `on step ${d.step + 1}`;
  if (!/^the loss /.test(d.reason)) return `${d.reason.replace(/ at step \d+$/, '')} ${on}`;
  if (!Number.isFinite(d.loss)) return `the loss became ${d.loss} ${on}`;
  return `the loss grew from ${formatCompact(d.best)} to ${formatCompact(d.loss)} ${on}`;
}

/** The first non-finite weight's value, if any (Adam can leave the loss finite one step longer). */
export function badWeight(params: readonly { data: number }[]): number | undefined {
  for (const p of params) if (!Number.isFinite(p.data)) return p.data;
  return undefined;
}
