// The training worker: owns the run, steps it at the chosen speed, measures it and sends the pictures' data.

import type { FromWorkerBody, LiveSettings, ToWorker } from './messages.js';
import type { CurvePoint } from './curves.js';
import { boundsOf, TrainingRun, type Bounds, type Measure } from './TrainingRun.js';
import { formatCompact } from '../../../src/viz/formatCompact.js';

/** The decision boundary's grid (Playground's density) and the network picture's thumbnails. */
const GRID_RES = 100;
const THUMB_RES = 24;
/** Longest stretch of steps between looks at the mailbox, so pause and new settings apply promptly. */
const SLICE_MS = 45;
/** Measure train and test loss at most this often when steps come faster (each costs two tape forwards). */
const REPORT_MS = 80;

let run: TrainingRun | undefined;
/** The page's number for the current run, sent back with every message. */
let runId = 0;
let bounds: Bounds | undefined;
let live: LiveSettings | undefined;
let running = false;
/** Which play started the current loop: a pause then a quick play must not leave two loops running. */
let loopId = 0;
let lastReport = 0;
let lastGrid = 0;
let gridCost = 0;
let gridStep = -1;
/** Steps owed at the chosen speed are counted from here. */
let paceFrom = { t: 0, step: 0 };
/** Recent (time, step) pairs, for steps per second. */
let recent: Array<{ t: number; step: number }> = [];

const post = (m: FromWorkerBody, transfer: Transferable[] = []): void =>
  self.postMessage({ ...m, run: runId }, { transfer });

function stepsPerSec(): number {
  const first = recent[0];
  const last = recent.at(-1);
  if (first === undefined || last === undefined || last.t - first.t < 100) return 0;
  return ((last.step - first.step) * 1000) / (last.t - first.t);
}

/** Record the measuring graphs before the first report, saying so: on a big network this takes seconds. */
function measureWithProgress(r: TrainingRun): ReturnType<TrainingRun['measure']> {
  for (const which of ['train', 'test'] as const) {
    if (r.needsRecording(which)) {
      const n = (which === 'train' ? r.trainIdx : r.testIdx).length;
      post({
        type: 'progress',
        text: `Recording the ${which} set's loss graph (${n} points) for measuring…`,
      });
      r.measure();
    }
  }
  return r.measure();
}

/** Curve points measured since the last report, and what measuring and stepping cost (moving averages). */
let pending: CurvePoint[] = [];
let last: Measure | undefined;
let measureMs = 0;
let stepMs = 0;

/** Measure train and test at the current weights, keeping the point for the loss curves. */
function sample(r: TrainingRun): Measure {
  if (last?.step === r.steps) return last;
  const t0 = performance.now();
  const m = measureWithProgress(r);
  measureMs = 0.8 * measureMs + 0.2 * (performance.now() - t0);
  pending.push({ step: m.step, train: m.train.loss, test: m.test.loss });
  last = m;
  return m;
}

/**
 * At full speed, measure every few steps so the curves keep their shape while measuring takes at most
 * about a third of the time (each measure is two tape forwards; a step is a forward and a backward).
 */
const measureEvery = (): number => Math.max(1, Math.ceil(measureMs / (0.5 * Math.max(stepMs, 1e-3))));

function report(): void {
  if (run === undefined) return;
  lastReport = performance.now();
  const measure = sample(run);
  const curve = pending;
  pending = [];
  post({
    type: 'report',
    measure,
    curve,
    running,
    stepsPerSec: running ? stepsPerSec() : 0,
  });
}

function sendGrid(): void {
  if (run === undefined || bounds === undefined || gridStep === run.steps) return;
  const t0 = performance.now();
  const [scores] = run.grid(bounds, GRID_RES, false);
  const thumbs = run.grid(bounds, THUMB_RES, true);
  gridStep = run.steps;
  lastGrid = performance.now();
  gridCost = lastGrid - t0;
  post(
    {
      type: 'grid',
      step: run.steps,
      res: GRID_RES,
      scores: scores!,
      thumbRes: THUMB_RES,
      thumbs,
      weights: run.weights(),
    },
    [scores!.buffer, ...thumbs.map((t) => t.buffer)],
  );
}

function stop(kind: 'limit', why: string): void {
  running = false;
  if (run !== undefined) post({ type: 'stopped', kind, step: run.steps, why });
}

