// trainTwin: two identical models trained side by side, one on the compiled tape and one eagerly.
import { makeBlobs, makeMoons, MLP, Trainer, type LossName, type TrainOptions } from '../../src/index.js';

/** Train two identical models, one per engine; each run's step results, final parameters and evaluation. */
export function trainTwin(loss: LossName, opts: TrainOptions, classes = 2, steps = 8) {
  const data =
    classes === 2
      ? makeMoons({ nSamples: 40, noise: 0.1, seed: 3 })
      : makeBlobs({ nSamples: 45, centers: classes, seed: 3 });
  const outs = loss === 'cross-entropy' ? classes : 1;
  const run = (compile: boolean) => {
    const model = new MLP(2, [8, 8, outs], { seed: 11, activation: 'tanh' });
    const t = new Trainer(model, data, { ...opts, loss, steps, compile });
    const log = Array.from({ length: steps }, () => t.step());
    return { t, log, params: model.parameters().map((p) => p.data), test: t.evaluate(data) };
  };
  return { tape: run(true), eager: run(false) };
}
