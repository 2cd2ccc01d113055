// The digits-epoch rows of the benchmark: the tape, eager, PyTorch (same net, batches and weights), and
// Python micrograd's estimated time from its measured cost per graph node.
import { fileURLToPath } from 'node:url';
import { findTorchPython } from '../src/oracle/TorchOracle.js';
import { demoData } from './demoSetup.js';
import type { DemoRow } from './demoRows.js';
import { digitsPeerData } from './digitsSetup.js';
import { LinePeer } from './linePeer.js';

const ROW_SCRIPT = fileURLToPath(new URL('./rowProcess.ts', import.meta.url));
const TORCH_SCRIPT = fileURLToPath(new URL('./torch_digits.py', import.meta.url));
const MICROGRAD_SCRIPT = fileURLToPath(new URL('./micrograd_py.py', import.meta.url));

export interface DigitsSetup {
  rows: DemoRow[];
  nodesPerEpoch: number;
  samples: number;
  batchSize: number;
  /** PyTorch's version. */
  torch: string;
  /** Python micrograd on the moons demo: ms per graph node (forward, backward and update). */
  pythonMsPerNode(): Promise<number>;
  close(): void;
}

export async function digitsRows(): Promise<DigitsSetup> {
  const { batches, weights, nodesPerEpoch } = digitsPeerData();
  const peers: LinePeer[] = [];
  const js = async (
    name: 'digits-tape' | 'digits-step' | 'digits-eager',
    label: string,
    batch: number,
  ): Promise<DemoRow> => {
    const peer = new LinePeer(process.execPath, ['--import', 'tsx', ROW_SCRIPT, name]);
    peers.push(peer);
    const hello = await peer.ask<{ firstLoss: number }>({ hello: 1 });
    const run = (epochs: number): Promise<number> =>
      peer.ask<{ ms: number }>({ run: epochs }).then((r) => r.ms);
    return { name: label, batch, firstLoss: hello.firstLoss, run };
  };
  const torch = new LinePeer(findTorchPython(), [TORCH_SCRIPT]);
  peers.push(torch);
  const info = await torch.ask<{ torch: string }>({ setup: { batches, layers: weights } });
  const torchRow = async (config: string, label: string): Promise<DemoRow> => ({
    name: `PyTorch ${info.torch} ${label}`,
    batch: 2,
    firstLoss: (await torch.ask<{ loss: number }>({ first_loss: config })).loss,
    run: (epochs) => torch.ask<{ ms: number }>({ run: config, epochs }).then((r) => r.ms),
  });
  const rows = [
    await torchRow('float64-1', 'float64, 1 thread'),
    await torchRow('float32-1', 'float32, 1 thread'),
    await js(
      'digits-tape',
      'micrograd-ts tape: Trainer.run() over the epoch, as micrograd train runs it (one-sample tape replayed)',
      2,
    ),
    await js(
      'digits-step',
      'micrograd-ts tape: Trainer.step() 45 times (the model written back every step)',
      2,
    ),
    await js('digits-eager', 'micrograd-ts eager: Trainer.step(), compile: false', 1),
  ];
  const py = new LinePeer(findTorchPython(), [MICROGRAD_SCRIPT]);
  peers.push(py);
  const d = demoData();
  await py.ask({ setup: { X: d.X, y: d.y, layers: d.weights } });
  return {
    rows,
    nodesPerEpoch,
    samples: batches.reduce((n, b) => n + b.X.length, 0),
    batchSize: batches[0]!.X.length,
    torch: info.torch,
    pythonMsPerNode: () => py.ask<{ ms: number; nodes: number }>({ run: 1 }).then((r) => r.ms / r.nodes),
    close: () => peers.forEach((p) => p.close()),
  };
}
