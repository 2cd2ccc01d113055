// The notebook page: open a bundled or local .ipynb, run its cells in the kernel worker, download the result.

import { byId, download, h } from '../dom.js';
import { codeCellView, markdownCellView, type CellView } from './cellView.js';
import type { CellEditor, EditorHooks } from './editor.js';
import { parseNotebook, serializeNotebook } from './ipynb.js';
import { KernelClient, type KernelStatus, type RunEnd } from './kernelClient.js';
import { needsNode } from './needsNode.js';
import type { NotebookState } from './notebookState.js';

/** The notebooks the page ships (the repository's notebooks/ folder), loaded when chosen. */
const BUNDLED: Record<string, { title: string; load: () => Promise<{ default: string }> }> = {
  backprop: {
    title: 'The backprop walkthrough',
    load: () => import('../../../notebooks/backprop.ipynb?raw'),
  },
  moons: { title: 'An MLP learns the two moons', load: () => import('../../../notebooks/moons.ipynb?raw') },
};
const DEFAULT = 'backprop';

const els = {
  picker: byId<HTMLSelectElement>('bundled'),
  file: byId<HTMLInputElement>('file'),
  runAll: byId<HTMLButtonElement>('run-all'),
  interrupt: byId<HTMLButtonElement>('interrupt'),
  restart: byId<HTMLButtonElement>('restart'),
  save: byId<HTMLButtonElement>('download'),
  status: byId('kernel-status'),
  message: byId('nb-message'),
  title: byId('nb-title'),
  cells: byId('cells'),
};

let state: NotebookState = {
  name: 'notebook.ipynb',
  cells: [],
  metadata: {},
  kernel: 'starting',
  nextCount: 1,
};
let views: CellView[] = [];
/** Bumped when a notebook is opened or the kernel restarted: a Run all from before stops. */
let generation = 0;

function showStatus(s: KernelStatus): void {
  state.kernel = s;
  els.status.textContent = `Kernel: ${s}`;
  els.status.dataset['status'] = s;
  els.interrupt.disabled = s !== 'busy';
}
const kernel = new KernelClient(showStatus);

function say(text: string, isError = false): void {
  els.message.textContent = text;
  els.message.classList.toggle('error', isError);
}

let editorModule: Promise<typeof import('./editor.js')> | undefined;

async function runCell(i: number): Promise<RunEnd | 'skipped'> {
  const cell = state.cells[i]!;
  const view = views[i]!;
  if (cell.type !== 'code' || cell.source.trim() === '') return 'skipped';
  if (needsNode(cell.source) !== undefined) {
    cell.status = 'needs-node';
    view.update(cell);
    return 'skipped';
  }
  const count = state.nextCount++;
  Object.assign(cell, { status: 'running', outputs: [], executionCount: count });
  view.update(cell);
  const end = await kernel.run(cell.source, count, (o) => {
    cell.outputs.push(o);
    view.addOutput(o);
  });
  if (end === 'interrupted') {
    cell.outputs.push({
      output_type: 'error',
      ename: 'Interrupted',
      evalue: 'the kernel was restarted and its variables are gone: run the cells above again',
      traceback: [],
    });
  }
  cell.status = 'idle';
  view.update(cell);
  return end;
}

async function runAll(): Promise<void> {
  const mine = ++generation;
  const code = state.cells.flatMap((c, i) =>
    c.type === 'code' && needsNode(c.source) === undefined ? [i] : [],
  );
  for (const i of code) {
    state.cells[i]!.status = 'queued';
    views[i]!.update(state.cells[i]!);
  }
  let stopped = false;
  for (let i = 0; i < state.cells.length; i++) {
    if (mine !== generation) return;
    if (stopped) {
      if (state.cells[i]!.status === 'queued') {
        state.cells[i]!.status = 'idle';
        views[i]!.update(state.cells[i]!);
      }
      continue;
    }
    const end = await runCell(i);
    // As Jupyter does, a cell that fails stops the run: the cells after it would fail for its sake.
    if (end === 'error' || end === 'interrupted') stopped = true;
  }
}

