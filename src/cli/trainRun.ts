// trainRun: `micrograd train` without the flag parsing — train, show progress, write the model, metrics
// and pictures.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Dataset } from '../data/index.js';
import {
  checkDivergence,
  dataScale,
  DivergenceError,
  MLP,
  predictClass,
  Trainer,
  type Activation,
  type LossName,
  type StepResult,
} from '../nn/index.js';
import { CliError } from './CliError.js';
import type { TopLevelSpec } from '../viz/vegaLiteToSvg.js';

export interface TrainConfig {
  dataset: string;
  data: Dataset;
  layers: number[];
  activation: Activation;
  loss: LossName;
  optimizer: 'sgd' | 'adam';
  lr: number;
  schedule: 'decay' | 'constant';
  steps: number;
  batchSize: number | undefined;
  alpha: number;
  /** The noise generated data was made with (names --noise as a likely cause of divergence); undefined for a CSV. */
  noise?: number;
  seed: number;
  out: string | undefined;
  /** Replay a compiled tape when the graph is the same every step (full batch); false forces eager. */
  compile: boolean;
  /** false: plain lines instead of a progress bar (stdout is not a terminal). */
  tty: boolean;
}

export interface TrainSummary {
  log: StepResult[];
  final: { loss: number; accuracy: number };
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
  const { data } = cfg;
  const nin = data.X[0]!.length;
  const k = Math.max(...data.y) + 1;
  const outs = cfg.loss === 'cross-entropy' ? k : 1;
  if (outs === 1 && k > 2) {
    throw new Error(
      `the ${cfg.loss} loss separates 2 classes but the data has ${k}: use --loss cross-entropy`,
    );
  }
  const model = new MLP(nin, [...cfg.layers, outs], { activation: cfg.activation, seed: cfg.seed });
  const trainer = new Trainer(model, data, {
    loss: cfg.loss,
    optimizer: cfg.optimizer,
    lr: cfg.schedule === 'decay' ? (s: number) => cfg.lr - (0.9 * cfg.lr * s) / cfg.steps : cfg.lr,
    steps: cfg.steps,
    alpha: cfg.alpha,
    ...(cfg.batchSize === undefined ? {} : { batchSize: cfg.batchSize }),
    seed: cfg.seed,
    compile: cfg.compile,
  });
  write(
    `${String(model).length > 120 ? `MLP ${[nin, ...model.nouts].join('-')}` : String(model)}, ${model.parameters().length} parameters\n`,
  );
  write(
    `${data.X.length} samples of ${cfg.dataset}, ${cfg.loss} loss + ${cfg.alpha}·Σp², ${cfg.optimizer} lr ${cfg.lr}` +
      `${cfg.schedule === 'decay' ? ` decaying to ${cfg.lr / 10}` : ''}, ${cfg.steps} steps, batch ${trainer.batchSize}\n`,
  );
  write(
    trainer.engine === 'tape'
      ? 'engine: compiled tape (the graph is recorded once and replayed every step; --no-compile for eager)\n'
      : `engine: eager (the graph is rebuilt every step${cfg.compile ? ': minibatches change it' : ', as --no-compile asks'})\n`,
  );

  const bar = cfg.tty
    ? new SingleBar({
        format: 'train |{bar}| step {value}/{total} | loss {loss} | accuracy {acc} | {ms} ms/step',
        barsize: 30,
        hideCursor: true,
        stream: process.stdout,
      })
    : null;
  bar?.start(cfg.steps, 0, { loss: '-', acc: '-', ms: '-' });
  const every = Math.max(1, Math.ceil(cfg.steps / 100));
  const log: StepResult[] = [];
  const t0 = performance.now();
  for (let s = 0; s < cfg.steps; s++) {
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
    if (bar) bar.update(s + 1, { loss: fmt(r.loss), acc: pct(r.accuracy), ms: ms.toFixed(1) });
    else if (s % every === 0 || s === cfg.steps - 1)
      write(`step ${s} loss ${fmt(r.loss)}, accuracy ${pct(r.accuracy)}\n`);
  }
  const msPerStep = (performance.now() - t0) / cfg.steps;
  bar?.stop();
  const final = trainer.evaluate();
  write(
    `final: loss ${fmt(final.loss)}, accuracy ${pct(final.accuracy)} on all ${data.X.length} samples (${msPerStep.toFixed(1)} ms/step)\n`,
  );

  const files: string[] = [];
  if (cfg.out !== undefined) {
    mkdirSync(cfg.out, { recursive: true });
    const save = (name: string, content: string | Uint8Array): void => {
      const path = join(cfg.out!, name);
      writeFileSync(path, content);
      files.push(path);
    };
    save('model.json', `${JSON.stringify(model.toJSON(), null, 1)}\n`);
    const { tty: _tty, data: _data, ...config } = cfg;
    save('metrics.json', `${JSON.stringify({ config, final, msPerStep, steps: log }, null, 1)}\n`);
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
    const title = `${cfg.dataset}: MLP ${[nin, ...model.nouts].join('-')} after ${cfg.steps} steps, accuracy ${pct(final.accuracy)}`;
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
    write(`wrote ${files.join(', ')}\n`);
  }
  return { log, final, msPerStep, files };
}
