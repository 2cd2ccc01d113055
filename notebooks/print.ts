// print: the post's print() for a notebook cell — its arguments one per line, shown as the cell's result.
//
// A cell's result always stays with its cell; console.log output goes through a pipe that Deno's kernel
// drains a few milliseconds after the cell ends, so on a busy machine headless runs can lose its last lines.

class Printout {
  constructor(readonly lines: string[]) {}

  [Symbol.for('Jupyter.display')](): { 'text/plain': string } {
    return { 'text/plain': this.lines.join('\n') };
  }
}

export function print(...rows: unknown[]): Printout {
  return new Printout(rows.map(String));
}
