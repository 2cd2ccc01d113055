// withRuntime: run a command's Node entry under another runtime from test/runtimes, e.g.
// `tsx test/runtimes/withRuntime.ts node24 node_modules/vitest/vitest.mjs run` (the suite under Node 24 LTS).
// Child processes the tests spawn use process.execPath, so they run under the same runtime.
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import { runtimePath } from './runtimePath.js';

const [name, ...args] = process.argv.slice(2);
if (name === undefined || args.length === 0) {
  process.stderr.write('usage: tsx test/runtimes/withRuntime.ts RUNTIME SCRIPT [ARGS...]\n');
  process.exit(2);
}
const exe = runtimePath(name);
// MICROGRAD_RUNTIME lets test/runtime.test.ts check that the suite really ran under the runtime asked for.
const env = { ...process.env, MICROGRAD_RUNTIME: name };
const { status, signal } = spawnSync(exe, args, { stdio: 'inherit', env });
process.exit(status ?? (signal === null ? 1 : 128));