/** One step, with the first one's slow recording announced; false when the run had to stop. */
function stepOnce(r: TrainingRun): boolean {
  if (r.steps >= (live?.maxSteps ?? Infinity)) {
    stop('limit', `the step limit of ${live?.maxSteps ?? 0}`);
    return false;
  }
  if (r.steps === 0 && r.trainer.engine === 'tape')
    post({
      type: 'progress',
      text: `First step: recording and compiling the graph of ${r.trainIdx.length} training points…`,
    });
  const t0 = performance.now();
  const d = r.step();
  const t1 = performance.now();
  stepMs = 0.8 * stepMs + 0.2 * (t1 - t0);
  recent.push({ t: t1, step: r.steps });
  if (d !== null) {
    running = false;
    // The message quotes the figures the page shows for this step, measured here once and sent with it.
    const m = sample(r);
    const why = divergenceText(m, d.best, d.weight);
    post({ type: 'stopped', kind: 'diverged', step: r.steps, why, hint: d.hint, measure: m });
    return false;
  }
  return true;
}

/** What went wrong, in the numbers the figures show: the training loss at the step the run stopped on. */
function divergenceText(m: Measure, best: number, weightWhy: string | undefined): string {
  const loss = formatCompact(m.train.loss);
  const was = Number.isFinite(best) ? ` (its lowest was ${formatCompact(best)})` : '';
  const lead = weightWhy === undefined ? '' : `${weightWhy}; `;
  return `${lead}the training loss is ${loss} at step ${m.step}${was}`;
}

function loop(id: number): void {
  if (!running || run === undefined || id !== loopId || live === undefined) return;
  const t0 = performance.now();
  const speed = live.speed;
  try {
    if (speed === 0) {
      while (running && performance.now() - t0 < SLICE_MS) {
        if (!stepOnce(run)) break;
        if (run.steps - (last?.step ?? 0) >= measureEvery()) sample(run);
      }
    } else {
      const owed = () =>
        Math.floor(((performance.now() - paceFrom.t) * speed) / 1000) - (run!.steps - paceFrom.step);
      while (running && owed() > 0 && performance.now() - t0 < SLICE_MS) if (!stepOnce(run)) break;
      // Far behind (a slow network at a fast setting): forget the debt rather than rush to repay it.
      if (owed() > speed) paceFrom = { t: performance.now(), step: run.steps };
    }
  } catch (err) {
    running = false;
    fail(err);
  }
  const now = performance.now();
  recent = recent.filter((p) => now - p.t < 1500);
  if (!running || speed !== 0 || now - lastReport > REPORT_MS) report();
  if (!running || now - lastGrid > Math.max(200, 4 * gridCost)) sendGrid();
  if (running) {
    const wait = speed === 0 ? 0 : Math.max(0, Math.min(100, 1000 / speed - (performance.now() - now)));
    setTimeout(() => loop(id), wait);
  }
}

function fail(err: unknown): void {
  post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}

function applyLive(s: LiveSettings): void {
  live = s;
  if (run !== undefined) {
    run.live.lr = s.lr;
    run.live.regularization = s.regularization;
    run.live.regRate = s.regRate;
  }
  paceFrom = { t: performance.now(), step: run?.steps ?? 0 };
}

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  try {
    switch (m.type) {
      case 'reset':
      case 'data': {
        if (m.type === 'reset') {
          running = false;
          runId = m.run;
          run = new TrainingRun(m.config);
          recent = [];
        } else {
          if (run === undefined) break;
          run = new TrainingRun(m.config, run.carry());
        }
        applyLive(m.config);
        bounds = boundsOf(run.data.X);
        gridStep = -1;
        pending = [];
        last = undefined;
        post({
          type: 'data',
          X: run.data.X,
          y: run.data.y,
          trainIdx: run.trainIdx,
          testIdx: run.testIdx,
          bounds,
        });
        report();
        sendGrid();
        break;
      }
      case 'setWeight':
        if (run === undefined) break;
        run.setWeight(m.layer, m.neuron, m.input, m.value);
        // Same step, new weights: measure and draw again.
        last = undefined;
        gridStep = -1;
        report();
        sendGrid();
        break;
      case 'live':
        applyLive(m.settings);
        break;
      case 'play':
        if (!running && run !== undefined) {
          if (run.steps >= (live?.maxSteps ?? Infinity)) {
            stop('limit', `the step limit of ${live?.maxSteps ?? 0}`);
            break;
          }
          running = true;
          paceFrom = { t: performance.now(), step: run.steps };
          recent = [];
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
        if (run === undefined) break;
        running = false;
        stepOnce(run);
        report();
        sendGrid();
        break;
      case 'inspect': {
        if (run === undefined) break;
        const { dot, loss } = run.neuronGraph(m.layer, m.neuron, m.sample);
        post({ type: 'neuron', layer: m.layer, neuron: m.neuron, sample: m.sample, dot, loss });
        break;
      }
      case 'model':
        if (run !== undefined) post({ type: 'model', json: JSON.stringify(run.model.toJSON(), null, 1) });
        break;
    }
  } catch (err) {
    running = false;
    fail(err);
  }
};
