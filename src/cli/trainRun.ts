// trainRun: `micrograd train` without the flag parsing — train, show progress, write the model, metrics
// and pictures.

import { SingleBar } from 'cli-progress';
import { classCount, trainTestSplit, type Dataset } from '../data/index.js';
import {
  checkDivergence,
  dataScale,
  DivergenceError,
  MLP,
  predictClass,
  Trainer,
  type Activation,
  type Init,
  type LossName,
  type StepResult,
} from '../nn/index.js';
import { CliError } from './CliError.js';
import { misclassifiedTiles } from './misclassified.js';
import { AtomicFiles } from './outFolder.js';
import { MissingPackageError } from '../viz/loadOptional.js';
import type { TopLevelSpec } from '../viz/vegaLiteToSvg.js';

/** Every picture a run may write; left out together when a picture package is missing. */
const PICTURE_FILES = (): string[] => RUN_FILES.filter((f) => !f.endsWith('.json'));

export interface TrainConfig {
  dataset: string;
  data: Dataset;
  layers: number[];
  activation: Activation;
  init: Init;
  loss: LossName;
  optimizer: 'sgd' | 'adam';
  lr: number;
  schedule: 'decay' | 'constant';
  steps: number;
  /** When set, steps = epochs × ceil(training samples / batch size). */
  epochs: number | undefined;
  batchSize: number | undefined;
  /** Fraction of the samples held out (seeded split); 0: train on everything, no test metrics. */
  testFraction: number;
  alpha: number;
  /** The noise generated data was made with (names --noise as a likely cause of divergence); undefined for a CSV. */
  noise?: number;
  seed: number;
  out: string | undefined;
  /** Replay a compiled tape (the full batch's graph, or one sample's over each minibatch); false forces eager. */
  compile: boolean;
  /** false: plain lines instead of a progress bar (stdout is not a terminal). */
  tty: boolean;
}

/** Every file a run may write into its folder. */
export const RUN_FILES = [
  'model.json',
  'metrics.json',
  'decision-boundary.svg',
  'decision-boundary.png',
  'curves.svg',
  'curves.png',
  'misclassified.svg',
  'misclassified.png',
];

export interface Metrics {
  loss: number;
  accuracy: number;
}

export interface TrainSummary {
  log: StepResult[];
  /** The training split after the last step (what earlier versions called `final`). */
  final: Metrics;
  test: Metrics | undefined;
  /** Training wall time (evaluations included, pictures excluded). */
  seconds: number;
  msPerStep: number;
  files: string[];
}

const fmt = (x: number): string => x.toPrecision(6);
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The Trainer's divergence, re-hinted in the flags' words, as a CliError that exits with code 2. */
function divergedError(e: DivergenceError, cfg: TrainConfig): CliError {
  const { step, loss, best } = e.divergence;
  const d = checkDivergence(step, loss, best, {
    lr: cfg.lr,
    alpha: cfg.alpha,
    ...(cfg.noise === undefined ? {} : { noise: cfg.noise }),
    dataScale: dataScale(cfg.data.X),
    optimizer: cfg.optimizer,
    names: { lr: '--lr', alpha: '--alpha', noise: '--noise', data: 'CSV columns' },
  })!;
  return new CliError(`training diverged: ${d.reason}; nothing written. Hint: ${d.hint}`, 2);
}