function focusCell(i: number): void {
  views.find((v, j) => j >= i && state.cells[j]!.type === 'code')?.focus();
}

function hooksFor(i: number): EditorHooks {
  return {
    onChange: (source) => {
      state.cells[i]!.source = source;
    },
    onRun: (advance) => {
      if (advance) focusCell(i + 1);
      void runCell(i);
    },
  };
}

function render(): void {
  els.title.textContent = state.name;
  document.title = `${state.name} · Notebook · micrograd-ts`;
  views = state.cells.map((c, i) =>
    c.type === 'code' ? codeCellView(c, i, needsNode(c.source), hooksFor(i)) : markdownCellView(c, i),
  );
  els.cells.replaceChildren(...views.map((v) => v.root));
  editorModule ??= import('./editor.js');
  const shown = views;
  void editorModule.then(({ createEditor }) => {
    if (shown !== views) return; // another notebook was opened meanwhile
    const make = (p: HTMLElement, s: string, label: string, hk: EditorHooks): CellEditor =>
      createEditor(p, s, label, hk);
    views.forEach((v) => v.attachEditor(make));
    els.cells.dataset['editors'] = 'ready';
  });
}

function open(text: string, name: string): void {
  try {
    const next = parseNotebook(text, name);
    generation++;
    // A kernel that ran another notebook's cells holds its variables: this one starts clean.
    if (state.nextCount > 1 || state.kernel === 'busy') kernel.restart();
    state = { ...next, kernel: state.kernel };
    render();
    say(`Opened ${name}: ${state.cells.length} cells. Run all runs them here, in this browser.`);
  } catch (err) {
    say(err instanceof Error ? err.message : String(err), true);
  }
}

async function openBundled(key: string): Promise<void> {
  const entry = BUNDLED[key] ?? BUNDLED[DEFAULT]!;
  els.picker.value = key in BUNDLED ? key : DEFAULT;
  open((await entry.load()).default, `${key in BUNDLED ? key : DEFAULT}.ipynb`);
}

async function openFile(file: File): Promise<void> {
  if (!file.name.endsWith('.ipynb')) {
    say(`${file.name} is not a notebook: expected a .ipynb file`, true);
    return;
  }
  open(await file.text(), file.name);
  els.picker.value = '';
  history.replaceState(null, '', location.pathname + location.search);
}

for (const [key, { title }] of Object.entries(BUNDLED)) els.picker.append(h('option', { value: key }, title));
els.picker.append(h('option', { value: '', hidden: true }, 'A file of yours'));
els.picker.addEventListener('change', () => {
  if (els.picker.value === '') return;
  history.replaceState(null, '', `#${els.picker.value}`);
  void openBundled(els.picker.value);
});
els.file.addEventListener('change', () => {
  const f = els.file.files?.[0];
  if (f !== undefined) void openFile(f);
  els.file.value = '';
});
els.runAll.addEventListener('click', () => void runAll());
els.interrupt.addEventListener('click', () => {
  generation++;
  kernel.restart();
  say('Interrupted: the kernel was restarted (its variables are gone), the outputs kept.');
});
els.restart.addEventListener('click', () => {
  generation++;
  kernel.restart();
  state.nextCount = 1;
  say('Restarted: a fresh kernel, no variables; the outputs are kept until their cells run again.');
});
els.save.addEventListener('click', () => {
  download(state.name, new Blob([serializeNotebook(state)], { type: 'application/x-ipynb+json' }));
});

// A notebook dropped anywhere on the page opens.
document.addEventListener('dragover', (e) => {
  e.preventDefault();
  document.body.classList.add('dropping');
});
document.addEventListener('dragleave', (e) => {
  if (e.relatedTarget === null) document.body.classList.remove('dropping');
});
document.addEventListener('drop', (e) => {
  e.preventDefault();
  document.body.classList.remove('dropping');
  const f = e.dataTransfer?.files[0];
  if (f !== undefined) void openFile(f);
});

void openBundled(location.hash.slice(1) || DEFAULT);
