// The demo-per-step rows of the benchmark: our engines, the closure baseline, TensorFlow.js and PyTorch.
import { cpus } from 'node:os';
import { Value, topoSort } from '../src/engine/value.js';
import { compile } from '../src/tape/compile.js';
import { ClosureValue } from './closure/ClosureValue.js';
import { BenchMlp } from './demo/mlp.js';
import { demoLoss } from './demo/demoLoss.js';
import { moons } from './demo/moons.js';
import { eagerStep, sgd } from './demo/train.js';
import { tfjsDemo } from './tfjsDemo.js';
import type { TorchPeer } from './torchPeer.js';

export const DEMO_SEED = 1337;

export interface DemoRow {
  name: string;
  /** Steps per timed batch (about the same wall time for every row). */
  batch: number;
  /** Run `steps` training steps; resolves to ms per step. */
  run(steps: number): number | Promise<number>;
  /** The loss before training, to show every row computes the same demo. */
  firstLoss: number;
}

export interface DemoSetup {
  rows: DemoRow[];
  nodes: number;
  tapeSlots: number;
  compileMs: number;
  torchVersion: string;
  torchDefaultThreads: number;
}

const makeValue = (x: number): Value => new Value(x);

export async function demoRows(torch: TorchPeer): Promise<DemoSetup> {
  const { X, y } = moons(100, 0.1, 1);
  const fresh = (): BenchMlp<Value> => new BenchMlp(makeValue, 2, [16, 16, 1], DEMO_SEED);
  const startWeights = fresh().layers.map((l) => l.map((n) => n.map((v) => v.data)));

  const eagerModel = fresh();
  const eagerParams = eagerModel.parameters();
  const first = demoLoss(makeValue, eagerModel, X, y).loss;
  const nodes = topoSort(first).length;
  let ke = 0;
  const eager: DemoRow = {
    name: 'micrograd-ts eager (graph rebuilt each step)',
    batch: 10,
    firstLoss: first.data,
    run(steps) {
      const t0 = performance.now();
      for (let s = 0; s < steps; s++) eagerStep(makeValue, eagerModel, eagerParams, X, y, ke++);
      return (performance.now() - t0) / steps;
    },
  };

  const tapeModel = fresh();
  const tapeParams = tapeModel.parameters();
  const t0 = performance.now();
  const tape = compile(demoLoss(makeValue, tapeModel, X, y).loss);
  const compileMs = performance.now() - t0;
  let kt = 0;
  const tapeRow: DemoRow = {
    name: 'micrograd-ts tape (compiled once, fused)',
    batch: 100,
    firstLoss: tape.forward(),
    run(steps) {
      const t1 = performance.now();
      for (let s = 0; s < steps; s++) {
        tape.forward();
        for (const p of tapeParams) p.grad = 0;
        tape.backward();
        sgd(tapeParams, kt++);
      }
      return (performance.now() - t1) / steps;
    },
  };

  const makeClosure = (x: number): ClosureValue => new ClosureValue(x);
  const closureModel = new BenchMlp(makeClosure, 2, [16, 16, 1], DEMO_SEED);
  const closureParams = closureModel.parameters();
  let kc = 0;
  const closure: DemoRow = {
    name: 'micrograd-style JS port (closures, Set, recursion)',
    batch: 1,
    firstLoss: demoLoss(makeClosure, closureModel, X, y).loss.data,
    run(steps) {
      const t1 = performance.now();
      for (let s = 0; s < steps; s++) eagerStep(makeClosure, closureModel, closureParams, X, y, kc++);
      return (performance.now() - t1) / steps;
    },
  };

  const tf = await tfjsDemo(X, y, startWeights);
  const tfRow: DemoRow = {
    name: 'TensorFlow.js 4 CPU backend (float32)',
    batch: 20,
    firstLoss: tf.firstLoss,
    run: tf.run,
  };

  const info = await torch.setup(X, y, startWeights);
  const torchRow = async (config: string, label: string): Promise<DemoRow> => ({
    name: `PyTorch ${info.torch} ${label}`,
    batch: 100,
    firstLoss: await torch.firstLoss(config),
    run: (steps) => torch.run(config, steps),
  });
  // torch's default here may be one thread (it counts physical cores): then the row uses every core instead.
  const cores = cpus().length;
  const useCores = info.default_threads === 1 && cores > 1;
  const manyThreads = useCores ? `float64-${cores}` : 'float64-default';
  const manyLabel = useCores
    ? `${cores} threads (torch's default here is 1)`
    : `default threads (${info.default_threads})`;
  const rows = [
    await torchRow('float64-1', 'float64, 1 thread'),
    await torchRow(manyThreads, `float64, ${manyLabel}`),
    await torchRow('float32-1', 'float32, 1 thread'),
    await torchRow(manyThreads.replace('float64', 'float32'), `float32, ${manyLabel}`),
    tapeRow,
    eager,
    tfRow,
    closure,
  ];
  return {
    rows,
    nodes,
    tapeSlots: tape.size,
    compileMs,
    torchVersion: info.torch,
    torchDefaultThreads: info.default_threads,
  };
}