export async function trainRun(cfg: TrainConfig, write: (s: string) => void): Promise<TrainSummary> {
  const all = cfg.data;
  const split =
    cfg.testFraction > 0 ? trainTestSplit(all, { testFraction: cfg.testFraction, seed: cfg.seed }) : null;
  const data = split?.train ?? all;
  const testData = split?.test;
  const nin = data.X[0]!.length;
  // Classes of the whole dataset (a loop, not Math.max(...y)): a split may miss the rarest class.
  const outs = cfg.loss === 'cross-entropy' ? classCount(all.y) : 1;
  if (cfg.batchSize !== undefined && cfg.batchSize > data.X.length) {
    throw new CliError(
      `--batch-size ${cfg.batchSize}: expected at most the ${data.X.length} ${testData ? 'training ' : ''}samples`,
    );
  }
  const model = new MLP(nin, [...cfg.layers, outs], {
    activation: cfg.activation,
    init: cfg.init,
    seed: cfg.seed,
  });
  const perEpoch = Math.ceil(data.X.length / Math.min(cfg.batchSize ?? data.X.length, data.X.length));
  const steps = cfg.epochs === undefined ? cfg.steps : cfg.epochs * perEpoch;
  const trainer = new Trainer(model, data, {
    loss: cfg.loss,
    optimizer: cfg.optimizer,
    lr: cfg.schedule === 'decay' ? (s: number) => cfg.lr - (0.9 * cfg.lr * s) / steps : cfg.lr,
    steps,
    alpha: cfg.alpha,
    ...(cfg.batchSize === undefined ? {} : { batchSize: cfg.batchSize }),
    seed: cfg.seed,
    compile: cfg.compile,
  });
  write(
    `${String(model).length > 120 ? `MLP ${[nin, ...model.nouts].join('-')}` : String(model)}, ${model.parameters().length} parameters\n`,
  );
  write(
    `${data.X.length} samples of ${cfg.dataset}${testData ? ` (${testData.X.length} more held out for testing)` : ''}, ${cfg.loss} loss + ${cfg.alpha}·Σp², ${cfg.optimizer} lr ${cfg.lr}` +
      `${cfg.schedule === 'decay' ? ` decaying to ${cfg.lr / 10}` : ''}, ${steps} steps${cfg.epochs === undefined ? '' : ` (${cfg.epochs} epochs)`}, batch ${trainer.batchSize}\n`,
  );
  write(
    trainer.engine === 'tape'
      ? `engine: compiled tape (${trainer.batchSize === data.X.length ? 'the graph is recorded once and replayed every step' : "one sample's graph is recorded once and replayed over every batch"}; --no-compile for eager)\n`
      : 'engine: eager (the graph is rebuilt every step, as --no-compile asks)\n',
  );

  // Per-epoch lines (train and test loss and accuracy) when there is a test split or epochs were asked for.
  const byEpoch = cfg.epochs !== undefined || testData !== undefined;
  const bar = cfg.tty
    ? new SingleBar({
        format: 'train |{bar}| step {value}/{total} | loss {loss} | accuracy {acc} | {ms} ms/step',
        barsize: 30,
        hideCursor: true,
        clearOnComplete: true,
        stream: process.stdout,
      })
    : null;
  bar?.start(steps, 0, { loss: '-', acc: '-', ms: '-' });
  const every = Math.max(1, Math.ceil(steps / 100));
  const log: StepResult[] = [];
  const epochs: Array<{ epoch: number; step: number; train: Metrics; test?: Metrics }> = [];
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) {
    let r: StepResult;
    try {
      r = trainer.step();
    } catch (e) {
      bar?.stop();
      if (!(e instanceof DivergenceError)) throw e;
      throw divergedError(e, cfg);
    }
    log.push(r);
    const ms = (performance.now() - t0) / (s + 1);
    bar?.update(s + 1, { loss: fmt(r.loss), acc: pct(r.accuracy), ms: ms.toFixed(1) });
    if (byEpoch && ((s + 1) % perEpoch === 0 || s === steps - 1)) {
      const e = { epoch: Math.ceil((s + 1) / perEpoch), step: s, train: trainer.evaluate() };
      const test = testData && trainer.evaluate(testData);
      epochs.push(test ? { ...e, test } : e);
      bar?.stop();
      write(
        `epoch ${e.epoch}: train loss ${fmt(e.train.loss)}, accuracy ${pct(e.train.accuracy)}` +
          `${test ? ` | test loss ${fmt(test.loss)}, accuracy ${pct(test.accuracy)}` : ''}\n`,
      );
      if (s < steps - 1)
        bar?.start(steps, s + 1, { loss: fmt(r.loss), acc: pct(r.accuracy), ms: ms.toFixed(1) });
    } else if (!bar && !byEpoch && (s % every === 0 || s === steps - 1)) {
      write(`step ${s} loss ${fmt(r.loss)}, accuracy ${pct(r.accuracy)}\n`);
    }
  }
  const msPerStep = (performance.now() - t0) / steps;
  bar?.stop();
  const final = trainer.evaluate();
  const test = testData && trainer.evaluate(testData);
  const seconds = (performance.now() - t0) / 1000;
  write(
    `final: loss ${fmt(final.loss)}, accuracy ${pct(final.accuracy)} on all ${data.X.length} ${test ? 'training ' : ''}samples` +
      `${test && testData ? `; test loss ${fmt(test.loss)}, accuracy ${pct(test.accuracy)} on ${testData.X.length} held-out samples` : ''}` +
      ` (${msPerStep.toFixed(1)} ms/step, ${seconds.toFixed(1)} s)\n`,
  );

  let files: string[] = [];
  if (cfg.out !== undefined) {
    // Everything is staged as temporaries and renamed at the end: a failure or a kill before then leaves
    // the folder's previous run whole.
    const staged = new AtomicFiles(cfg.out);
    let skipped: string | undefined;
    const save = (name: string, content: string | Uint8Array): void => staged.stage(name, content);
    try {
      save('model.json', `${JSON.stringify(model.toJSON(), null, 1)}\n`);
      const { tty: _tty, data: _data, ...config } = cfg;
      const metrics = {
        config: { ...config, steps },
        train: final,
        test,
        seconds,
        final,
        msPerStep,
        epochs,
        steps: log,
      };
      save('metrics.json', `${JSON.stringify(metrics, null, 1)}\n`);
      // Pictures need optional packages; without one, the model and metrics are still written (no lost run)
      // and the pictures are skipped with a line saying what to install.
      try {
        // Loaded here, not at the top: Vega and resvg take a second to load, which every other command would pay.
        const [{ decisionBoundarySpec }, { trainingCurvesSpec }, { vegaLiteToSvg }, { svgToPng }] =
          await Promise.all([
            import('../viz/decisionBoundarySpec.js'),
            import('../viz/trainingCurvesSpec.js'),
            import('../viz/vegaLiteToSvg.js'),
            import('../viz/svgToPng.js'),
          ]);
        const picture = async (name: string, spec: TopLevelSpec): Promise<void> => {
          const svg = await vegaLiteToSvg(spec);
          save(`${name}.svg`, svg);
          save(`${name}.png`, svgToPng(svg));
        };
        const title = `${cfg.dataset}: MLP ${[nin, ...model.nouts].join('-')} after ${steps} steps, accuracy ${pct(final.accuracy)}`;
        if (nin === 2) {
          const classify = (a: number, b: number): number => predictClass(model.predict([a, b]));
          await picture('decision-boundary', decisionBoundarySpec(classify, data.X, data.y, { title }));
        }
        await picture(
          'curves',
          trainingCurvesSpec(
            log.map((r) => ({ step: r.step, loss: r.loss, accuracy: r.accuracy })),
            `${cfg.dataset}: ${cfg.loss} loss and accuracy per step`,
          ),
        );
        // Images of 8×8 pixels (the digits): the test images the model gets wrong, true → predicted.
        if (nin === 64 && testData !== undefined) {
          const { digitGridSvg } = await import('../viz/digitGridSvg.js');
          const { tiles, wrong } = misclassifiedTiles(model, testData);
          const svg = digitGridSvg(tiles, {
            title: `${wrong} of ${testData.X.length} test images misclassified (true → predicted)${wrong > tiles.length ? `, first ${tiles.length} shown` : ''}`,
          });
          save('misclassified.svg', svg);
          save('misclassified.png', svgToPng(svg));
        }
      } catch (e) {
        if (!(e instanceof MissingPackageError)) throw e;
        staged.discard(PICTURE_FILES());
        skipped = e.message;
      }
    } catch (e) {
      staged.abort();
      throw e;
    }
    files = staged.commit();
    write(`wrote ${files.join(', ')}\n`);
    if (skipped !== undefined) write(`pictures skipped: ${skipped}\n`);
  }
  return { log, final, test, seconds, msPerStep, files };
}
