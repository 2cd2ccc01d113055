// typeset: TeX → KaTeX elements, with KaTeX's stylesheet and fonts (a chunk of its own, loaded on demand).

import katex from 'katex';
import 'katex/dist/katex.min.css';

/** Typeset `tex` into `el`; a formula KaTeX cannot read stays as its source, marked. */
export function typeset(el: HTMLElement, tex: string, display: boolean): void {
  try {
    katex.render(tex, el, { displayMode: display, throwOnError: true, output: 'htmlAndMathml' });
  } catch (err) {
    el.classList.add('math-error');
    el.title = err instanceof Error ? err.message : String(err);
  }
}
