// editor: a code cell's editor (CodeMirror 6, TypeScript highlighting), in a chunk of its own: the page shows
// each cell's code as text until it has loaded. Shift+Enter runs the cell and moves on; Ctrl+Enter runs it.

import { javascript } from '@codemirror/lang-javascript';
import { Prec } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { bracketMatching } from '@codemirror/language';
import { closeBrackets } from '@codemirror/autocomplete';

export interface EditorHooks {
  onChange: (source: string) => void;
  /** Run the cell; `advance` moves to the next cell after (Shift+Enter), as Jupyter does. */
  onRun: (advance: boolean) => void;
}

export interface CellEditor {
  focus(): void;
  setSource(source: string): void;
}

export function createEditor(parent: HTMLElement, source: string, label: string, hooks: EditorHooks): CellEditor {
  const run = (advance: boolean) => (): boolean => {
    hooks.onRun(advance);
    return true;
  };
  const view = new EditorView({
    doc: source,
    parent,
    extensions: [
      Prec.highest(
        keymap.of([
          { key: 'Shift-Enter', run: run(true) },
          { key: 'Mod-Enter', run: run(false) },
        ]),
      ),
      minimalSetup,
      bracketMatching(),
      closeBrackets(),
      javascript({ typescript: true }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label }),
      EditorView.updateListener.of((u) => {
        if (u.docChanged) hooks.onChange(u.state.doc.toString());
      }),
    ],
  });
  return {
    focus: () => view.focus(),
    setSource: (s) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: s } }),
  };
}
