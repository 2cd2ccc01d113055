// outPath: the one output option, -o/--out, read with the spelling earlier versions used (--output) still accepted.

import { CliError } from './CliError.js';

/** The output path given as -o/--out or --output; both at once with different values is an error. */
export function outPath(flags: { out?: string; output?: string }): string | undefined {
  const { out, output } = flags;
  if (out !== undefined && output !== undefined && out !== output) {
    throw new CliError(`give the output once: -o/--out ${out} and --output ${output} disagree`);
  }
  return out ?? output;
}
