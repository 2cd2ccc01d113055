// `micrograd plot tanh --from -5 --to 5 -o tanh.png`: plot a function of one variable.

import { Command, Option } from 'commander';
import { parse } from '../../expr/parse.js';
import { FUNCTION_NAMES } from '../../expr/parseTokens.js';
import { formatFromPath } from '../../viz/picture.js';
import { plotFunction } from '../../viz/plotFunction.js';
import { writeFileAtomically } from '../AtomicFiles.js';
import { outPath } from '../outPath.js';
import { parseNumber } from '../parseNumber.js';

interface PlotFlags {
  from: number;
  to: number;
  step?: number;
  title?: string;
  out?: string;
  /** The old spelling of --out, still accepted. */
  output?: string;
}

export function plotCommand(): Command {
  return new Command('plot')
    .description('plot a function of one variable, sampled like numpy.arange(from, to, step)')
    .argument(
      '<function>',
      `a function name (${FUNCTION_NAMES.join(', ')}) or an expression such as "x**3 - 2*x"`,
    )
    .option('--from <x>', 'first x', (t: string) => parseNumber(t, '--from'), -5)
    .option(
      '--to <x>',
      'end of the range (not included, as in arange)',
      (t: string) => parseNumber(t, '--to'),
      5,
    )
    .option('--step <dx>', 'distance between samples (default: 1/200 of the range)', (t: string) =>
      parseNumber(t, '--step'),
    )
    .option('--title <text>', 'chart title (default: the expression)')
    .option('-o, --out <file>', 'write a .svg or .png file; without it, print the SVG')
    .addOption(new Option('--output <file>').hideHelp())
    .action(async (text: string, flags: PlotFlags) => {
      const out = outPath(flags);
      const format = out === undefined ? undefined : formatFromPath(out, ['svg', 'png']);
      const source = functionSource(text);
      const expression = parse(source);
      if (expression.variables.length > 1) {
        throw new Error(
          `plot needs a function of one variable, but "${source}" uses ${expression.variables.join(', ')}`,
        );
      }
      const name = expression.variables[0] ?? 'x';
      const f = (x: number): number => expression.evaluate({ [name]: x });
      const chart = plotFunction(f, {
        from: flags.from,
        to: flags.to,
        ...(flags.step === undefined ? {} : { step: flags.step }),
        title: flags.title ?? source,
        xTitle: name,
        yTitle: source,
      });
      if (out === undefined || format === undefined) {
        process.stdout.write(await chart.render('svg'));
        return;
      }
      writeFileAtomically(out, format === 'png' ? await chart.render('png') : await chart.render('svg'));
      process.stdout.write(`wrote ${out}\n`);
    });
}

/** A bare function name means that function of x (`tanh` → `tanh(x)`); anything else is an expression. */
function functionSource(text: string): string {
  const name = text.trim();
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name === 'x') return text;
  if ((FUNCTION_NAMES as readonly string[]).includes(name)) return `${name}(x)`;
  throw new Error(
    `unknown function '${name}' (known: ${FUNCTION_NAMES.join(', ')}; or write an expression in x)`,
  );
}
