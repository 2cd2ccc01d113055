// cellView: one cell on the page — a code cell's run button, In [n] prompt, editor and outputs, or a markdown
// cell rendered. The page's state holds the cell; this only draws it.

import { h } from '../dom.js';
import type { CellEditor, EditorHooks } from './editor.js';
import type { Output } from './kernelMessages.js';
import { renderMarkdown } from './markdown.js';
import type { CellState } from './notebookState.js';
import { renderOutput } from './renderOutput.js';

export interface CellView {
  root: HTMLElement;
  /** Redraw the prompt, status and outputs from the cell's state. */
  update(cell: CellState): void;
  /** Show one more output (as a running cell makes it). */
  addOutput(o: Output): void;
  /** Swap the plain code text for an editor, once the editor's chunk has loaded. */
  attachEditor(
    create: (parent: HTMLElement, source: string, label: string, hooks: EditorHooks) => CellEditor,
  ): void;
  focus(): void;
}

const prompt = (cell: CellState): string =>
  cell.status === 'running' || cell.status === 'queued' ? '[*]:' : `[${cell.executionCount ?? ' '}]:`;

export function codeCellView(
  cell: CellState,
  index: number,
  note: string | undefined,
  hooks: EditorHooks,
): CellView {
  const label = `Code cell ${index + 1}`;
  const runButton = h(
    'button',
    { type: 'button', class: 'run-cell', 'aria-label': `Run cell ${index + 1}`, title: 'Run (Shift+Enter)' },
    '▶',
  );
  runButton.addEventListener('click', () => hooks.onRun(false));
  const promptEl = h('span', { class: 'prompt' }, prompt(cell));
  const input = h(
    'div',
    { class: 'cell-input' },
    h('pre', { class: 'code-text', tabindex: 0, 'aria-label': label }, cell.source),
  );
  const outputs = h('div', { class: 'cell-outputs', 'aria-live': 'polite' });
  const body = h('div', { class: 'cell-body' }, input);
  if (note !== undefined) {
    body.append(
      h(
        'p',
        { class: 'cell-note' },
        `This cell needs ${note}, which a browser does not have: below is its saved output. Run it in Jupyter (the Notebooks guide says how) to see it live.`,
      ),
    );
  }
  body.append(outputs);
  const root = h(
    'article',
    { class: 'cell code-cell', 'data-cell': index + 1 },
    h('div', { class: 'cell-gutter' }, runButton, promptEl),
    body,
  );
  let editor: CellEditor | undefined;
  const view: CellView = {
    root,
    update(c) {
      promptEl.textContent = prompt(c);
      root.dataset['status'] = c.status;
      outputs.replaceChildren(...c.outputs.map(renderOutput));
    },
    addOutput: (o) => outputs.append(renderOutput(o)),
    attachEditor(create) {
      const holder = h('div', { class: 'cell-editor' });
      input.replaceChildren(holder);
      editor = create(holder, cell.source, label, hooks);
    },
    focus: () => (editor !== undefined ? editor.focus() : input.querySelector('pre')?.focus()),
  };
  view.update(cell);
  return view;
}

export function markdownCellView(cell: CellState, index: number): CellView {
  const body = h('div', { class: 'cell-body markdown' }, cell.source);
  const root = h('article', { class: 'cell md-cell', 'data-cell': index + 1 }, body);
  const rendered = cell.type === 'markdown' ? renderMarkdown(cell.source, body) : Promise.resolve();
  rendered.catch((err: unknown) =>
    body.append(h('p', { class: 'error' }, `could not render: ${String(err)}`)),
  );
  return {
    root,
    update: () => {},
    addOutput: () => {},
    attachEditor: () => {},
    focus: () => {},
  };
}
