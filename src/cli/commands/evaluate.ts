// `micrograd evaluate`: a saved model's loss and accuracy (or MSE and R²) on a labelled CSV, with a confusion matrix.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command, Option } from 'commander';
import { LOSSES, type LossName, type MLP } from '../../nn/index.js';
import { refuseInputAsOutput } from '../AtomicFiles.js';
import { CliError } from '../CliError.js';
import { emit } from '../emit.js';
import { defaultLoss, evaluateModel, taskOf, type Evaluation } from '../modelEvaluation.js';
import { readCsv } from '../readCsv.js';
import { readModel } from '../readModel.js';

interface EvaluateFlags {
  model: string;
  data: string;
  loss?: LossName;
  format: 'text' | 'json';
  out?: string;
}

/** The loss the model was trained with, from the metrics.json `micrograd train` wrote beside it. */
function trainedLoss(modelPath: string): LossName | undefined {
  const metrics = join(dirname(modelPath), 'metrics.json');
  if (!existsSync(metrics)) return undefined;
  try {
    const loss = (JSON.parse(readFileSync(metrics, 'utf8')) as { config?: { loss?: unknown } }).config?.loss;
    return (LOSSES as readonly unknown[]).includes(loss) ? (loss as LossName) : undefined;
  } catch {
    return undefined;
  }
}

/** The loss to report: as asked, else as trained, else the CLI's default for the model's shape. */
function chooseLoss(model: MLP, flags: EvaluateFlags): LossName {
  const outs = model.nouts[model.nouts.length - 1]!;
  const loss = flags.loss ?? trainedLoss(flags.model) ?? defaultLoss(model);
  if (taskOf(model) === 'regression' && loss !== 'mse') {
    throw new CliError(`--loss ${loss}: a regression model is measured with mse`);
  }
  if ((loss === 'cross-entropy') !== outs > 1) {
    throw new CliError(
      loss === 'cross-entropy'
        ? `--loss cross-entropy needs one output per class; the model has 1 output: use --loss ${defaultLoss(model)}`
        : `--loss ${loss} scores a single output; the model has ${outs}: use --loss cross-entropy`,
    );
  }
  return loss;
}

const fmt = (x: number): string => x.toPrecision(6);

function report(e: Evaluation, flags: EvaluateFlags): string {
  if (flags.format === 'json')
    return `${JSON.stringify({ model: flags.model, data: flags.data, ...e }, null, 1)}\n`;
  const lines = [`${flags.model} on ${flags.data}: ${e.samples} samples`];
  if (e.task === 'regression') {
    lines.push(`loss (mse): ${fmt(e.value)}`, `MSE: ${fmt(e.mse)}`, `R²: ${fmt(e.r2)}`);
    return `${lines.join('\n')}\n`;
  }
  const right = e.confusion.reduce((s, row, t) => s + row[t]!, 0);
  lines.push(
    `loss (${e.loss}, without the L2 term): ${fmt(e.value)}`,
    `accuracy: ${(100 * e.accuracy).toFixed(1)}% (${right} of ${e.samples})`,
    'confusion matrix (rows: true class, columns: predicted class):',
  );
  // Right-aligned counts under right-aligned class numbers.
  const cells = [
    ['', ...e.confusion.map((_, p) => String(p))],
    ...e.confusion.map((row, t) => [String(t), ...row.map(String)]),
  ];
  const width = Math.max(...cells.flat().map((c) => c.length));
  lines.push(
    ...cells.map((row) =>
      row
        .map((c) => c.padStart(width + 2))
        .join('')
        .trimEnd(),
    ),
  );
  return `${lines.join('\n')}\n`;
}

export function evaluateCommand(): Command {
  return new Command('evaluate')
    .description(
      'score a trained model on labelled data: loss, accuracy and a confusion matrix, e.g. micrograd evaluate --model runs/moons/model.json --data test.csv',
    )
    .requiredOption('--model <file>', 'a model.json written by micrograd train')
    .requiredOption(
      '--data <file.csv|->',
      'labelled points (features…, label), header optional; - reads standard input',
    )
    .addOption(
      new Option(
        '--loss <name>',
        'the loss to report (default: as trained, from metrics.json beside the model)',
      ).choices(LOSSES),
    )
    .addOption(new Option('--format <name>', 'text or json').choices(['text', 'json']).default('text'))
    .option('-o, --out <file>', 'write the report to this file instead of printing it')
    .action((o: EvaluateFlags) => {
      const inputs = [o.model, o.data];
      if (o.out !== undefined) refuseInputAsOutput(o.out, inputs, '-o/--out');
      const model = readModel(o.model);
      const data = readCsv(o.data, '--data');
      const loss = chooseLoss(model, o);
      emit(report(evaluateModel(model, data, loss, `--data ${o.data}`), o), o.out, inputs);
    });
}
