// v8Flags: `micrograd train` reruns itself once with a larger young generation for V8.
//
// An eager training step builds a graph of tens of thousands of nodes that all live until backward()
// ends. V8's default young generation (16 MB semi-spaces) is too small for it, so every scavenge copies
// the half-built graph and promotes it to the old generation, which then needs full collections. With
// --max-semi-space-size=64 micrograd's demo loop ran about a third faster (README, Performance). The flag
// only works on the command line, not from inside a running process, hence the rerun.

import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export const V8_FLAGS = ['--max-semi-space-size=64'];
const MARK = 'MICROGRAD_V8_FLAGS';

/**
 * For `train`, when the flags are not set yet: run this same command again with them (stdio shared,
 * signals passed on) and resolve to its exit code; otherwise null, and the caller goes on in this process.
 */
export async function rerunWithV8Flags(argv: readonly string[]): Promise<number | null> {
  if (argv[2] !== 'train' || process.env[MARK] !== undefined) return null;
  if (process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) return null;
  const child = spawn(process.execPath, [...V8_FLAGS, ...process.execArgv, ...argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, [MARK]: '1' },
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const sig of signals) process.on(sig, () => child.kill(sig));
  return new Promise((resolve) => {
    // Could not start a second node: train here, without the flag.
    child.on('error', () => resolve(null));
    child.on('exit', (code, signal) =>
      resolve(code ?? 128 + (signal === null ? 0 : constants.signals[signal])),
    );
  });
}
