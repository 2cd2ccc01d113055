// The graph page: type an expression, move its inputs, and run or step through the forward and backward
// passes. One state object (pageState.ts) holds everything; handlers change it and the page redraws from it.

import '../style.css';
import './graph.css';
import { byId, formatCompact, h } from '../dom.js';
import { exportDot, exportPng, exportSvg } from './exportGraph.js';
import { candidatesFor, type Candidate } from './fitLayout.js';
import { enablePan, markGraph, revealInBox, roomIn, showGraph, sizeGraph, type Drawn } from './graphView.js';
import { layout, Superseded } from './layoutClient.js';
import { buildScene, DEFAULT_VALUE, type PageState, type Scene } from './pageState.js';
import { PRESETS, presetById, type Preset } from './presets.js';
import {
  newExercise,
  practiceRender,
  practiceState,
  showPracticeControls,
  type PracticeView,
} from './practiceMode.js';
import { showStep } from './stepPanel.js';
import { nextBackward, nextForward, passesDone, type Next } from './stepRun.js';
import { DEFAULTS, parseHash, record, serializeHash, type UrlState, type Zoom } from './urlState.js';
import { renderVariables } from './variablesView.js';

const presetSelect = byId<HTMLSelectElement>('preset');
const textarea = byId<HTMLTextAreaElement>('program');
const errorBox = byId('program-error');
const linkNotes = byId('link-notes');
const variablesBox = byId<HTMLFieldSetElement>('variables');
const graphBox = byId('graph');
const graphNote = byId('graph-note');
const stepBox = byId('step-panel');
const passNote = byId('pass-note');
const inspector = byId('inspector');
const rankdirSelect = byId<HTMLSelectElement>('rankdir');
const zoomSelect = byId<HTMLSelectElement>('zoom');
const accumulateBox = byId<HTMLInputElement>('accumulate');
const levelSelect = byId<HTMLSelectElement>('exercise-level');
const practicePanel = byId('practice-panel');
const stepReason = byId('step-reason');
const stepButtons = ['step-forward', 'step', 'backward'].map((id) => byId<HTMLButtonElement>(id));

for (const p of PRESETS) presetSelect.append(h('option', { value: p.id }, p.title));
presetSelect.append(h('option', { value: '' }, 'Your own expression'));

let state: PageState;
/** Derived from `state` on each change; undefined while the program does not parse. */
let scene: Scene | undefined;
let drawn: Drawn | undefined;
/** What the current picture was laid out from, so a step that changes no number reuses it. */
let drawnKey = '';
/** The layout chosen for the current graph's shape, tried first while only its numbers change. */
let chosen: { shape: string; candidate: Candidate } | undefined;
let drawing = 0;
/** Practice mode's view of the current scene, while it is on. */
let practice: PracticeView | undefined;

/** Practice's moves change the state like any handler; then the focus goes where the move sends it. */
/** What the exports write: the drawing as shown (in Practice, without the grads not yet given). */
const shown = (d: Drawn): Drawn => practice?.forExport(d) ?? d;
const practiceMoves = (next: PageState['practice']): void => {
  update({ practice: next });
  practice?.focus();
};

/** Said in accumulate mode wherever accumulation is explained: why an intermediate grad does not add up. */
const LATEST_PASS =
  'the intermediate nodes show the latest pass only, since each backward() recomputes them from zero.';

const urlOf = (p: Preset): UrlState => ({
  ...(state?.url ?? DEFAULTS),
  text: p.text,
  values: record(Object.entries(p.values)),
  labels: record(Object.entries(p.labels ?? {})),
});

/** The one way the state changes: every handler goes through here, and the page redraws from it. */
function update(next: Partial<PageState>, opts: { variables?: boolean } = {}): void {
  state = practiceState({ ...state, ...next });
  history.replaceState(null, '', serializeHash(state.url));
  render(opts.variables === true);
}

/**
 * An edit that changes the graph ends a stepped pass, and says so; the notice stays while the reader goes
 * on editing, until the next step or pass.
 */
function edited(what: string): Pick<PageState, 'run' | 'notice'> {
  const stepping = state.run.stepping !== undefined;
  return {
    run: { passes: stepping ? 0 : state.run.passes },
    notice: stepping
      ? `You changed ${what}, so the stepped pass ended; Step to start a fresh one.`
      : state.notice,
  };
}

