// The graph page: type an expression, move its inputs, and run or step through the forward and backward
// passes. One state object (pageState.ts) holds everything; handlers change it and the page redraws from it.

import '../style.css';
import './graph.css';
import { byId, formatFixed, h } from '../dom.js';
import { exportDot, exportPng, exportSvg } from './exportGraph.js';
import { enablePan, markGraph, revealInBox, showGraph, sizeGraph, type Drawn } from './graphView.js';
import { layout, Superseded } from './layoutClient.js';
import { buildScene, DEFAULT_VALUE, type PageState, type Run, type Scene } from './pageState.js';
import { PRESETS, presetById, type Preset } from './presets.js';
import { newExercise, practiceRender, practiceState, type PracticeView } from './practiceMode.js';
import { showStep } from './stepPanel.js';
import { DEFAULTS, parseHash, record, serializeHash, type UrlState, type Zoom } from './urlState.js';
import { renderVariables } from './variablesView.js';

const presetSelect = byId<HTMLSelectElement>('preset');
const textarea = byId<HTMLTextAreaElement>('program');
const errorBox = byId('program-error');
const linkNotes = byId('link-notes');
const variablesBox = byId<HTMLFieldSetElement>('variables');
const graphBox = byId('graph');
const stepBox = byId('step-panel');
const passNote = byId('pass-note');
const inspector = byId('inspector');
const rankdirSelect = byId<HTMLSelectElement>('rankdir');
const zoomSelect = byId<HTMLSelectElement>('zoom');
const accumulateBox = byId<HTMLInputElement>('accumulate');
const practiceButton = byId<HTMLButtonElement>('practice');
const levelSelect = byId<HTMLSelectElement>('exercise-level');
const practicePanel = byId('practice-panel');

for (const p of PRESETS) presetSelect.append(h('option', { value: p.id }, p.title));
presetSelect.append(h('option', { value: '' }, 'Your own expression'));

let state: PageState;
/** Derived from `state` on each change; undefined while the program does not parse. */
let scene: Scene | undefined;
let drawn: Drawn | undefined;
/** What the current picture was laid out from, so a step that changes no number reuses it. */
let drawnKey = '';
let drawing = 0;
/** Practice mode's view of the current scene, while it is on. */
let practice: PracticeView | undefined;

/** Practice's moves change the state like any handler; then the focus goes where the move sends it. */
const practiceMoves = (next: PageState['practice']): void => {
  update({ practice: next });
  practice?.focus();
};

/** Practice mode hides the stepping controls (the learner is the one running the pass) and says so. */
function showPractice(on: boolean): void {
  practiceButton.setAttribute('aria-pressed', String(on));
  practiceButton.textContent = on ? 'Leave practice' : 'Practice';
  for (const id of ['step-forward', 'step', 'backward', 'reset']) byId(id).hidden = on;
  accumulateBox.closest('label')!.hidden = on;
  if (on)
    passNote.textContent =
      'Practice: the grads are hidden until you give them. Leave practice to step or run the pass.';
  if (state.url.exercise !== undefined) levelSelect.value = String(state.url.exercise.level);
}

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

/** An edit that changes the graph ends a stepped pass, and says so. */
function edited(what: string): Pick<PageState, 'run' | 'notice'> {
  const stepping = state.run.stepping !== undefined;
  return {
    run: { passes: stepping ? 0 : state.run.passes },
    notice: stepping ? `You changed ${what}, so the stepped pass ended; Step to start a fresh one.` : '',
  };
}

function render(variables: boolean): void {
  presetSelect.value = state.preset;
  if (textarea.value !== state.url.text) textarea.value = state.url.text;
  rankdirSelect.value = state.url.rankdir;
  zoomSelect.value = String(state.url.zoom);
  accumulateBox.checked = state.url.accumulate;
  passNote.textContent = state.url.accumulate
    ? 'Accumulating: each pass adds into the inputs’ .grad, as PyTorch’s backward() does. Reset sets them to 0.'
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
  }
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
  showPractice(state.url.practice);
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
  const key = JSON.stringify([state.url.rankdir, s.nodes.map((v) => [v.label, v.data, v.grad, v.op])]);
  const id = ++drawing;
  if (key !== drawnKey || drawn === undefined) {
    graphBox.setAttribute('aria-busy', 'true');
    if (drawn === undefined) graphBox.replaceChildren(h('p', { class: 'muted' }, 'Laying out the graph…'));
    try {
      const result = await layout(s.nodes, state.url.rankdir);
      if (id !== drawing) return;
      drawn = showGraph(graphBox, result.source, result.svg, s.nodes, select);
      drawnKey = key;
    } catch (err) {
      if (err instanceof Superseded || id !== drawing) return;
      showGraphMessage(err instanceof Error ? err.message : String(err), true);
      return;
    }
    graphBox.setAttribute('aria-busy', 'false');
  }
  if (id !== drawing || drawn === undefined) return;
  sizeGraph(drawn, graphBox, state.url.zoom, minFit());
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

