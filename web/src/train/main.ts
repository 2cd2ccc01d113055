// The train page: a network learning a 2-D dataset in a Web Worker, drawn live, every setting in the URL.

import '../style.css';
import './train.css';
import { byId } from '../dom.js';
import {
  configFromParams,
  configToParams,
  describeIgnored,
  LIMITS,
  outputsFor,
  type TrainConfig,
} from './config.js';
import { fillChoices, labelOf, readChange, showConfig } from './controls.js';
import { drawCurves, type CurvePoint } from './curves.js';
import { drawHeatmap, planeAt, type HeatmapState } from './heatmap.js';
import type { FromWorker, ToWorker } from './messages.js';
import { NetworkView, type NeuronChoice } from './networkView.js';
import { setupNeuronPanel } from './neuronPanel.js';
import { addPoint, loadCsv, removePointNear } from './pointEdits.js';
import { setupDownloads } from './downloads.js';

const heatmap = byId<HTMLCanvasElement>('heatmap');
const curvesCanvas = byId<HTMLCanvasElement>('curves');
const playButton = byId<HTMLButtonElement>('play');
const share = byId<HTMLAnchorElement>('share');
const status = byId('status');
const main = byId('main');

const parsed = configFromParams(new URLSearchParams(location.search));
/** The page's one state: the setup (what the URL holds) and what the run has reported. */
const state = {
  config: parsed.config,
  running: false,
  board: undefined as HeatmapState | undefined,
  curve: [] as CurvePoint[],
  chosen: undefined as NeuronChoice | undefined,
  trainCount: 0,
  step: 0,
  /** The last thumbnails and weights, to repaint the network after it is rebuilt. */
  lastGrid: undefined as Extract<FromWorker, { type: 'grid' }> | undefined,
};
if (parsed.ignored.length > 0) byId('url-note').textContent = describeIgnored(parsed.ignored);

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const send = (m: ToWorker): void => worker.postMessage(m);

const net = new NetworkView(byId('net'), byId('net-readout'), {
  choose: (c) => {
    state.chosen = c;
    renderNet();
    byId('net')
      .querySelector<HTMLButtonElement>(`button[data-layer='${c.layer}'][data-neuron='${c.neuron}']`)
      ?.focus();
    neuron.inspect();
  },
  toggleFeature: (f) => {
    const on = state.config.features.includes(f);
    if (on && state.config.features.length === 1) {
      setStatus('The network needs at least one feature.');
      return;
    }
    const features = on ? state.config.features.filter((x) => x !== f) : [...state.config.features, f];
    applyParams({ features: features.join(',') });
  },
  resizeLayer: (layer, delta) => {
    const hidden = state.config.hidden.map((n, i) => (i === layer ? n + delta : n));
    applyParams({ hidden: hidden.join(',') });
  },
  resizeNetwork: (delta) => {
    const hidden = delta > 0 ? [...state.config.hidden, 4] : state.config.hidden.slice(0, -1);
    applyParams({ hidden: hidden.join(',') });
  },
});
const neuron = setupNeuronPanel(
  () => state,
  (m) => send(m),
);

/** The batch field's note: how many training points there are, and whether the batch takes them all. */
function showBatch(): void {
  const n = state.trainCount;
  byId('batch-of').textContent = n === 0 ? '' : state.config.batch >= n ? `(all ${n})` : `(of ${n})`;
}

function setStatus(text: string, kind: 'info' | 'warn' = 'info'): void {
  status.textContent = text;
  status.className = `status ${kind}`;
}