function render(variables: boolean): void {
  presetSelect.value = state.preset;
  if (textarea.value !== state.url.text) textarea.value = state.url.text;
  rankdirSelect.value = state.url.rankdir;
  zoomSelect.value = String(state.url.zoom);
  accumulateBox.checked = state.url.accumulate;
  passNote.textContent = state.url.accumulate
    ? `Accumulating: each pass adds into the inputs’ .grad, as PyTorch’s backward() does; ${LATEST_PASS} Reset sets them to 0.`
    : 'Each pass starts from zero grads: it shows exactly what one backward() on a fresh graph gives.';
  linkNotes.replaceChildren(
    ...(state.ignored.length === 0
      ? []
      : [h('p', {}, 'From the link, ignored:'), h('ul', {}, ...state.ignored.map((m) => h('li', {}, m)))]),
  );
  try {
    scene = buildScene(state);
    errorBox.textContent = '';
    textarea.removeAttribute('aria-invalid');
  } catch (err) {
    scene = undefined;
    errorBox.textContent = err instanceof Error ? err.message : String(err);
    textarea.setAttribute('aria-invalid', 'true');
    if (drawn === undefined) showGraphMessage('Fix the expression to see its graph.', false);
    else {
      // The picture stays for reference, dimmed, and says what it is.
      graphNote.hidden = false;
      graphNote.textContent = 'This is the last graph that parsed: fix the expression to update it.';
    }
  }
  graphBox.classList.toggle('stale', scene === undefined && drawn !== undefined);
  // With no graph there is nothing to step: the buttons say so rather than doing nothing.
  for (const b of stepButtons) b.disabled = scene === undefined;
  stepReason.hidden = scene !== undefined;
  if (scene !== undefined && variables) {
    const values = record<number>(
      scene.program.variables.map((v) => [
        v,
        Object.hasOwn(state.url.values, v) ? state.url.values[v]! : DEFAULT_VALUE,
      ]),
    );
    renderVariables(variablesBox, scene.program.variables, values, (name, x) =>
      update({
        url: { ...state.url, values: record([...Object.entries(state.url.values), [name, x]]) },
        ...edited(name),
      }),
    );
  }
  practice = scene === undefined ? undefined : practiceRender(state, scene, practicePanel, practiceMoves);
  showPracticeControls(state.url.practice, state.url.exercise);
  if (practice === undefined) showStep(stepBox, scene, state.notice);
  else stepBox.replaceChildren();
  // Steps taken in the current phase (tests wait on it): backward steps once backward has begun.
  const stepping = state.run.stepping;
  stepBox.dataset['step'] = String(
    stepping === undefined ? 0 : stepping.backward > 0 ? stepping.backward : stepping.forward,
  );
  if (scene !== undefined) void draw(scene);
  renderInspector();
}

function showGraphMessage(text: string, isError: boolean): void {
  drawing++; // a layout still on its way belongs to an older state: it must not replace this message
  drawn = undefined;
  drawnKey = '';
  graphBox.replaceChildren(
    h('p', { class: isError ? 'error' : 'muted', 'data-testid': 'graph-message' }, text),
  );
  graphBox.setAttribute('aria-busy', 'false');
}

