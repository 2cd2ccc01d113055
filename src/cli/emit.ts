// emit: a command's report, printed, or written to -o/--out through the one output helper.

import { writeFileAtomically } from './AtomicFiles.js';

/** Print `text`, or write it to `out` (refused when `out` is one of `inputs`) and say so. */
export function emit(text: string, out: string | undefined, inputs: readonly string[]): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  writeFileAtomically(out, text, inputs);
  process.stdout.write(`wrote ${out}\n`);
}
