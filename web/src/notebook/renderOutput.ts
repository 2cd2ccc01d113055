// renderOutput: one nbformat output as page elements. Rich outputs are shown by MIME type, richest first;
// SVG and HTML pass through DOMPurify, so a notebook from anywhere cannot run script on the page.

import DOMPurify from 'dompurify';
import { h } from '../dom.js';
import type { MimeData, Output } from './kernelMessages.js';

// Deno's kernel colours its tracebacks; the page shows the text.
// eslint-disable-next-line no-control-regex -- ANSI escapes are what this removes
const ANSI = /\u001b\[[0-9;]*m/g;
const plain = (s: string): string => s.replace(ANSI, '');

function sanitized(markup: string, svg: boolean): DocumentFragment {
  return DOMPurify.sanitize(markup, {
    RETURN_DOM_FRAGMENT: true,
    ...(svg ? { USE_PROFILES: { svg: true, svgFilters: true } } : {}),
  });
}

/** A picture's width in CSS pixels from its width attribute (Graphviz writes points, Vega pixels). */
function naturalWidth(svg: SVGSVGElement): number | undefined {
  const m = /^([\d.]+)(pt|px)?$/.exec(svg.getAttribute('width') ?? '');
  if (m === null) return undefined;
  return Number(m[1]) * (m[2] === 'pt' ? 4 / 3 : 1);
}

/**
 * Fit a picture to the column, but never below half its size: past that (a long graph on a phone) its
 * labels would be unreadable, and the output scrolls sideways instead.
 */
function fitPicture(box: HTMLElement): HTMLElement {
  const svg = box.querySelector('svg');
  const natural = svg === null ? undefined : naturalWidth(svg);
  if (svg !== null && natural !== undefined) {
    svg.style.width = `${natural}px`;
    svg.style.minWidth = `${Math.round(natural * 0.5)}px`;
  }
  return box;
}

function rich(data: MimeData): HTMLElement {
  const svg = data['image/svg+xml'];
  if (svg !== undefined) return fitPicture(h('div', { class: 'out-svg' }, sanitized(svg, true)));
  const html = data['text/html'];
  if (html !== undefined) return h('div', { class: 'out-html' }, sanitized(html, false));
  for (const type of ['image/png', 'image/jpeg']) {
    const b64 = data[type];
    if (b64 !== undefined)
      return h('img', {
        class: 'out-img',
        alt: data['text/plain'] ?? '',
        src: `data:${type};base64,${b64.trim()}`,
      });
  }
  return h('pre', { class: 'out-text' }, plain(data['text/plain'] ?? JSON.stringify(data)));
}

export function renderOutput(o: Output): HTMLElement {
  switch (o.output_type) {
    case 'stream':
      return h('pre', { class: `out-stream out-${o.name}` }, plain(o.text));
    case 'error': {
      const text = o.traceback.length > 0 ? o.traceback.map(plain).join('\n') : `${o.ename}: ${o.evalue}`;
      return h('pre', { class: 'out-error', role: 'alert' }, text);
    }
    case 'execute_result':
    case 'display_data':
      return rich(o.data);
  }
}