/** While the worker is busy with a long phase, its name and the seconds it has taken so far. */
let progressTimer: number | undefined;
function showProgress(text: string): void {
  stopProgress();
  const t0 = performance.now();
  const tick = (): void => setStatus(`${text} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  tick();
  progressTimer = window.setInterval(tick, 200);
}
function stopProgress(): void {
  window.clearInterval(progressTimer);
  progressTimer = undefined;
}

function setRunning(r: boolean): void {
  state.running = r;
  playButton.textContent = r ? 'Pause' : 'Play';
  playButton.setAttribute('aria-pressed', String(r));
}

const boardWidth = (): number => Math.max(180, Math.min(420, heatmap.parentElement!.clientWidth));

function drawBoard(): void {
  if (state.board === undefined) return;
  state.board.showTest = state.config.showTest;
  state.board.discretize = state.config.discretize;
  drawHeatmap(heatmap, boardWidth(), state.board);
}

const phone = window.matchMedia('(max-width: 700px)');

/** The loss chart sits under the numbers beside the plane, or on a phone in its own panel below. */
function placeCurves(): void {
  const box = byId('curves-box');
  const home = phone.matches ? byId('curves-panel') : byId('curves-slot');
  if (box.parentElement !== home) home.append(box);
  byId('curves-panel').hidden = !phone.matches;
}

function drawCurve(): void {
  const w = Math.max(200, byId('curves-box').clientWidth);
  drawCurves(curvesCanvas, w, phone.matches ? 150 : 110, state.curve);
}

function renderNet(): void {
  const c = state.config;
  net.render(
    c.features,
    [...c.hidden, outputsFor(c.loss)],
    state.chosen,
    state.board?.bounds,
    LIMITS.layers[1],
    LIMITS.neurons[1],
  );
  const g = state.lastGrid;
  if (g !== undefined) net.update(g.thumbRes, g.thumbs, g.weights);
}

function reset(): void {
  setRunning(false);
  state.curve = [];
  state.step = 0;
  state.board = undefined;
  state.lastGrid = undefined;
  drawCurve();
  for (const id of ['train-loss', 'test-loss', 'train-acc', 'test-acc']) byId(`stat-${id}`).textContent = '–';
  byId('stat-step').textContent = '0';
  byId('stat-sps').textContent = '';
  const sizes = [...state.config.hidden, outputsFor(state.config.loss)];
  const ch = state.chosen;
  if (ch !== undefined && (ch.layer >= sizes.length || ch.neuron >= sizes[ch.layer]!))
    state.chosen = undefined;
  renderNet();
  neuron.reset();
  stopProgress();
  setStatus('');
  send({ type: 'reset', config: state.config });
}

function saveToUrl(): void {
  const query = `?${configToParams(state.config).toString()}`;
  history.replaceState(null, '', query);
  share.href = query;
  byId('train-pct').textContent = `${state.config.trainPct}%`;
}

const LIVE = ['lr', 'regularization', 'regRate', 'speed', 'maxSteps'] as const;
const VIEW = ['showTest', 'discretize', 'paint'] as const;

/** Make `next` the setup: a change of data or network starts over, rate/regularization/speed go on live. */
function apply(next: TrainConfig): void {
  const prev = state.config;
  state.config = next;
  saveToUrl();
  showConfig(main, next);
  showBatch();
  const changed = (Object.keys(next) as (keyof TrainConfig)[]).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(prev[k]),
  );
  const soft: readonly string[] = [...LIVE, ...VIEW];
  if (changed.some((k) => !soft.includes(k))) {
    reset();
    return;
  }
  if (changed.some((k) => (LIVE as readonly string[]).includes(k))) {
    const { lr, regularization, regRate, speed, maxSteps } = next;
    send({ type: 'live', settings: { lr, regularization, regRate, speed, maxSteps } });
    setStatus(state.running ? 'New setting applied; training goes on.' : '');
  }
  drawBoard();
}

/** Change some URL keys at once (features, hidden layers, points), checked as a link would be. */
function applyParams(patch: Record<string, string>): void {
  const params = configToParams(state.config);
  for (const [k, v] of Object.entries(patch)) params.set(k, v);
  const r = configFromParams(params);
  if (r.ignored.length > 0) setStatus(describeIgnored(r.ignored), 'warn');
  else apply(r.config);
}

function onControl(e: Event): void {
  const el = e.target;
  if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || el.name === '') return;
  if (el.type === 'radio' && !(el as HTMLInputElement).checked) return;
  const r = readChange(el, state.config);
  if (r.ignored.length > 0) {
    setStatus(
      `${labelOf(main, el.name)}: ${r.ignored[0]!.reason}. Kept ${el.name}=${configToParams(state.config).get(el.name) ?? ''}.`,
      'warn',
    );
    showConfig(main, state.config);
    return;
  }
  apply(r.config);
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'data':
      state.board = {
        X: m.X,
        y: m.y,
        testIdx: m.testIdx,
        bounds: m.bounds,
        showTest: false,
        discretize: false,
      };
      state.trainCount = m.trainIdx.length;
      showBatch();
      byId('sample-range').textContent = `(0 to ${m.X.length - 1})`;
      neuron.setMax(m.X.length - 1);
      renderNet();
      drawBoard();
      break;
    case 'progress':
      showProgress(m.text);
      break;
    case 'grid':
      if (state.board === undefined) break;
      state.board.grid = { res: m.res, scores: m.scores };
      drawBoard();
      state.lastGrid = m;
      net.update(m.thumbRes, m.thumbs, m.weights);
      break;
    case 'report': {
      const { measure: ms } = m;
      state.step = ms.step;
      if (progressTimer !== undefined) {
        stopProgress();
        setStatus('');
      }
      byId('stat-step').textContent = String(ms.step);
      byId('stat-sps').textContent =
        m.running && m.stepsPerSec > 0 ? `${m.stepsPerSec.toFixed(m.stepsPerSec < 10 ? 1 : 0)} steps/s` : '';
      const fmt = (v: number): string =>
        Number.isFinite(v) ? v.toFixed(4) : Number.isNaN(v) ? '–' : String(v);
      const pct = (v: number): string => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '–');
      for (const [id, v] of [
        ['train-loss', ms.train.loss],
        ['test-loss', ms.test.loss],
      ] as const) {
        byId(`stat-${id}`).textContent = fmt(v);
        byId(`stat-${id}`).dataset['value'] = String(v);
      }
      byId('stat-train-acc').textContent = pct(ms.train.accuracy);
      byId('stat-test-acc').textContent = pct(ms.test.accuracy);
      for (const p of m.curve) if ((state.curve.at(-1)?.step ?? -1) < p.step) state.curve.push(p);
      drawCurve();
      neuron.tick();
      break;
    }
    case 'stopped':
      stopProgress();
      setRunning(false);
      if (m.kind === 'diverged')
        setStatus(`Paused: ${m.why}. To go on, ${m.hint ?? 'change a setting'}, then Reset.`, 'warn');
      else setStatus(`Stopped at ${m.why}. Raise “Stop at step” to train on.`);
      break;
    case 'neuron':
      neuron.show(m);
      break;
    case 'model':
      downloads.receive(m.json);
      break;
    case 'error':
      stopProgress();
      setRunning(false);
      setStatus(`Training stopped: ${m.message}`, 'warn');
      break;
  }
};
worker.onerror = (e) => {
  setRunning(false);
  setStatus(`The training worker failed: ${e.message}`, 'warn');
};

const downloads = setupDownloads(
  () => state.config,
  () => send({ type: 'model' }),
  (message) => setStatus(message, 'warn'),
);

placeCurves();
phone.addEventListener('change', () => {
  placeCurves();
  drawCurve();
});
fillChoices(main);
showConfig(main, state.config);
main.addEventListener('change', onControl);
for (const f of main.querySelectorAll('form')) f.addEventListener('submit', (e) => e.preventDefault());
playButton.addEventListener('click', () => {
  setRunning(!state.running);
  send({ type: state.running ? 'play' : 'pause' });
  if (state.running) setStatus('');
});
byId('step1').addEventListener('click', () => {
  setRunning(false);
  send({ type: 'step' });
  neuron.inspect();
});
byId('reset').addEventListener('click', reset);

heatmap.addEventListener('click', (e) => {
  const b = state.board;
  if (b === undefined) return;
  const at = planeAt(boardWidth(), b.bounds, e.offsetX, e.offsetY);
  if (at === null) return;
  const r = e.shiftKey
    ? removePointNear(state.config, b, at, (8 / boardWidth()) * (b.bounds.x1 - b.bounds.x0))
    : addPoint(state.config, b, at);
  if (typeof r === 'string') setStatus(r, 'warn');
  else apply(r);
});
const csvError = byId('csv-error');
const useCsv = (text: string): void => {
  const r = loadCsv(state.config, text);
  csvError.textContent = typeof r === 'string' ? r : '';
  if (typeof r !== 'string') apply(r);
};
byId('csv-use').addEventListener('click', () => useCsv(byId<HTMLTextAreaElement>('csv-text').value));
byId<HTMLInputElement>('csv-file').addEventListener('change', (e) => {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (file !== undefined) file.text().then(useCsv, (err: unknown) => (csvError.textContent = String(err)));
});
let lastWidth = 0;
new ResizeObserver(() => {
  if (main.clientWidth === lastWidth) return;
  lastWidth = main.clientWidth;
  drawBoard();
  drawCurve();
  renderNet();
}).observe(main);

saveToUrl();
reset();
