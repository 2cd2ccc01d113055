// markdown: a markdown cell as page elements, its TeX ($…$, $$…$$) typeset by KaTeX. KaTeX is loaded only
// when a cell has math; it builds its output as elements (not HTML text), which the page's policy allows.

import DOMPurify from 'dompurify';
import { Marked, type TokenizerAndRendererExtension } from 'marked';

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

interface MathToken {
  type: 'math';
  raw: string;
  text: string;
  display: boolean;
}

const mathHtml = (t: MathToken): string =>
  `<span class="math${t.display ? ' math-display' : ''}" data-tex="${escapeHtml(t.text)}">${escapeHtml(t.raw)}</span>`;

const blockMath: TokenizerAndRendererExtension = {
  name: 'blockMath',
  level: 'block',
  start: (src) => src.match(/^\$\$/m)?.index,
  tokenizer(src) {
    const m = /^\$\$([\s\S]+?)\$\$[ \t]*(?:\n|$)/.exec(src);
    return m === null ? undefined : { type: 'blockMath', raw: m[0], text: m[1]!.trim(), display: true };
  },
  renderer: (t) => `<p>${mathHtml(t as unknown as MathToken)}</p>`,
};

const inlineMath: TokenizerAndRendererExtension = {
  name: 'inlineMath',
  level: 'inline',
  start: (src) => (src.indexOf('$') >= 0 ? src.indexOf('$') : undefined),
  tokenizer(src) {
    const m = /^\$\$([^$]+?)\$\$|^\$([^$\n]+?)\$/.exec(src);
    if (m === null) return undefined;
    return { type: 'inlineMath', raw: m[0], text: (m[1] ?? m[2]!).trim(), display: m[1] !== undefined };
  },
  renderer: (t) => mathHtml(t as unknown as MathToken),
};

const marked = new Marked({ gfm: true, extensions: [blockMath, inlineMath] });

/** Render markdown into `target` (replacing what it held); math is typeset once KaTeX has loaded. */
export async function renderMarkdown(source: string, target: HTMLElement): Promise<void> {
  const html = await marked.parse(source);
  target.replaceChildren(DOMPurify.sanitize(html, { RETURN_DOM_FRAGMENT: true }));
  // A link opens beside the notebook, which keeps its outputs.
  for (const a of target.querySelectorAll('a[href]')) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  const math = [...target.querySelectorAll<HTMLElement>('.math')];
  if (math.length === 0) return;
  const { typeset } = await import('./typeset.js');
  for (const el of math) typeset(el, el.dataset['tex'] ?? '', el.classList.contains('math-display'));
}
