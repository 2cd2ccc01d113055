// The JavaScript engines of the demo table, each built in the process that times it (see rowProcess.ts).
import { Value, topoSort } from '../src/engine/value.js';
import { compile } from '../src/tape/compile.js';
import { ClosureValue } from './closure/ClosureValue.js';
import { BenchMlp } from './demo/mlp.js';
import { demoLoss } from './demo/demoLoss.js';
import { moons } from './demo/moons.js';
import { eagerStep, sgd } from './demo/train.js';
import { collect, memoryInUse } from './stats.js';

export const DEMO_SEED = 1337;
export const JS_ROWS = ['tape', 'eager', 'tfjs', 'closure'] as const;
export type JsRowName = (typeof JS_ROWS)[number];

export interface JsRow {
  /** Run `steps` training steps; returns ms per step. */
  run(steps: number): number;
  /** The loss before training, to show every row computes the same demo. */
  firstLoss: number;
  /** Row-specific facts for the table's caption (node count, tape slots, compile time). */
  info: Record<string, number>;
}

/** The demo's data and the starting weights every engine (PyTorch included) uses. */
export function demoData(): { X: number[][]; y: number[]; weights: number[][][] } {
  const { X, y } = moons(100, 0.1, 1);
  const model = new BenchMlp((x: number) => new Value(x), 2, [16, 16, 1], DEMO_SEED);
  return { X, y, weights: model.layers.map((l) => l.map((n) => n.map((v) => v.data))) };
}

const makeValue = (x: number): Value => new Value(x);
const perStep = (steps: number, step: () => void): number => {
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) step();
  return (performance.now() - t0) / steps;
};

export async function makeJsRow(name: JsRowName): Promise<JsRow> {
  const { X, y, weights } = demoData();
  let k = 0;
  switch (name) {
    case 'eager': {
      const model = new BenchMlp(makeValue, 2, [16, 16, 1], DEMO_SEED);
      const params = model.parameters();
      const first = demoLoss(makeValue, model, X, y).loss;
      const nodes = topoSort(first).length;
      // Heap growth for three more demo graphs kept alive: the eager engine's bytes per node.
      collect();
      const m0 = memoryInUse();
      const kept = [0, 1, 2].map(() => demoLoss(makeValue, model, X, y).loss);
      collect();
      const bytesPerNode = (memoryInUse() - m0) / (kept.length * nodes);
      const info = { nodes, bytesPerNode };
      return {
        firstLoss: first.data,
        info,
        run: (n) => perStep(n, () => eagerStep(makeValue, model, params, X, y, k++)),
      };
    }
    case 'tape': {
      const model = new BenchMlp(makeValue, 2, [16, 16, 1], DEMO_SEED);
      const params = model.parameters();
      const t0 = performance.now();
      const tape = compile(demoLoss(makeValue, model, X, y).loss);
      const info = { compileMs: performance.now() - t0, slots: tape.size, nodes: tape.nodeCount };
      const step = (): void => {
        tape.forward();
        for (const p of params) p.grad = 0;
        tape.backward();
        sgd(params, k++);
      };
      return { firstLoss: tape.forward(), info, run: (n) => perStep(n, step) };
    }
    case 'closure': {
      const make = (x: number): ClosureValue => new ClosureValue(x);
      const model = new BenchMlp(make, 2, [16, 16, 1], DEMO_SEED);
      const params = model.parameters();
      const firstLoss = demoLoss(make, model, X, y).loss.data;
      return { firstLoss, info: {}, run: (n) => perStep(n, () => eagerStep(make, model, params, X, y, k++)) };
    }
    case 'tfjs': {
      // Imported here so the other rows' processes never load TensorFlow.js.
      const { tfjsDemo } = await import('./tfjsDemo.js');
      const tf = await tfjsDemo(X, y, weights);
      return { firstLoss: tf.firstLoss, info: {}, run: tf.run };
    }
  }
}
