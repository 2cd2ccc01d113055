// `micrograd predict`: a trained model's outputs for points given as arguments or in a CSV file (or stdin).

import { Command, Option } from 'commander';
import { parseDecimal } from '../../data/parseDecimal.js';
import { pyRepr } from '../../engine/pyRepr.js';
import { predictClass, type MLP } from '../../nn/index.js';
import { refuseInputAsOutput } from '../AtomicFiles.js';
import { CliError } from '../CliError.js';
import { taskOf } from '../modelEvaluation.js';
import { emit } from '../emit.js';
import { readCsv } from '../readCsv.js';
import { readModel } from '../readModel.js';

export const PREDICT_FORMATS = ['text', 'csv', 'json'] as const;
type PredictFormat = (typeof PREDICT_FORMATS)[number];

interface PredictFlags {
  model: string;
  data?: string;
  format: PredictFormat;
  out?: string;
}

/** Points from the arguments, each checked before any is used, so a bad one leaves no partial output. */
function argumentPoints(points: string[], model: MLP): number[][] {
  return points.map((p) => {
    const x = p.split(',').map(parseDecimal);
    if (x.some((v) => !Number.isFinite(v))) {
      throw new CliError(`point "${p}": expected ${model.nin} comma-separated numbers`);
    }
    if (x.length !== model.nin) {
      throw new CliError(`point "${p}": the model takes ${model.nin} inputs, got ${x.length}`);
    }
    return x;
  });
}

/** Points from a CSV (header optional): one column per input; a last column beyond those (a label) is ignored. */
function filePoints(path: string, model: MLP): number[][] {
  const { X } = readCsv(path, '--data', { labelColumn: 'none' });
  const width = X[0]!.length;
  if (width !== model.nin && width !== model.nin + 1) {
    throw new CliError(
      `--data ${path}: rows have ${width} columns; the model takes ${model.nin} inputs (a label column after them may stay)`,
    );
  }
  return width === model.nin ? X : X.map((x) => x.slice(0, model.nin));
}

/** The predictions as text, CSV (inputs, outputs, class) or JSON. */
function formatPredictions(model: MLP, xs: number[][], format: PredictFormat): string {
  const classes = taskOf(model) === 'classification';
  const rows = xs.map((x) => {
    const output = model.predict(x);
    return classes ? { input: x, output, class: predictClass(output) } : { input: x, output };
  });
  switch (format) {
    case 'json':
      return `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
    case 'csv': {
      const outs = model.nouts[model.nouts.length - 1]!;
      const names = (stem: string, n: number): string[] =>
        n === 1 ? [stem] : Array.from({ length: n }, (_, j) => `${stem}${j + 1}`);
      const header = [...names('x', model.nin), ...names('output', outs), ...(classes ? ['class'] : [])];
      const lines = rows.map((r) =>
        [...r.input, ...r.output, ...('class' in r ? [r.class] : [])].map(String).join(','),
      );
      return `${[header.join(','), ...lines].join('\n')}\n`;
    }
    case 'text':
      return rows
        .map(
          (r) =>
            `${r.input.map(String).join(',')} -> ${r.output.map(pyRepr).join(', ')}${'class' in r ? ` (class ${r.class})` : ''}\n`,
        )
        .join('');
  }
}

export function predictCommand(): Command {
  return (
    new Command('predict')
      .description(
        'print a trained model’s output for each point, e.g. micrograd predict --model runs/moons/model.json 0.5,-0.2 or --data points.csv',
      )
      .requiredOption('--model <file>', 'a model.json written by micrograd train')
      .option(
        '--data <file.csv|->',
        'points in a CSV file (- reads standard input), header optional, one column per input',
      )
      .addOption(
        new Option('--format <name>', 'text, csv (inputs, outputs, class) or json')
          .choices(PREDICT_FORMATS)
          .default('text'),
      )
      .option('-o, --out <file>', 'write the predictions to this file instead of printing them')
      .argument('[points...]', 'points as comma-separated numbers, one argument per point')
      // A point such as -1,0.5 starts with a dash: take it as a point, not as an unknown option.
      .allowUnknownOption()
      .action((points: string[], o: PredictFlags) => {
        if (o.out !== undefined)
          refuseInputAsOutput(o.out, [o.model, ...(o.data ? [o.data] : [])], '-o/--out');
        const model = readModel(o.model);
        if (o.data !== undefined && points.length > 0) {
          throw new CliError(`give points as arguments or --data ${o.data}, not both`);
        }
        if (o.data === undefined && points.length === 0) {
          throw new CliError(
            'no points: give them as arguments (0.5,-0.2 …) or in a CSV file with --data FILE|-',
          );
        }
        const xs = o.data === undefined ? argumentPoints(points, model) : filePoints(o.data, model);
        emit(formatPredictions(model, xs, o.format), o.out, [o.model, ...(o.data ? [o.data] : [])]);
      })
  );
}
