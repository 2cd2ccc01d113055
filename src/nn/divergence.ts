// divergence: has training blown up (a non-finite loss, or one orders of magnitude above its best), and which setting to change.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';

/** The setting a divergence most likely comes from. */
export type DivergenceCause = 'lr' | 'alpha' | 'noise' | 'data';

/** What the run was set to; the hint names the likeliest culprit among these. */
export interface DivergenceSettings {
  /** The learning rate at step 0. */
  lr: number;
  /** L2 strength alpha in alpha·Σp² (default 0). */
  alpha?: number;
  /** The noise the generated data was made with, when it was generated. */
  noise?: number;
  /** The largest |feature| in the data (see `dataScale`). */
  dataScale?: number;
  /** The optimizer, which sets the learning rate a hint suggests (0.1 for SGD, 0.01 for Adam). */
  optimizer?: 'sgd' | 'adam';
  /** How the hint names each setting: `{ lr: '--lr' }` gives "try --lr 0.1". Default the setting's own name. */
  names?: Partial<Record<DivergenceCause, string>>;
}

/** How sensitive the divergence check is. */
export interface DivergenceOptions {
  /** A finite loss this many times above max(best loss, 1) counts as divergence. Default 100 (two orders of magnitude). */
  growth?: number;
}

/** A detected divergence: where, why, and a one-line hint. */
export interface Divergence {
  /** The step whose loss diverged (0-based). */
  step: number;
  /** That step's loss: NaN, ±Infinity, or a finite number far above the best. */
  loss: number;
  /** The lowest loss seen before this step (Infinity if none). */
  best: number;
  /** e.g. "the loss became NaN at step 3" or "the loss grew from 1.26 to 2.1e+21 by step 5". */
  reason: string;
  /** The setting the hint blames. */
  cause: DivergenceCause;
  /** e.g. "try --lr 0.1". */
  hint: string;
}

const KNOWN_SETTINGS = ['lr', 'alpha', 'noise', 'dataScale', 'optimizer', 'names'];

/** The largest |x| over every feature of every row (a loop: data-sized arrays are never spread). */
export function dataScale(X: readonly (readonly number[])[]): number {
  let m = 0;
  for (const row of X) for (const x of row) if (Math.abs(x) > m) m = Math.abs(x);
  return m;
}

const short = (x: number): string => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : String(x));

/** The setting to blame, from the settings alone: huge data first, then a decay that overpowers the step, else lr. */
function likelyCause(s: DivergenceSettings): DivergenceCause {
  const scale = s.dataScale ?? 0;
  if (!(scale <= 1e3)) return s.noise !== undefined && s.noise > 1 ? 'noise' : 'data';
  // SGD's L2 step multiplies each weight by (1 - 2·lr·alpha): at lr·alpha ≥ 0.5 it overshoots zero.
  const alpha = s.alpha ?? 0;
  if (alpha > 1 || alpha * s.lr >= 0.5) return 'alpha';
  return 'lr';
}

function hintFor(cause: DivergenceCause, s: DivergenceSettings): string {
  const name = (c: DivergenceCause): string => s.names?.[c] ?? c;
  switch (cause) {
    case 'lr': {
      const safe = s.optimizer === 'adam' ? 0.01 : 0.1;
      const next = Math.min(safe, Number((s.lr / 10).toPrecision(1)));
      return `try ${name('lr')} ${short(next > 0 ? next : safe)}`;
    }
    case 'alpha':
      return `try ${name('alpha')} 0.0001 (alpha ${short(s.alpha ?? 0)} makes the penalty dominate)`;
    case 'noise':
      return `try ${name('noise')} 0.1 (noise ${short(s.noise ?? 0)} puts inputs near ${short(s.dataScale ?? 0)})`;
    case 'data':
      return `scale the ${name('data')} to about [-1, 1] (inputs reach ${short(s.dataScale ?? 0)})`;
  }
}

/**
 * Whether `loss` at `step` means training has diverged, given the `best` loss seen before it.
 * Pure: the same arguments give the same answer, in Node, Deno, Bun or a browser.
 */
