// dom: small helpers that build elements from text only (never HTML strings), and file downloads.

type Attrs = Record<string, string | number | boolean | undefined>;

/** Create an element; string children become text nodes, so nothing is ever parsed as markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  el.append(...children);
  return el;
}

/** The element with this id, or a clear error naming it (a page/script mismatch). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`the page has no element #${id}`);
  return el as T;
}

/** Offer `data` as a file download. */
export function download(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Parse SVG text from Graphviz into an element for the page. DOMParser never runs scripts. */
export function parseSvg(text: string): SVGSVGElement {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const svg = doc.documentElement;
  if (!(svg instanceof SVGSVGElement)) throw new Error('Graphviz returned something that is not SVG');
  // Belt and braces: an SVG from our own DOT has neither, but nothing active may reach the page.
  for (const el of svg.querySelectorAll('script, foreignObject')) el.remove();
  return document.importNode(svg, true);
}

/**
 * Size a Graphviz SVG for a box `boxWidth` pixels wide: `zoom` times its natural size, or for 'fit' shrunk
 * to the box but never below `minFit` of natural size (past that the box scrolls; tiny text helps nobody).
 */
export function sizeSvg(svg: SVGSVGElement, boxWidth: number, zoom: number | 'fit', minFit = 0.7): void {
  // Graphviz measures in points; a CSS pixel is 3/4 of a point.
  const natural = (svg.viewBox.baseVal.width * 4) / 3;
  const width = zoom === 'fit' ? Math.max(natural * minFit, Math.min(natural, boxWidth)) : natural * zoom;
  svg.removeAttribute('width');
  svg.removeAttribute('height');
  svg.style.width = `${Math.round(width)}px`;
}

/** A number as the graph shows it: four decimals, like the walkthrough's `%.4f`. */
export { formatFixed } from '../../src/viz/formatFixed.js';
export { formatCompact } from '../../src/viz/formatCompact.js';
