// The train page: a network learning a 2-D dataset in a Web Worker, drawn live.

import '../style.css';
import { dotToSvg } from '../../../src/viz/graphviz.js';
import { byId, formatFixed, h, parseSvg, sizeSvg } from '../dom.js';
import { configFromParams, configToParams, outputsFor, type TrainConfig } from './config.js';
import { buildConfigForm } from './configForm.js';
import { drawCurves, type CurvePoint } from './curves.js';
import { drawHeatmap, type HeatmapState } from './heatmap.js';
import type { FromWorker, ToWorker } from './messages.js';
import { renderNetwork, type NeuronChoice } from './networkView.js';

const heatmap = byId<HTMLCanvasElement>('heatmap');
const curvesCanvas = byId<HTMLCanvasElement>('curves');
const playButton = byId<HTMLButtonElement>('play');
const netBox = byId('net');
const sampleInput = byId<HTMLInputElement>('sample');
const neuronGraph = byId('neuron-graph');
const share = byId<HTMLAnchorElement>('share');

let config: TrainConfig = configFromParams(new URLSearchParams(location.search));
let board: HeatmapState | undefined;
let curve: CurvePoint[] = [];
let running = false;
let chosen: NeuronChoice | undefined;
let lastInspect = 0;

const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
const send = (m: ToWorker): void => worker.postMessage(m);

function setRunning(r: boolean): void {
  running = r;
  playButton.textContent = r ? 'Pause' : 'Play';
  playButton.setAttribute('aria-pressed', String(r));
}

function reset(): void {
  setRunning(false);
  curve = [];
  board = undefined;
  drawCurves(curvesCanvas, curve);
  byId('stat-step').textContent = '0';
  byId('stat-loss').textContent = '–';
  byId('stat-acc').textContent = '–';
  sampleInput.max = String(config.size - 1);
  byId('sample-range').textContent = `(0 to ${config.size - 1})`;
  if (Number(sampleInput.value) > config.size - 1) sampleInput.value = '0';
  const sizes = [...config.hidden, outputsFor(config.loss)];
  if (chosen !== undefined && (chosen.layer >= sizes.length || chosen.neuron >= sizes[chosen.layer]!))
    chosen = undefined;
  renderNetwork(netBox, sizes, chosen, choose);
  if (chosen === undefined) neuronGraph.replaceChildren();
  send({ type: 'reset', config });
  if (chosen !== undefined) inspect();
}

function saveToUrl(): void {
  const query = `?${configToParams(config).toString()}`;
  history.replaceState(null, '', query);
  share.href = query;
}

function choose(c: NeuronChoice): void {
  chosen = c;
  renderNetwork(netBox, [...config.hidden, outputsFor(config.loss)], chosen, choose);
  netBox
    .querySelector<HTMLButtonElement>(`button[data-layer='${c.layer}'][data-neuron='${c.neuron}']`)
    ?.focus();
  inspect();
}

function inspect(): void {
  if (chosen === undefined) return;
  lastInspect = performance.now();
  const sample = Math.min(config.size - 1, Math.max(0, Math.floor(sampleInput.valueAsNumber || 0)));
  send({ type: 'inspect', layer: chosen.layer, neuron: chosen.neuron, sample });
}

async function showNeuron(m: Extract<FromWorker, { type: 'neuron' }>): Promise<void> {
  // Natural size in a scrolling box: a neuron with many inputs is a long chain, unreadable if shrunk.
  const svg = parseSvg(await dotToSvg(m.dot));
  sizeSvg(svg, neuronGraph.clientWidth - 2, 'fit', 0.6);
  svg.setAttribute('role', 'img');
  const last = m.layer === config.hidden.length;
  const what = `${last ? 'Output' : `Layer ${m.layer + 1}`} neuron ${m.neuron + 1}, sample ${m.sample}`;
  svg.setAttribute('aria-label', `Computational graph of ${what}`);
  const point = board?.X[m.sample];
  const cls = board?.y[m.sample];
  neuronGraph.replaceChildren(
    h(
      'p',
      { class: 'hint' },
      `${what}: x = (${point?.map((c) => formatFixed(c, 2)).join(', ') ?? '?'}), class ${cls ?? '?'}, ` +
        `data loss ${formatFixed(m.loss)}. Grads are of this sample's loss (with the L2 term) at the current weights` +
        (m.loss === 0 ? ': the sample is past the margin, so only the L2 term pulls on the weights.' : '.'),
    ),
    svg,
  );
}

worker.onmessage = (e: MessageEvent<FromWorker>) => {
  const m = e.data;
  switch (m.type) {
    case 'data':
      board = { X: m.X, y: m.y, bounds: m.bounds };
      drawHeatmap(heatmap, board);
      break;
    case 'grid':
      if (board === undefined) break;
      board.grid = { res: m.res, scores: m.scores };
      drawHeatmap(heatmap, board);
      break;
    case 'report':
      byId('stat-step').textContent = String(m.step);
      byId('stat-loss').textContent = Number.isFinite(m.loss) ? m.loss.toFixed(4) : '–';
      byId('stat-acc').textContent = `${(m.accuracy * 100).toFixed(1)}%`;
      if (m.step > 0 && curve.at(-1)?.step !== m.step)
        curve.push({ step: m.step, loss: m.loss, accuracy: m.accuracy });
      drawCurves(curvesCanvas, curve);
      // While playing, refresh the chosen neuron's graph about once a second.
      if (running && chosen !== undefined && performance.now() - lastInspect > 1000) inspect();
      break;
    case 'neuron':
      showNeuron(m).catch((err: unknown) =>
        neuronGraph.replaceChildren(h('p', { class: 'error' }, String(err))),
      );
      break;
    case 'error':
      setRunning(false);
      byId('cfg-error').textContent = `Training stopped: ${m.message}`;
      break;
  }
};
worker.onerror = (e) => {
  setRunning(false);
  byId('cfg-error').textContent = `The training worker failed: ${e.message}`;
};

buildConfigForm(byId<HTMLFormElement>('config'), config, (c) => {
  config = c;
  saveToUrl();
  reset();
});
playButton.addEventListener('click', () => {
  setRunning(!running);
  send({ type: running ? 'play' : 'pause' });
});
byId('step1').addEventListener('click', () => {
  setRunning(false);
  send({ type: 'step' });
  if (chosen !== undefined) inspect();
});
byId('reset').addEventListener('click', reset);
sampleInput.addEventListener('change', inspect);
saveToUrl();
reset();
