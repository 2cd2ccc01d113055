// The graph page: type an expression, move its inputs, and run or step through backward.

import '../style.css';
import type { Value } from '../../../src/engine/value.js';
import type { Rankdir } from '../../../src/viz/drawDot.js';
import { trace } from '../../../src/viz/trace.js';
import { BackwardStepper, type BackwardStep } from '../../../src/walkthrough/backwardSteps.js';
import { byId, formatFixed, h } from '../dom.js';
import { exportDot, exportPng, exportSvg } from './exportGraph.js';
import { drawGraph, highlight, nodeName, type Drawn } from './graphView.js';
import { PRESETS, presetById, type Preset } from './presets.js';
import { numberRecord, Program } from './program.js';
import { showStep } from './stepPanel.js';
import { renderVariables } from './variablesView.js';

const presetSelect = byId<HTMLSelectElement>('preset');
const textarea = byId<HTMLTextAreaElement>('program');
const errorBox = byId('program-error');
const variablesBox = byId<HTMLFieldSetElement>('variables');
const graphBox = byId('graph');
const stepBox = byId('step-panel');
const inspector = byId('inspector');
const rankdirSelect = byId<HTMLSelectElement>('rankdir');
const zoomSelect = byId<HTMLSelectElement>('zoom');

let program: Program | undefined;
let values = numberRecord();
/** Labels given by a preset, by line name. */
let presetLabels: Readonly<Record<string, string>> = {};
/** Labels typed in the inspector, by trace position (stable while the text stays the same). */
let typedLabels = new Map<number, string>();
let root: Value | undefined;
let nodes: Value[] = [];
let ids = new Map<Value, number>();
/** What the grads show: nothing yet, a full backward pass, or a pass being stepped. */
let mode: 'none' | 'backward' | 'stepping' = 'none';
let stepper: BackwardStepper | undefined;
let lastStep: BackwardStep | undefined;
/** Steps taken in the current pass (the panel carries it, so tests can tell one step from the next). */
let stepsTaken = 0;
let selected: number | undefined;
let drawn: Drawn | undefined;
let drawGeneration = 0;

for (const p of PRESETS) presetSelect.append(h('option', { value: p.id }, p.title));
presetSelect.append(h('option', { value: '' }, 'Your own expression'));

function applyPreset(p: Preset): void {
  presetSelect.value = p.id;
  textarea.value = p.text;
  values = numberRecord(Object.entries(p.values));
  presetLabels = p.labels ?? {};
  typedLabels = new Map();
  parseText();
}

/** Parse the textarea; keep the values of variables that survive the edit. */
function parseText(): void {
  try {
    program = Program.parse(textarea.value);
  } catch (err) {
    showError(err);
    return;
  }
  const next = numberRecord();
  for (const v of program.variables) next[v] = Object.hasOwn(values, v) ? values[v]! : 1;
  values = next;
  renderVariables(variablesBox, program.variables, values, (name, x) => {
    values[name] = x;
    rebuild();
  });
  rebuild();
}

function showError(err: unknown): void {
  errorBox.textContent = err instanceof Error ? err.message : String(err);
  textarea.setAttribute('aria-invalid', 'true');
}

/** Build the graph from the current values, keeping the kind of grads shown. */
function rebuild(): void {
  if (program === undefined) return;
  let built;
  try {
    built = program.build(values);
  } catch (err) {
    showError(err);
    return;
  }
  errorBox.textContent = '';
  textarea.removeAttribute('aria-invalid');
  for (const [name, label] of Object.entries(presetLabels)) {
    const v = built.named.get(name);
    if (v !== undefined) v.label = label;
  }
  root = built.root;
  const t = trace(root);
  nodes = t.nodes;
  ids = t.ids;
  for (const [i, label] of typedLabels) if (nodes[i] !== undefined) nodes[i].label = label;
  if (selected !== undefined && selected >= nodes.length) selected = undefined;
  stepper = undefined;
  lastStep = undefined;
  if (mode === 'backward') root.backward();
  else mode = 'none';
  clearSteps();
  saveToUrl();
  redraw();
}

/** Redraw once per frame at most: a slider sends many input events between frames. */
let redrawQueued = false;
function redraw(): void {
  if (redrawQueued) return;
  redrawQueued = true;
  requestAnimationFrame(() => {
    redrawQueued = false;
    void drawNow();
  });
}

async function drawNow(): Promise<void> {
  if (root === undefined) return;
  const generation = ++drawGeneration;
  const rankdir = rankdirSelect.value as Rankdir | 'auto';
  graphBox.setAttribute('aria-busy', 'true');
  const scratch = document.createElement('div');
  try {
    const zoom = zoomSelect.value === 'fit' ? 'fit' : Number(zoomSelect.value);
    const result = await drawGraph(scratch, root, nodes, rankdir, zoom, graphBox.clientWidth - 2, select);
    if (generation !== drawGeneration) return; // a newer edit has started its own drawing
    drawn = result;
    graphBox.replaceChildren(...scratch.childNodes);
  } catch (err) {
    if (generation === drawGeneration)
      graphBox.replaceChildren(h('p', { class: 'error' }, String((err as Error).message)));
    return;
  } finally {
    if (generation === drawGeneration) graphBox.setAttribute('aria-busy', 'false');
  }
  applyHighlight();
  renderInspector();
}