export function checkDivergence(
  step: number,
  loss: number,
  best: number,
  settings: DivergenceSettings,
  opts: DivergenceOptions = {},
): Divergence | null {
  const growth = opts.growth ?? 100;
  let reason: string;
  if (!Number.isFinite(loss)) reason = `the loss became ${loss} at step ${step}`;
  else if (loss > growth * Math.max(best, 1))
    reason = `the loss grew from ${short(best)} to ${short(loss)} by step ${step}`;
  else return null;
  const cause = likelyCause(settings);
  return { step, loss, best, reason, cause, hint: hintFor(cause, settings) };
}

/** Watches losses one step at a time; `observe` answers a Divergence once the run blows up, else null. */
export class DivergenceMonitor {
  private bestLoss = Infinity;
  private readonly settings: DivergenceSettings;
  private readonly growth: number;

  /**
   * A monitor that has seen no loss yet.
   *
   * @param settings - What the run was set to (at least its learning rate), for the hint.
   * @param opts - `growth`: how many times above the best loss counts as divergence (default 100).
   * @throws TypeError when `settings` or `opts` is not an object or has an unknown key.
   * @throws RangeError when `settings.lr` is not a number >= 0, or `opts.growth` not a number > 1.
   */
  constructor(settings: DivergenceSettings, opts: DivergenceOptions = {}) {
    const where = 'new DivergenceMonitor(settings, opts)';
    checkOptions(settings, KNOWN_SETTINGS, where, 'settings');
    checkOptions(opts, ['growth'], where);
    if (typeof settings.lr !== 'number' || !(settings.lr >= 0)) {
      throw new RangeError(
        `${where}: expected settings.lr to be a number >= 0, got ${describe(settings.lr)}`,
      );
    }
    const growth = opts.growth ?? 100;
    if (typeof growth !== 'number' || !(growth > 1)) {
      throw new RangeError(`${where}: expected opts.growth to be a number > 1, got ${describe(growth)}`);
    }
    this.settings = settings;
    this.growth = growth;
  }

  /** The lowest finite loss observed so far (Infinity before the first). */
  get best(): number {
    return this.bestLoss;
  }

  /**
   * Record one step's loss: a {@link Divergence} when it is not finite or is more than `growth` times
   * max(best loss, 1), else null (and a new best when it is lower).
   *
   * @param step - The step's index, quoted in the reason.
   * @param loss - The step's loss.
   */
  observe(step: number, loss: number): Divergence | null {
    const d = checkDivergence(step, loss, this.bestLoss, this.settings, { growth: this.growth });
    if (d === null && loss < this.bestLoss) this.bestLoss = loss;
    return d;
  }
}

/**
 * Thrown by `Trainer.step()` when the loss diverges; `divergence` says where, why and what to try.
 *
 * @example
 * ```ts
 * import { DivergenceError, MLP, Trainer, makeMoons } from 'micrograd-ts';
 *
 * const trainer = new Trainer(new MLP(2, [16, 16, 1]), makeMoons({ nSamples: 100 }), { lr: 50 });
 * try {
 *   for (let k = 0; k < trainer.steps; k++) trainer.step();
 * } catch (err) {
 *   if (!(err instanceof DivergenceError)) throw err;
 *   console.log(err.message); // → the loss grew from 2.15 to 1590 by step 1: try lr 0.1
 *   console.log(err.divergence.cause); // → lr
 * }
 * ```
 */
export class DivergenceError extends Error {
  /** Always `DivergenceError`, so a catch or a log can tell it from other errors. */
  override readonly name = 'DivergenceError';
  /** Where and why the loss diverged, and what to try; the message is its `reason` and `hint`. */
  readonly divergence: Divergence;

  /**
   * An error whose message is the divergence's reason and hint (`the loss became NaN at step 3: try lr 0.1`).
   *
   * @param d - The divergence to report, as {@link checkDivergence} or `DivergenceMonitor.observe` gives it.
   */
  constructor(d: Divergence) {
    super(`${d.reason}: ${d.hint}`);
    this.divergence = d;
  }
}
