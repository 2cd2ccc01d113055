// liveOracle: what the live parity files share — a fresh seed per run (PARITY_SEED fixes it), a graph count
// from the file's own variable, and one PyTorch oracle, started before the file's tests and closed after.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { TorchOracle } from '../../src/oracle/TorchOracle.js';
import { envInt } from './env.js';

/** Shrinking is sequential round trips to PyTorch: a few reproductions say enough. */
export const MAX_SHRUNK = 3;

export interface LiveRun {
  seed: number;
  count: number;
  /** The file's oracle (available inside tests, once beforeAll has run). */
  oracle: () => TorchOracle;
}

/**
 * Registers the oracle's start and close with vitest, and prints the PyTorch version, the seed (to repeat
 * the run) and the count under `suite`'s name.
 */
export function liveOracle(suite: string, countVariable: string, defaultCount: number): LiveRun {
  const seed = envInt('PARITY_SEED', randomInt(2 ** 31));
  const count = envInt(countVariable, defaultCount);
  let oracle: TorchOracle | undefined;
  beforeAll(async () => {
    oracle = new TorchOracle();
    const v = await oracle.request<{ torch: string }>('version');
    console.log(
      `${suite}: PyTorch ${v.torch}, seed ${seed} (PARITY_SEED=${seed} to repeat), ${count} graphs`,
    );
  });
  afterAll(async () => {
    await oracle?.close();
  });
  return {
    seed,
    count,
    oracle: () => {
      if (oracle === undefined) throw new Error(`${suite}: the oracle is used before beforeAll started it`);
      return oracle;
    },
  };
}