function applyHighlight(): void {
  if (drawn === undefined) return;
  const current = lastStep?.kind === 'node' ? ids.get(lastStep.node) : undefined;
  const inputs = lastStep?.kind === 'node' ? lastStep.contributions.map((c) => ids.get(c.child)!) : [];
  highlight(drawn, current, inputs, selected);
  const g = current === undefined ? undefined : drawn.groups.get(current);
  if (g !== undefined) revealInGraph(g);
}

/** Scroll the graph box (not the page) so the stepped node is in sight when zoomed in. */
function revealInGraph(g: SVGGElement): void {
  const gr = g.getBoundingClientRect();
  const br = graphBox.getBoundingClientRect();
  if (gr.left < br.left || gr.right > br.right)
    graphBox.scrollLeft += gr.left - br.left - (br.width - gr.width) / 2;
  if (gr.top < br.top || gr.bottom > br.bottom)
    graphBox.scrollTop += gr.top - br.top - (br.height - gr.height) / 2;
}

function select(index: number): void {
  selected = index;
  applyHighlight();
  renderInspector();
}

function renderInspector(): void {
  const v = selected === undefined ? undefined : nodes[selected];
  if (v === undefined || selected === undefined) {
    inspector.replaceChildren(
      h(
        'p',
        { class: 'muted' },
        'Select a node (click it, or Tab to it and press Enter) to see it here and give it a label.',
      ),
    );
    return;
  }
  const index = selected;
  const input = h('input', {
    id: 'node-label',
    type: 'text',
    value: v.label,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  input.addEventListener('change', () => {
    typedLabels.set(index, input.value);
    v.label = input.value;
    redraw();
  });
  inspector.replaceChildren(
    h('h3', {}, `Selected: ${nodeName(v, index)}`),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'op'),
      h('dd', {}, v.op === '' ? 'input (leaf)' : v.op),
      h('dt', {}, 'data'),
      h('dd', {}, formatFixed(v.data)),
      h('dt', {}, 'grad'),
      h('dd', {}, formatFixed(v.grad)),
    ),
    h('label', { for: 'node-label' }, 'Label'),
    input,
  );
}

function clearSteps(): void {
  stepBox.replaceChildren(
    h(
      'p',
      { class: 'muted' },
      'Press Step to walk the backward pass one node at a time, or Backward to run it all.',
    ),
  );
}

function runBackward(): void {
  if (root === undefined) return;
  stepper = undefined;
  lastStep = undefined;
  root.backward();
  mode = 'backward';
  stepBox.replaceChildren(
    h(
      'p',
      {},
      'Backward ran the whole pass. Run it again and the inputs accumulate a second copy, as in PyTorch; Reset grads first.',
    ),
  );
  redraw();
}

function runStep(): void {
  if (root === undefined) return;
  if (stepper === undefined || stepper.done) {
    stepper = new BackwardStepper(root);
    stepsTaken = 0;
  }
  mode = 'stepping';
  lastStep = stepper.next();
  if (lastStep === undefined) return;
  stepBox.dataset['step'] = String(++stepsTaken);
  const remaining = stepper.order.filter(
    (v, i) => v.opName !== undefined && i < ids.get(lastStep!.node)!,
  ).length;
  showStep(
    stepBox,
    lastStep,
    ids,
    lastStep.kind === 'seed' ? remaining + (root.opName !== undefined ? 1 : 0) : remaining,
  );
  redraw();
}

function resetGrads(): void {
  if (root === undefined) return;
  root.zeroGrad();
  stepper = undefined;
  lastStep = undefined;
  mode = 'none';
  clearSteps();
  redraw();
}

function saveToUrl(): void {
  const params = new URLSearchParams({ expr: textarea.value });
  for (const [k, x] of Object.entries(values)) params.set(`v.${k}`, String(x));
  history.replaceState(null, '', `#${params.toString()}`);
}

function loadFromUrl(): boolean {
  const params = new URLSearchParams(location.hash.slice(1));
  const text = params.get('expr');
  if (text === null) return false;
  textarea.value = text;
  values = numberRecord();
  for (const [k, x] of params)
    if (k.startsWith('v.') && Number.isFinite(Number(x))) values[k.slice(2)] = Number(x);
  const preset = PRESETS.find((p) => p.text === text);
  presetSelect.value = preset?.id ?? '';
  presetLabels = preset?.labels ?? {};
  parseText();
  return true;
}

presetSelect.addEventListener('change', () => {
  const p = presetById(presetSelect.value);
  if (p !== undefined) applyPreset(p);
});
textarea.addEventListener('input', () => {
  presetSelect.value = '';
  presetLabels = {};
  typedLabels = new Map();
  parseText();
});
byId('backward').addEventListener('click', runBackward);
byId('step').addEventListener('click', runStep);
byId('reset').addEventListener('click', resetGrads);
rankdirSelect.addEventListener('change', () => redraw());
zoomSelect.addEventListener('change', () => redraw());
byId('export-dot').addEventListener('click', () => drawn && exportDot(drawn));
byId('export-svg').addEventListener('click', () => drawn && exportSvg(drawn));
byId('export-png').addEventListener('click', () => {
  if (drawn) exportPng(drawn).catch((err: unknown) => showError(err));
});

if (!loadFromUrl()) applyPreset(PRESETS[0]!);
