// The training worker: owns the Trainer, steps it while playing, and reports in small batches of time.

import type { FromWorker, ToWorker } from './messages.js';
import { boundsOf, TrainingRun, type Bounds } from './TrainingRun.js';

const GRID_RES = 48;
/** Train this long between reports, so the page hears back ~20 times a second. */
const SLICE_MS = 45;
/** Redraw the decision boundary at most this often (each costs a forward pass per grid cell). */
const GRID_EVERY_MS = 300;

let trainer: TrainingRun | undefined;
let bounds: Bounds | undefined;
let running = false;
/** Which play started the current loop: a pause then a quick play must not leave two loops running. */
let loopId = 0;
let lastGrid = 0;
let gridStep = -1;

const post = (m: FromWorker, transfer: Transferable[] = []): void => self.postMessage(m, { transfer });

function report(): void {
  if (trainer === undefined) return;
  post({
    type: 'report',
    step: trainer.steps,
    loss: trainer.lastLoss,
    accuracy: trainer.accuracy(),
    running,
  });
}

function sendGrid(): void {
  if (trainer === undefined || bounds === undefined || gridStep === trainer.steps) return;
  const scores = trainer.grid(bounds, GRID_RES);
  gridStep = trainer.steps;
  lastGrid = performance.now();
  post({ type: 'grid', res: GRID_RES, scores, step: trainer.steps }, [scores.buffer]);
}

function loop(id: number): void {
  if (!running || trainer === undefined || id !== loopId) return;
  const t0 = performance.now();
  try {
    do trainer.step();
    while (performance.now() - t0 < SLICE_MS);
  } catch (err) {
    running = false;
    fail(err);
  }
  report();
  if (performance.now() - lastGrid > GRID_EVERY_MS || !running) sendGrid();
  if (running) setTimeout(() => loop(id), 0);
}

function fail(err: unknown): void {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  try {
    switch (m.type) {
      case 'reset':
        running = false;
        trainer = new TrainingRun(m.config);
        bounds = boundsOf(trainer.data.X);
        gridStep = -1;
        post({ type: 'data', X: trainer.data.X, y: trainer.data.y, bounds });
        report();
        sendGrid();
        break;
      case 'play':
        if (!running) {
          running = true;
          const id = ++loopId;
          setTimeout(() => loop(id), 0);
        }
        break;
      case 'pause':
        running = false;
        report();
        sendGrid();
        break;
      case 'step':
        if (trainer === undefined) break;
        running = false;
        trainer.step();
        report();
        sendGrid();
        break;
      case 'inspect': {
        if (trainer === undefined) break;
        const { dot, loss } = trainer.neuronGraph(m.layer, m.neuron, m.sample);
        post({ type: 'neuron', layer: m.layer, neuron: m.neuron, sample: m.sample, dot, loss });
        break;
      }
    }
  } catch (err) {
    fail(err);
  }
};
