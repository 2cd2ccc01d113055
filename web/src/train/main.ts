// The train page: a network learning a 2-D dataset in a Web Worker, drawn live, every setting in the URL.

import '../style.css';
import './train.css';
import { byId, formatCompact } from '../dom.js';
import {
  configFromParams,
  configToParams,
  describeIgnored,
  LIMITS,
  MIN_POINTS,
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
  /** The run the worker's messages must be about: a message from a run since replaced is dropped. */
  runId: 0,
  /** Your own points of each problem type, kept while another dataset is shown, for coming back to. */
  saved: {
    classification: parsed.config.problem === 'classification' ? parsed.config.points : [],
    regression: parsed.config.problem === 'regression' ? parsed.config.points : [],
  },
  /** The neuron whose output the plane shows instead of the model's, while pointed at or focused. */
  previewing: undefined as NeuronChoice | undefined,
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
  preview: (c) => {
    state.previewing = c;
    drawBoard();
  },
  editWeight: (layer, neuron, input, value) => {
    send({ type: 'setWeight', layer, neuron, input, value });
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

/** A message that outlives a progress line (the network changed, then its graphs were recorded). */
let note = '';

/** Say something that stays through the progress lines of the run it starts. */
function announce(text: string): void {
  note = text;
  setStatus(text);
}

function setStatus(text: string, kind: 'info' | 'warn' = 'info'): void {
  if (text !== note) note = '';
  status.textContent = text;
  status.className = `status ${kind}`;
}

/** While the worker is busy with a long phase, its name and the seconds it has taken so far. */
let progressTimer: number | undefined;
function showProgress(text: string): void {
  stopProgress();
  const t0 = performance.now();
  // Straight to the line, not through setStatus: the note it covers comes back when it is done.
  const tick = (): void => {
    status.textContent = `${text} ${((performance.now() - t0) / 1000).toFixed(1)} s`;
    status.className = 'status info';
  };
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

/** The thumbnail values of neuron `c` in the last grid (features first, then every layer's neurons). */
function neuronMap(c: NeuronChoice): { res: number; values: Float32Array; scale: number } | undefined {
  const g = state.lastGrid;
  if (g === undefined) return undefined;
  let k = state.config.features.length + c.neuron;
  for (let l = 0; l < c.layer; l++) k += state.config.hidden[l]!;
  const values = g.thumbs[k];
  // The thumbnail's own colours: its value on [-1, 1], as the small square shows it.
  return values === undefined ? undefined : { res: g.thumbRes, values, scale: 1 };
}

function drawBoard(): void {
  const b = state.board;
  if (b === undefined) return;
  b.showTest = state.config.showTest;
  b.discretize = state.config.discretize;
  const c = state.previewing;
  const map = c === undefined ? undefined : neuronMap(c);
  if (map === undefined) delete b.preview;
  else b.preview = map;
  const last = c !== undefined && c.layer === state.config.hidden.length;
  byId('plane-caption').textContent =
    c === undefined || map === undefined
      ? ''
      : `Showing ${last ? 'the output' : `layer ${c.layer + 1}`} neuron ${c.neuron + 1}'s output over the plane`;
  drawHeatmap(heatmap, boardWidth(), b);
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

/** Start over (new data or network): a new run, numbered so that late messages of the old one are dropped. */
function reset(): void {
  state.runId++;
  setRunning(false);
  state.curve = [];
  state.step = 0;
  state.board = undefined;
  state.lastGrid = undefined;
  drawCurve();
  for (const id of ['train-loss', 'test-loss', 'train-acc', 'test-acc']) byId(`stat-${id}`).textContent = '–';
  showProblem();
  byId('stat-step').textContent = '0';
  byId('stat-sps').textContent = '';
  const sizes = [...state.config.hidden, outputsFor(state.config.loss)];
  const ch = state.chosen;
  if (ch !== undefined && (ch.layer >= sizes.length || ch.neuron >= sizes[ch.layer]!))
    state.chosen = undefined;
  renderNet();
  neuron.reset();
  stopProgress();
  note = '';
  setStatus('');
  send({ type: 'reset', config: state.config, run: state.runId });
}

/** Labels that follow the problem type: accuracy or R², classes or values. */
function showProblem(): void {
  const regression = state.config.problem === 'regression';
  main.dataset['problem'] = state.config.problem;
  byId('label-train-acc').textContent = regression ? 'Train R²' : 'Train acc.';
  byId('label-test-acc').textContent = regression ? 'Test R²' : 'Test acc.';
  const names = regression ? ['−1', '+1'] : ['class 0', 'class 1'];
  main.querySelectorAll('.paint-name').forEach((el, i) => (el.textContent = names[i] ?? ''));
  byId('colour-hint').textContent = regression
    ? 'Colour: the predicted value (points: their target), orange below 0, blue above. Loss: MSE.'
    : 'Colour: the output (tanh of the score): orange says class 0, blue class 1.';
  // Your own points have no generator: their count and noise are what they are.
  for (const el of main.querySelectorAll<HTMLElement>('.generated'))
    el.hidden = state.config.dataset === 'custom';
}

function saveToUrl(): void {
  const query = `?${configToParams(state.config).toString()}`;
  history.replaceState(null, '', query);
  share.href = query;
  byId('train-pct').textContent = `${state.config.trainPct}%`;
}

const LIVE = ['lr', 'regularization', 'regRate', 'speed', 'maxSteps'] as const;
const VIEW = ['showTest', 'discretize', 'paint'] as const;

/** Which settings a message names when a change starts the run over. */
const SETTING_NAMES: Partial<Record<keyof TrainConfig, string>> = {
  hidden: 'network',
  features: 'features',
  activation: 'activation',
  loss: 'loss',
  optimizer: 'optimizer',
  batch: 'batch size',
  dataset: 'dataset',
  problem: 'problem type',
  size: 'number of points',
  noise: 'noise',
  seed: 'seed',
  trainPct: 'training split',
  points: 'points',
};

/**
 * Make `next` the setup. Rate, regularization, speed and view go on live; new points (`keepRun`) go on
 * training the same weights; anything else starts over at step 0, saying so, and plays on if it played.
 */
function apply(next: TrainConfig, keepRun = false): void {
  const prev = state.config;
  state.config = next;
  if (next.dataset === 'custom') state.saved[next.problem] = next.points;
  saveToUrl();
  showConfig(main, next);
  showBatch();
  const changed = (Object.keys(next) as (keyof TrainConfig)[]).filter(
    (k) => JSON.stringify(next[k]) !== JSON.stringify(prev[k]),
  );
  const soft: readonly string[] = [...LIVE, ...VIEW];
  const hard = changed.filter((k) => !soft.includes(k));
  if (hard.length > 0 && keepRun && next.problem === prev.problem) {
    showProblem();
    send({ type: 'data', config: next });
    const n = next.points.length;
    announce(
      `Now ${n} points; ${state.running ? 'training goes on' : 'the run goes on'} with the same weights.`,
    );
    return;
  }
  if (hard.length > 0) {
    const wasRunning = state.running;
    reset();
    const names = [...new Set(hard.map((k) => SETTING_NAMES[k] ?? k))].join(', ');
    announce(
      `New ${names}: the run started over at step 0 with new weights${wasRunning ? ' and plays on' : ''}.`,
    );
    if (wasRunning) {
      setRunning(true);
      send({ type: 'play' });
    }
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
  if (el.name === 'dataset' && el.value === 'custom' && state.saved[state.config.problem].length === 0) {
    setStatus(
      `Your points: none yet. Click the plane to add points (at least ${MIN_POINTS}), or paste a CSV under “Your own points”.`,
      'warn',
    );
    showConfig(main, state.config);
    return;
  }
  const r = readChange(el, state.config, state.saved);
  if (r.ignored.length > 0) {
    // The browser's own messages end in a full stop already.
    const reason = r.ignored[0]!.reason.replace(/\.$/, '');
    setStatus(
      `${labelOf(main, el.name)}: ${reason}. Kept ${el.name}=${configToParams(state.config).get(el.name) ?? ''}.`,
      'warn',
    );
    showConfig(main, state.config);
    return;
  }
  apply(r.config);
}

/** The figures for one measure: losses (and R² or accuracy) in the page's one number style. */
function showMeasure(ms: Extract<FromWorker, { type: 'report' }>['measure']): void {
  byId('stat-step').textContent = String(ms.step);
  const fmt = (v: number): string => (Number.isNaN(v) ? '–' : formatCompact(v));
  const regression = state.config.problem === 'regression';
  const score = (s: { accuracy: number; r2: number }): string =>
    regression ? fmt(s.r2) : Number.isFinite(s.accuracy) ? `${(s.accuracy * 100).toFixed(1)}%` : '–';
  for (const [id, v] of [
    ['train-loss', ms.train.loss],
    ['test-loss', ms.test.loss],
  ] as const) {
    byId(`stat-${id}`).textContent = fmt(v);
    byId(`stat-${id}`).dataset['value'] = String(v);
  }
  byId('stat-train-acc').textContent = score(ms.train);
  byId('stat-test-acc').textContent = score(ms.test);
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  // Reports of a run since replaced (a quick Reset, a click while a step was on its way) are dropped.
  if (m.run !== state.runId) return;
  switch (m.type) {
    case 'data':
      state.board = {
        X: m.X,
        y: m.y,
        testIdx: m.testIdx,
        bounds: m.bounds,
        showTest: false,
        discretize: false,
        ...(state.config.problem === 'regression'
          ? { valueScale: Math.max(1, ...m.y.map((v) => Math.abs(v))) }
          : {}),
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
        setStatus(note);
      }
      showMeasure(ms);
      byId('stat-sps').textContent =
        m.running && m.stepsPerSec > 0 ? `${m.stepsPerSec.toFixed(m.stepsPerSec < 10 ? 1 : 0)} steps/s` : '';
      for (const p of m.curve) if ((state.curve.at(-1)?.step ?? -1) < p.step) state.curve.push(p);
      drawCurve();
      neuron.tick();
      break;
    }
    case 'stopped':
      stopProgress();
      setRunning(false);
      if (m.measure !== undefined) showMeasure(m.measure);
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
  else apply(r, true);
});
const csvError = byId('csv-error');
const useCsv = (text: string): void => {
  const r = loadCsv(state.config, text);
  csvError.textContent = typeof r === 'string' ? r : '';
  if (typeof r === 'string') return;
  const became = r.problem !== state.config.problem;
  apply(r);
  if (became) announce(`The CSV's labels are not all 0 or 1: training it as regression (MSE), from step 0.`);
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

// Space plays and pauses, as Playground's big button does, except while typing or on a control Space works.
document.addEventListener('keydown', (e) => {
  if (e.key !== ' ' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (
    t instanceof HTMLInputElement ||
    t instanceof HTMLTextAreaElement ||
    t instanceof HTMLSelectElement ||
    t instanceof HTMLButtonElement ||
    t instanceof HTMLAnchorElement ||
    (t instanceof HTMLElement && t.isContentEditable)
  )
    return;
  e.preventDefault();
  playButton.click();
});

// On a phone the output panel is sticky: keep a focused control clear of it (scroll-margin in train.css,
// and a scroll here for browsers that count a control under it as already in view).
const outputPanel = main.querySelector<HTMLElement>('.output')!;
new ResizeObserver(() => {
  main.style.setProperty('--sticky-height', phone.matches ? `${outputPanel.offsetHeight}px` : '0px');
}).observe(outputPanel);
main.addEventListener('focusin', (e) => {
  const el = e.target;
  if (!phone.matches || !(el instanceof HTMLElement) || outputPanel.contains(el)) return;
  requestAnimationFrame(() => {
    const top = el.getBoundingClientRect().top;
    const covered = outputPanel.getBoundingClientRect().bottom + 8;
    if (top < covered) window.scrollBy(0, top - covered);
  });
});

saveToUrl();
reset();
