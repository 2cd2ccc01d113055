// editor: a code cell's editor (CodeMirror 6, TypeScript highlighting), in a chunk of its own: the page shows
// each cell's code as text until it has loaded. Shift+Enter runs the cell and moves on; Ctrl+Enter runs it.
//
// Each editor lives in a shadow root: there CodeMirror styles itself with constructed style sheets, which
// `micrograd serve`'s policy allows, where on the document it would add <style> elements, which it forbids.

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

const MONO = "'DejaVu Sans Mono', ui-monospace, monospace";
const theme = EditorView.theme({
  '&': { fontSize: '0.85rem', backgroundColor: '#fff' },
  '&.cm-focused': { outline: '2px solid #0b57d0' },
  '.cm-scroller': { fontFamily: MONO, lineHeight: '1.45' },
  '.cm-content': { padding: '0.3rem 0' },
});

export function createEditor(
  parent: HTMLElement,
  source: string,
  label: string,
  hooks: EditorHooks,
): CellEditor {
  const shadow = parent.attachShadow({ mode: 'open' });
  const mount = document.createElement('div');
  shadow.append(mount);
  const run = (advance: boolean) => (): boolean => {
    hooks.onRun(advance);
    return true;
  };
  const view = new EditorView({
    doc: source,
    root: shadow,
    parent: mount,
    extensions: [
      theme,
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
