// saveStage: stage a run's model.json and metrics.json (renamed into place only when the whole run is staged).

import type { AtomicFiles } from '../AtomicFiles.js';
import type { TrainConfig } from '../trainRun.js';
import type { EvaluatedRun } from './evaluateStage.js';
import type { LoadedRun } from './loadStage.js';
import type { TrainedRun } from './trainStage.js';

export function saveStage(
  staged: AtomicFiles,
  cfg: TrainConfig,
  run: LoadedRun,
  trained: TrainedRun,
  result: EvaluatedRun,
): void {
  staged.stage('model.json', `${JSON.stringify(run.model.toJSON(), null, 1)}\n`);
  const { tty: _tty, data: _data, kind: _kind, ...config } = cfg;
  const metrics = {
    config: { ...config, steps: run.steps },
    train: result.final,
    test: result.test,
    seconds: result.seconds,
    final: result.final,
    msPerStep: trained.msPerStep,
    epochs: trained.epochs,
    steps: trained.log,
  };
  staged.stage('metrics.json', `${JSON.stringify(metrics, null, 1)}\n`);
}
