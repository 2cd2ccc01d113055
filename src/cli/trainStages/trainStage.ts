// trainStage: the steps of a training run, with a progress bar on a terminal or plain lines elsewhere.

import { SingleBar } from 'cli-progress';
import { checkDivergence, dataScale, DivergenceError, type StepResult } from '../../nn/index.js';
import { CliError } from '../CliError.js';
import type { Metrics, TrainConfig } from '../trainRun.js';
import type { LoadedRun } from './loadStage.js';

export interface EpochMetrics {
  epoch: number;
  step: number;
  train: Metrics;
  test?: Metrics;
}

export interface TrainedRun {
  log: StepResult[];
  epochs: EpochMetrics[];
  msPerStep: number;
  /** performance.now() when the first step began (the run's wall time counts from here). */
  t0: number;
}

export const fmt = (x: number): string => x.toPrecision(6);
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The score beside a loss: accuracy, or R² for regression (which has no classes). */
export const scoreText = (m: { accuracy: number; r2?: number }): string =>
  m.r2 === undefined ? `accuracy ${pct(m.accuracy)}` : `R² ${fmt(m.r2)}`;

/** A divergence at `step` (loss against the best before it), in the flags' words, as a CliError exiting 2. */
export function divergedError(cfg: TrainConfig, step: number, loss: number, best: number): CliError | null {
  const d = checkDivergence(step, loss, best, {
    lr: cfg.lr,
    alpha: cfg.alpha,
    ...(cfg.noise === undefined ? {} : { noise: cfg.noise }),
    dataScale: dataScale(cfg.data.X),
    optimizer: cfg.optimizer,
    names: { lr: '--lr', alpha: '--alpha', noise: '--noise', data: 'CSV columns' },
  });
  return d && new CliError(`training diverged: ${d.reason}; nothing written. Hint: ${d.hint}`, 2);
}

export function trainStage(cfg: TrainConfig, run: LoadedRun, write: (s: string) => void): TrainedRun {
  const { trainer, steps, perEpoch, testData } = run;
  // Per-epoch lines (train and test loss and accuracy) when there is a test split or epochs were asked for.
  const byEpoch = cfg.epochs !== undefined || testData !== undefined;
  const bar = cfg.tty
    ? new SingleBar({
        format: 'train |{bar}| step {value}/{total} | loss {loss} | {acc} | {ms} ms/step',
        barsize: 30,
        hideCursor: true,
        clearOnComplete: true,
        stream: process.stdout,
      })
    : null;
  bar?.start(steps, 0, { loss: '-', acc: '-', ms: '-' });
  const every = Math.max(1, Math.ceil(steps / 100));
  const log: StepResult[] = [];
  const epochs: EpochMetrics[] = [];
  const t0 = performance.now();
  // Steps run in stretches up to the next step that prints or evaluates: within one, the Trainer keeps the
  // parameters in typed arrays (Trainer.run) and the model's Values are brought up to date at its end.
  const stopsAt = (s: number): boolean =>
    s === steps - 1 || (byEpoch ? (s + 1) % perEpoch === 0 : !bar && s % every === 0);
  const onStep = (r: StepResult): void => {
    log.push(r);
    const ms = (performance.now() - t0) / log.length;
    bar?.update(log.length, { loss: fmt(r.loss), acc: scoreText(r), ms: ms.toFixed(1) });
  };
  for (let s = 0; s < steps; s++) {
    let end = s;
    while (!stopsAt(end)) end++;
    try {
      trainer.run(end - s + 1, onStep);
    } catch (e) {
      bar?.stop();
      if (!(e instanceof DivergenceError)) throw e;
      const { step, loss, best } = e.divergence;
      throw divergedError(cfg, step, loss, best)!;
    }
    s = end;
    const r = log[s]!;
    const ms = (performance.now() - t0) / (s + 1);
    if (byEpoch) {
      const e = { epoch: Math.ceil((s + 1) / perEpoch), step: s, train: trainer.evaluate() };
      const test = testData && trainer.evaluate(testData);
      epochs.push(test ? { ...e, test } : e);
      bar?.stop();
      write(
        `epoch ${e.epoch}: train loss ${fmt(e.train.loss)}, ${scoreText(e.train)}` +
          `${test ? ` | test loss ${fmt(test.loss)}, ${scoreText(test)}` : ''}\n`,
      );
      if (s < steps - 1)
        bar?.start(steps, s + 1, { loss: fmt(r.loss), acc: scoreText(r), ms: ms.toFixed(1) });
    } else if (!bar) {
      write(`step ${s} loss ${fmt(r.loss)}, ${scoreText(r)}\n`);
    }
  }
  const msPerStep = (performance.now() - t0) / steps;
  bar?.stop();
  return { log, epochs, msPerStep, t0 };
}
