// The JavaScript engines of the demo table, each built in the process that times it (see rowProcess.ts).
import { topoSort, Value } from '../src/engine/value.js';
import { ClosureDemo } from './closure/closureDemo.js';
import { digitsEpochRow } from './digitsSetup.js';
import { compiledLoop, microgradLoop } from './microgradLoop.js';
import { DEMO_ALPHA, demoData, demoLr, demoTrainer } from './demoSetup.js';
import { collect, memoryInUse } from './stats.js';
import type { TfjsDemoModule } from './tfjs/tfjsDemoType.js';

export const JS_ROWS = [
  'tape',
  'eager',
  'loop-eager',
  'loop-compiled',
  'tfjs',
  'closure',
  'digits-tape',
  'digits-step',
  'digits-eager',
] as const;
export type JsRowName = (typeof JS_ROWS)[number];

export interface JsRow {
  /** Run `steps` training steps; returns ms per step. */
  run(steps: number): number;
  /** The loss before training, to show every row computes the same demo. */
  firstLoss: number;
  /** Row-specific facts for the table's caption (node count, tape slots, first-step time). */
  info: Record<string, number>;
}

const perStep = (steps: number, step: () => void): number => {
  const t0 = performance.now();
  for (let s = 0; s < steps; s++) step();
  return (performance.now() - t0) / steps;
};

export async function makeJsRow(name: JsRowName): Promise<JsRow> {
  switch (name) {
    case 'eager':
    case 'tape': {
      // Trainer.step() itself, as `micrograd train` runs it: --no-compile for eager, the default for tape.
      const trainer = demoTrainer(name === 'tape');
      const t0 = performance.now();
      const firstLoss = trainer.step().loss; // the tape engine records the graph and compiles it here
      const firstStepMs = performance.now() - t0;
      const run = (n: number): number => perStep(n, () => trainer.step());
      const tape = trainer.tape;
      if (name === 'tape') {
        if (tape === null) throw new Error('bench: the tape row trained without a tape');
        const info = { firstStepMs, slots: tape.size, tapeBytes: tape.byteLength, nodes: tape.nodeCount };
        return { firstLoss, info, run };
      }
      if (tape !== null) throw new Error('bench: the eager row compiled a tape');
      // The graph one eager step builds: inputs as leaves, as Trainer.step() wraps them.
      const { X, y } = trainer.data;
      const stepGraph = (): Value =>
        trainer.graph(
          X.map((r) => r.map((x) => new Value(x))),
          y,
        ).loss;
      const nodes = topoSort(stepGraph()).length;
      // Heap growth for three more demo graphs kept alive: the eager engine's bytes per node.
      collect();
      const m0 = memoryInUse();
      const kept = [0, 1, 2].map(stepGraph);
      collect();
      const bytesPerNode = (memoryInUse() - m0) / (kept.length * nodes);
      return { firstLoss, info: { nodes, bytesPerNode }, run };
    }
    case 'loop-eager':
    case 'loop-compiled': {
      // micrograd's notebook loop as a user writes it: eager every step, or its first graph compiled.
      const loop = name === 'loop-eager' ? microgradLoop() : compiledLoop();
      const firstLoss = loop.step();
      return { firstLoss, info: {}, run: (n) => perStep(n, () => loop.step()) };
    }
    case 'digits-tape':
      return digitsEpochRow('run');
    case 'digits-step':
      return digitsEpochRow('step');
    case 'digits-eager':
      return digitsEpochRow('eager');
    case 'closure': {
      const { X, y, weights } = demoData();
      const demo = new ClosureDemo(weights);
      let k = 0;
      const firstLoss = demo.loss(X, y, DEMO_ALPHA).data;
      return { firstLoss, info: {}, run: (n) => perStep(n, () => demo.step(X, y, DEMO_ALPHA, demoLr(k++))) };
    }
    case 'tfjs': {
      // Imported here so the other rows' processes never load TensorFlow.js; through a computed specifier
      // because it lives in its own optional install (bench/tfjs), which the main typecheck cannot see.
      const specifier = './tfjs/tfjsDemo.js';
      const { tfjsDemo } = (await import(specifier)) as TfjsDemoModule;
      const { X, y, weights } = demoData();
      const tf = await tfjsDemo(X, y, weights);
      return { firstLoss: tf.firstLoss, info: {}, run: tf.run };
    }
  }
}
