// `micrograd train --dataset digits` as a user runs it (the built command, a fresh process, its defaults),
// timed beside PyTorch's 20 epochs of the same net on the same minibatches.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findTorchPython } from '../src/oracle/TorchOracle.js';
import { digitsPeerData } from './digitsSetup.js';
import { LinePeer } from './linePeer.js';
import { spread, type Spread } from './stats.js';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const TORCH_SCRIPT = fileURLToPath(new URL('./torch_digits.py', import.meta.url));
const EPOCHS = 20;

export interface DigitsCommandResult {
  /** PyTorch float64, one thread: 20 epochs' training, seconds. */
  torchSeconds: Spread;
  /** The command's own training time (metrics.json `seconds`: 20 epochs with their train/test lines). */
  trainSeconds: Spread;
  /** The whole command, start to exit (Node start-up, data, training, files, pictures). */
  commandSeconds: Spread;
  testAccuracy: number;
}

export async function digitsCommand(
  rounds: number,
  log: (msg: string) => void,
): Promise<DigitsCommandResult> {
  const { batches, weights } = digitsPeerData();
  const torch = new LinePeer(findTorchPython(), [TORCH_SCRIPT]);
  await torch.ask({ setup: { batches, layers: weights } });
  const torchS: number[] = [];
  const trainS: number[] = [];
  const commandS: number[] = [];
  let testAccuracy = NaN;
  try {
    for (let r = 0; r < rounds; r++) {
      const ms = await torch.ask<{ ms: number }>({ run: 'float64-1', epochs: EPOCHS });
      torchS.push((ms.ms * EPOCHS) / 1000);
      const out = mkdtempSync(join(tmpdir(), 'micrograd-bench-digits-'));
      try {
        const env = { ...process.env };
        delete env['NODE_OPTIONS'];
        const t0 = performance.now();
        execFileSync(process.execPath, [CLI, 'train', '--dataset', 'digits', '--out', out], {
          env,
          stdio: 'ignore',
        });
        commandS.push((performance.now() - t0) / 1000);
        const metrics = JSON.parse(readFileSync(join(out, 'metrics.json'), 'utf8')) as {
          seconds: number;
          test: { accuracy: number };
        };
        trainS.push(metrics.seconds);
        testAccuracy = metrics.test.accuracy;
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
      log(`digits command round ${r + 1}/${rounds}`);
    }
  } finally {
    torch.close();
  }
  return {
    torchSeconds: spread(torchS),
    trainSeconds: spread(trainS),
    commandSeconds: spread(commandS),
    testAccuracy,
  };
}