/** Smallest 'fit' scale: on a tablet or desktop the post's neuron fits whole; a phone pans instead. */
const minFit = (): number => (window.innerWidth >= 700 ? 0.4 : 0.5);

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
  inspector.replaceChildren(
    h('h3', {}, `Selected: ${v.label}`),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'op'),
      h('dd', {}, v.op === '' ? 'input (leaf)' : v.op),
      h('dt', {}, 'data'),
      h('dd', {}, pending ? '? (not computed yet)' : formatFixed(v.data)),
      h('dt', {}, 'grad'),
      h('dd', {}, practice?.hidden.has(i) === true ? '? (yours to give)' : formatFixed(v.grad)),
    ),
    h('label', { for: 'node-label' }, 'Label (empty: its name in the expression)'),
    input,
  );
}

/** Move the page so the graph and the explanation under it are in view (on a phone they are not). */
function bringIntoView(): void {
  const area = graphBox.closest('section')!;
  const top = area.getBoundingClientRect().top;
  if (top < -1 || top > window.innerHeight * 0.25) area.scrollIntoView({ block: 'start' });
}

function stepForward(): void {
  if (scene === undefined) return;
  const s = state.run.stepping;
  const n = scene.nodes.length;
  let run: Run;
  if (s === undefined || s.backward > 0)
    run = { passes: donePasses(), stepping: { forward: 1, backward: 0 } };
  else if (s.forward < n) run = { ...state.run, stepping: { forward: s.forward + 1, backward: 0 } };
  else return stepBackward(); // the forward pass is complete: the next step is the seed
  update({ run, notice: '' });
  bringIntoView();
}

function stepBackward(): void {
  if (scene === undefined) return;
  const s = state.run.stepping;
  let run: Run;
  if (s === undefined || scene.stepper?.done === true) {
    run = { passes: donePasses(), stepping: { forward: scene.nodes.length, backward: 1 } };
  } else run = { ...state.run, stepping: { forward: scene.nodes.length, backward: s.backward + 1 } };
  update({ run, notice: '' });
  bringIntoView();
}

/** Passes completed so far, counting a finished stepped pass (what accumulation adds onto). */
function donePasses(): number {
  return state.run.passes + (scene?.stepper?.done === true ? 1 : 0);
}

presetSelect.addEventListener('change', () => {
  const p = presetById(presetSelect.value);
  if (p === undefined) return update({ preset: '' });
  // A new graph starts with no grads: Backward's results belonged to the old one.
  const { notice } = edited('the preset');
  update(
    { url: urlOf(p), preset: p.id, selected: undefined, run: { passes: 0 }, notice },
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
accumulateBox.addEventListener('change', () =>
  update({ url: { ...state.url, accumulate: accumulateBox.checked }, run: { passes: 0 }, notice: '' }),
);
rankdirSelect.addEventListener('change', () =>
  update({ url: { ...state.url, rankdir: rankdirSelect.value === 'TB' ? 'TB' : 'LR' } }),
);
zoomSelect.addEventListener('change', () => {
  const zoom: Zoom = zoomSelect.value === 'fit' ? 'fit' : Number(zoomSelect.value);
  update({ url: { ...state.url, zoom } });
});
byId('backward').addEventListener('click', () => {
  update({ run: { passes: donePasses() + 1 }, notice: '' });
  bringIntoView();
});
byId('step').addEventListener('click', stepBackward);
byId('step-forward').addEventListener('click', stepForward);
byId('reset').addEventListener('click', () => update({ run: { passes: 0 }, notice: '' }));
byId('export-dot').addEventListener('click', () => drawn && exportDot(drawn));
byId('export-svg').addEventListener('click', () => drawn && exportSvg(drawn));
byId('export-png').addEventListener('click', () => {
  if (drawn) exportPng(drawn).catch((err: unknown) => (errorBox.textContent = String(err)));
});
practiceButton.addEventListener('click', () =>
  update({ url: { ...state.url, practice: !state.url.practice }, notice: '' }),
);
byId('new-exercise').addEventListener('click', () => {
  const url = newExercise(state.url, Number(levelSelect.value));
  update({ url, preset: '', selected: undefined, run: { passes: 0 }, notice: '' }, { variables: true });
  bringIntoView();
});
window.addEventListener('resize', () => {
  if (drawn !== undefined) sizeGraph(drawn, graphBox, state.url.zoom, minFit());
});
enablePan(graphBox);

const fromLink = parseHash(location.hash);
const first = PRESETS[0]!;
state = {
  url: fromLink.state ?? { ...DEFAULTS, text: first.text, values: record(), labels: record() },
  preset: '',
  run: { passes: 0 },
  notice: '',
  ignored: fromLink.ignored,
};
if (fromLink.state === undefined) state = { ...state, url: urlOf(first) };
update({ preset: PRESETS.find((p) => p.text === state.url.text)?.id ?? '' }, { variables: true });
// A linked value for a name the expression does not use is named too, not kept silently.
if (scene !== undefined) {
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
