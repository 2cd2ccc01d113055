// `micrograd predict`: load a trained model and print its output for points given on the command line.

import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { MLP, predictClass } from '../../nn/index.js';
import { pyRepr } from '../../engine/pyRepr.js';
import { parseDecimal } from '../../data/parseDecimal.js';
import { CliError } from '../CliError.js';
import { READ_ERRORS } from '../loadDataset.js';

export function predictCommand(): Command {
  return (
    new Command('predict')
      .description(
        'print a trained model’s output for each point, e.g. micrograd predict --model runs/moons/model.json 0.5,-0.2',
      )
      .requiredOption('--model <file>', 'a model.json written by micrograd train')
      .argument('<points...>', 'points as comma-separated numbers, one argument per point')
      // A point such as -1,0.5 starts with a dash: take it as a point, not as an unknown option.
      .allowUnknownOption()
      .action((points: string[], o: { model: string }) => {
        let text: string;
        try {
          text = readFileSync(o.model, 'utf8');
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code ?? '';
          throw new CliError(
            `--model ${o.model}: ${READ_ERRORS.get(code) ?? `cannot read it (${code || String(e)})`}`,
          );
        }
        let model: MLP;
        try {
          model = MLP.fromJSON(text);
        } catch (e) {
          throw new CliError(`--model ${o.model}: ${(e as Error).message.replace(/^MLP\.fromJSON: /, '')}`);
        }
        // Check every point before printing any, so a bad one leaves no partial output.
        const xs = points.map((p) => {
          const cells = p.split(',');
          const x = cells.map(parseDecimal);
          if (x.some((v) => !Number.isFinite(v))) {
            throw new Error(`point "${p}": expected ${model.nin} comma-separated numbers`);
          }
          if (x.length !== model.nin) {
            throw new Error(`point "${p}": the model takes ${model.nin} inputs, got ${x.length}`);
          }
          return x;
        });
        xs.forEach((x, i) => {
          const out = model.predict(x);
          process.stdout.write(
            `${points[i]!} -> ${out.map(pyRepr).join(', ')} (class ${predictClass(out)})\n`,
          );
        });
      })
  );
}