async function draw(s: Scene): Promise<void> {
  const rankdir = state.url.rankdir;
  const room = roomIn(graphBox);
  // Which layout fits depends on the box too: a resize lays an automatic picture out again.
  const roomKey = rankdir === 'auto' ? [Math.round(room.width / 10), Math.round(room.height / 10)] : [];
  const shape = JSON.stringify([roomKey, rankdir, state.url.text, state.url.labels]);
  const key = JSON.stringify([shape, s.nodes.map((v) => [v.label, v.data, v.grad, v.op])]);
  const id = ++drawing;
  if (key !== drawnKey || drawn === undefined) {
    graphBox.setAttribute('aria-busy', 'true');
    if (drawn === undefined) graphBox.replaceChildren(h('p', { class: 'muted' }, 'Laying out the graph…'));
    try {
      const dotNodes = s.nodes.reduce((n, v) => n + (v.opName === undefined ? 1 : 2), 0);
      const last = chosen?.shape === shape ? chosen.candidate : undefined;
      const candidates = candidatesFor(rankdir, dotNodes, last);
      const result = await layout(s.nodes, candidates, room);
      if (id !== drawing) return;
      drawn = showGraph(graphBox, result.source, result.svg, s.nodes, select);
      drawnKey = key;
      chosen = { shape, candidate: result.candidate };
      graphBox.dataset['layout'] = `${result.candidate.rankdir}${result.candidate.compact ? ' compact' : ''}`;
    } catch (err) {
      if (err instanceof Superseded || id !== drawing) return;
      showGraphMessage(err instanceof Error ? err.message : String(err), true);
      return;
    }
    graphBox.setAttribute('aria-busy', 'false');
  }
  if (id !== drawing || drawn === undefined) return;
  showFit(sizeGraph(drawn, graphBox, state.url.zoom, roomIn(graphBox)));
  const last = s.last;
  const current =
    practice !== undefined ? practice.current : last === undefined ? undefined : s.ids.get(last.step.node);
  const kids =
    last === undefined
      ? []
      : last.kind === 'backward'
        ? last.step.contributions.map((c) => s.ids.get(c.child)!)
        : last.step.node.children.map((c) => s.ids.get(c)!);
  if (practice !== undefined) practice.mark(drawn, state.selected);
  else markGraph(drawn, { current, inputs: kids, selected: state.selected, pendingFrom: s.pendingFrom });
  const g = current === undefined ? undefined : drawn.groups.get(current);
  if (g !== undefined) revealInBox(graphBox, g);
}

/** Say so when the picture is bigger than its box, and how to see the rest. */
function showFit(overflows: boolean): void {
  graphNote.hidden = !overflows;
  graphNote.textContent = !overflows
    ? ''
    : state.url.zoom === 'fit'
      ? 'Too big to show whole with readable text: drag the graph (or swipe) to see the rest, or pick a zoom.'
      : 'Drag the graph (or swipe) to see the rest, or zoom to Fit.';
}

function select(index: number): void {
  update({ selected: index });
}

function renderInspector(): void {
  const i = state.selected;
  const v = i === undefined ? undefined : scene?.nodes[i];
  if (v === undefined || i === undefined || scene === undefined) {
    inspector.replaceChildren(
      h(
        'p',
        { class: 'muted' },
        'Select a node (click it, or Tab to it and press Enter) to see it here and give it a label.',
      ),
    );
    return;
  }
  const key = scene.keys[i]!;
  const input = h('input', {
    id: 'node-label',
    type: 'text',
    value: state.url.labels[key] ?? '',
    placeholder: v.label,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  input.addEventListener('change', () => {
    const labels = record(Object.entries(state.url.labels).filter(([k]) => k !== key));
    if (input.value !== '') labels[key] = input.value;
    update({ url: { ...state.url, labels } });
  });
  const pending = i >= scene.pendingFrom;
  // Enter in the label box redraws the inspector: the new box takes the focus the old one had.
  const hadFocus = document.activeElement?.id === 'node-label';
  inspector.replaceChildren(
    h('h3', {}, `Selected: ${v.label}`),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'op'),
      h('dd', {}, v.op === '' ? 'input (leaf)' : v.op),
      h('dt', {}, 'data'),
      h('dd', {}, pending ? '? (not computed yet)' : formatCompact(v.data)),
      h('dt', {}, 'grad'),
      h('dd', {}, practice?.hidden.has(i) === true ? '? (yours to give)' : formatCompact(v.grad)),
    ),
    h('label', { for: 'node-label' }, 'Label (empty: its name in the expression)'),
    input,
  );
  if (hadFocus) input.focus();
}

/** Move the page so the graph and the explanation under it are in view (on a phone they are not). */
function bringIntoView(): void {
  // The box, not its section: the layout and zoom tools above it may scroll away on a phone.
  const top = graphBox.getBoundingClientRect().top;
  if (top < -1 || top > window.innerHeight * 0.25) graphBox.scrollIntoView({ block: 'start' });
}

function step(next: (state: PageState, scene: Scene) => Next): void {
  if (scene === undefined) return;
  update(next(state, scene));
  bringIntoView();
}

