// Markdown to HTML for the guides: headings get GitHub-style ids, and every relative link or image goes through
// one rewrite so that `other.md#part` and `../neuron.png` work on GitHub and on the built site alike.

import { Marked, type Tokens } from 'marked';
import { escapeHtml } from './siteLayout.js';

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .trim()
    .replace(/<[^>]*>/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** `href` as written (relative, no scheme) → the URL to print, relative to the output page. */
export type RewriteUrl = (href: string, kind: 'link' | 'image') => string;

const isRelative = (href: string): boolean =>
  !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#') && !href.startsWith('/');

/** Render one Markdown document; returns its HTML and its first heading's text (the page title). */
export function renderMarkdown(source: string, rewrite: RewriteUrl): { html: string; title: string } {
  const seen = new Map<string, number>();
  let title = '';
  const marked = new Marked({
    gfm: true,
    renderer: {
      heading(
        this: { parser: { parseInline(t: Tokens.Heading['tokens']): string } },
        token: Tokens.Heading,
      ): string {
        const inner = this.parser.parseInline(token.tokens);
        const base = slugify(token.text.replace(/`/g, ''));
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        const id = n === 0 ? base : `${base}-${n}`;
        if (title === '') title = token.text.replace(/`/g, '');
        return `<h${token.depth} id="${escapeHtml(id)}">${inner}</h${token.depth}>\n`;
      },
      link(this: { parser: { parseInline(t: Tokens.Link['tokens']): string } }, token: Tokens.Link): string {
        const href = isRelative(token.href) ? rewrite(token.href, 'link') : token.href;
        const titleAttr = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<a href="${escapeHtml(href)}"${titleAttr}>${this.parser.parseInline(token.tokens)}</a>`;
      },
      image(token: Tokens.Image): string {
        const src = isRelative(token.href) ? rewrite(token.href, 'image') : token.href;
        return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}" loading="lazy">`;
      },
    },
  });
  const html = marked.parse(source, { async: false });
  return { html, title };
}
