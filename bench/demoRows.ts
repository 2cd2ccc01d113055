// The demo-per-step rows of the benchmark: PyTorch and every JavaScript engine, each in its own process.
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { demoData } from './demoSetup.js';
import type { JsRowName } from './jsRows.js';
import { LinePeer } from './linePeer.js';
import { tfjsVersion } from './tfjs/tfjsVersion.js';
import { TorchPeer } from './torchPeer.js';

export interface DemoRow {
  name: string;
  /** Steps per timed batch (about the same wall time for every row). */
  batch: number;
  /** Run `steps` training steps; resolves to ms per step. */
  run(steps: number): Promise<number>;
  /** The loss before training, to show every row computes the same demo. */
  firstLoss: number;
}

export interface DemoSetup {
  rows: DemoRow[];
  nodes: number;
  tapeSlots: number;
  tapeFirstStepMs: number;
  tapeBytes: number;
  eagerBytesPerNode: number;
  torchVersion: string;
  close(): void;
}

const ROW_SCRIPT = fileURLToPath(new URL('./rowProcess.ts', import.meta.url));

async function jsRow(
  name: JsRowName,
  label: string,
  batch: number,
  peers: LinePeer[],
): Promise<{ row: DemoRow; info: Record<string, number> }> {
  const peer = new LinePeer(process.execPath, ['--import', 'tsx', ROW_SCRIPT, name]);
  peers.push(peer);
  const hello = await peer.ask<{ firstLoss: number; info: Record<string, number> }>({ hello: 1 });
  const run = (steps: number): Promise<number> => peer.ask<{ ms: number }>({ run: steps }).then((r) => r.ms);
  return { row: { name: label, batch, firstLoss: hello.firstLoss, run }, info: hello.info };
}

export async function demoRows(): Promise<DemoSetup> {
  const { X, y, weights } = demoData();
  const torch = new TorchPeer();
  const peers: LinePeer[] = [torch];
  const info = await torch.setup(X, y, weights);
  const torchRow = async (config: string, label: string): Promise<DemoRow> => ({
    name: `PyTorch ${info.torch} ${label}`,
    batch: 100,
    firstLoss: await torch.firstLoss(config),
    run: (steps) => torch.run(config, steps),
  });
  // torch's default here may be one thread (it counts physical cores): then the row uses every core instead.
  const cores = cpus().length;
  const useCores = info.default_threads === 1 && cores > 1;
  const many = useCores ? `${cores}` : 'default';
  const manyLabel = useCores
    ? `${cores} threads (torch's default here is 1)`
    : `default threads (${info.default_threads})`;
  const tape = await jsRow('tape', 'micrograd-ts tape: Trainer.step(), compile: true (default)', 100, peers);
  const eager = await jsRow('eager', 'micrograd-ts eager: Trainer.step(), compile: false', 10, peers);
  const rows = [
    await torchRow('float64-1', 'float64, 1 thread'),
    await torchRow(`float64-${many}`, `float64, ${manyLabel}`),
    await torchRow('float32-1', 'float32, 1 thread'),
    await torchRow(`float32-${many}`, `float32, ${manyLabel}`),
    tape.row,
    eager.row,
    (
      await jsRow(
        'loop-eager',
        "micrograd-style loop, eager (micrograd's notebook loop as written)",
        10,
        peers,
      )
    ).row,
    (
      await jsRow(
        'loop-compiled',
        "micrograd-style loop, compiled (compile(loss) of the loop's graph)",
        100,
        peers,
      )
    ).row,
    // TensorFlow.js is an optional install; without it the table simply has no such row.
    ...(tfjsVersion() === undefined
      ? []
      : [(await jsRow('tfjs', 'TensorFlow.js 4 CPU backend (float32)', 20, peers)).row]),
    (await jsRow('closure', 'micrograd-style JS port (closures, Set, recursion)', 1, peers)).row,
  ];
  return {
    rows,
    nodes: tape.info['nodes']!,
    tapeSlots: tape.info['slots']!,
    tapeFirstStepMs: tape.info['firstStepMs']!,
    tapeBytes: tape.info['tapeBytes']!,
    eagerBytesPerNode: eager.info['bytesPerNode']!,
    torchVersion: info.torch,
    close: () => peers.forEach((p) => p.close()),
  };
}