presetSelect.addEventListener('change', () => {
  const p = presetById(presetSelect.value);
  if (p === undefined) return update({ preset: '' });
  // A new graph starts with no grads: Backward's results belonged to the old one.
  const { notice } = edited('the preset');
  // The link's notes were about the link's expression: another preset leaves them behind.
  update(
    { url: urlOf(p), preset: p.id, selected: undefined, run: { passes: 0 }, notice, ignored: [] },
    { variables: true },
  );
});
textarea.addEventListener('input', () => {
  const text = textarea.value;
  update(
    {
      url: { ...state.url, text },
      preset: PRESETS.find((p) => p.text === text)?.id ?? '',
      ...edited('the expression'),
    },
    { variables: true },
  );
});
accumulateBox.addEventListener('change', () => {
  const had = state.run.passes > 0 || state.run.stepping !== undefined;
  const on = accumulateBox.checked;
  update({
    url: { ...state.url, accumulate: on },
    run: { passes: 0 },
    notice: had
      ? `You turned accumulation ${on ? 'on' : 'off'}, so the grads were reset to zero; Backward or Step to run a pass.`
      : '',
  });
});
rankdirSelect.addEventListener('change', () =>
  update({
    url: {
      ...state.url,
      rankdir: rankdirSelect.value === 'TB' ? 'TB' : rankdirSelect.value === 'LR' ? 'LR' : 'auto',
    },
  }),
);
zoomSelect.addEventListener('change', () => {
  const zoom: Zoom = zoomSelect.value === 'fit' ? 'fit' : Number(zoomSelect.value);
  update({ url: { ...state.url, zoom } });
});
byId('backward').addEventListener('click', () => {
  update({ run: { passes: passesDone(state, scene) + 1 }, notice: '' });
  bringIntoView();
});
byId('step').addEventListener('click', () => step(nextBackward));
byId('step-forward').addEventListener('click', () => step(nextForward));
byId('reset').addEventListener('click', () => update({ run: { passes: 0 }, notice: '' }));
byId('export-dot').addEventListener('click', () => drawn && exportDot(shown(drawn)));
byId('export-svg').addEventListener('click', () => drawn && exportSvg(shown(drawn)));
byId('export-png').addEventListener('click', () => {
  if (drawn) exportPng(shown(drawn)).catch((err: unknown) => (errorBox.textContent = String(err)));
});
byId('practice').addEventListener('click', () =>
  update({ url: { ...state.url, practice: !state.url.practice }, notice: '' }),
);
byId('new-exercise').addEventListener('click', () => {
  const url = newExercise(state.url, Number(levelSelect.value));
  update({ url, preset: '', selected: undefined, run: { passes: 0 }, notice: '' }, { variables: true });
  bringIntoView();
});
let resizing: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => scene !== undefined && void draw(scene), 150);
});
enablePan(graphBox);

/** Open what a link describes (on load, and when the hash is edited on the open page). */
function openLink(hash: string, notice: string): void {
  const fromLink = parseHash(hash);
  const first = PRESETS[0]!;
  state = {
    url: fromLink.state ?? { ...DEFAULTS, text: first.text, values: record(), labels: record() },
    preset: '',
    run: { passes: 0 },
    notice,
    ignored: fromLink.ignored,
  };
  if (fromLink.state === undefined) state = { ...state, url: urlOf(first) };
  update({ preset: PRESETS.find((p) => p.text === state.url.text)?.id ?? '' }, { variables: true });
  dropUnusedValues();
}

/** A linked value for a name the expression does not use is named too, not kept silently. */
function dropUnusedValues(): void {
  if (scene === undefined) return;
  const used = new Set(scene.program.variables);
  const unused = Object.keys(state.url.values).filter((k) => !used.has(k));
  if (unused.length > 0) {
    update({
      url: { ...state.url, values: record(Object.entries(state.url.values).filter(([k]) => used.has(k))) },
      ignored: [
        ...state.ignored,
        ...unused.map((k) => `${k} = ${state.url.values[k]} is not a variable of the expression`),
      ],
    });
  }
}

openLink(location.hash, '');
// The page writes its own hash with replaceState, which fires no hashchange: this is the reader's edit.
window.addEventListener('hashchange', () => {
  if (location.hash === serializeHash(state.url)) return;
  const had = state.run.passes > 0 || state.run.stepping !== undefined;
  openLink(location.hash, had ? 'The link changed, so the page shows its graph from zero grads.' : '');
});
