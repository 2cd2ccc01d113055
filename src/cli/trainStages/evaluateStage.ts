// evaluateStage: the trained model's loss and accuracy on the training (and test) samples, refused if it blew up.

import type { Metrics, TrainConfig } from '../trainRun.js';
import type { LoadedRun } from './loadStage.js';
import { divergedError, fmt, scoreText, type TrainedRun } from './trainStage.js';

export interface EvaluatedRun {
  /** The training split after the last step. */
  final: Metrics;
  test: Metrics | undefined;
  /** Training wall time (evaluations included, pictures excluded). */
  seconds: number;
}

/**
 * Each step's loss is checked before its update, so the last update is only seen here: the final loss goes
 * through the same divergence check against the best step loss (`--steps 1 --lr 1000` is refused like
 * `--steps 2`), and nothing is written for a run that blew up.
 */
export function evaluateStage(
  cfg: TrainConfig,
  run: LoadedRun,
  trained: TrainedRun,
  write: (s: string) => void,
): EvaluatedRun {
  const { trainer, data, testData, steps } = run;
  const final = trainer.evaluate();
  let best = Infinity;
  for (const r of trained.log) if (r.loss < best) best = r.loss;
  const diverged = divergedError(cfg, steps, final.loss, best);
  if (diverged !== null) throw diverged;
  const test = testData && trainer.evaluate(testData);
  const seconds = (performance.now() - trained.t0) / 1000;
  write(
    `final: loss ${fmt(final.loss)}, ${scoreText(final)} on all ${data.X.length} ${test ? 'training ' : ''}samples` +
      `${test && testData ? `; test loss ${fmt(test.loss)}, ${scoreText(test)} on ${testData.X.length} held-out samples` : ''}` +
      ` (${trained.msPerStep.toFixed(1)} ms/step, ${seconds.toFixed(1)} s)\n`,
  );
  return { final, test, seconds };
}
