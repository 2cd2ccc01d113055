// graphView: put the laid-out SVG on the page, size it to its box, and make its nodes operable.

import type { Value } from '../../../src/engine/value.js';
import { formatCompact, parseSvg } from '../dom.js';
import { fitScale, MIN_SCALE, type Size } from './fitLayout.js';
import type { Zoom } from './urlState.js';

/** The box's border and a little air around the picture, in CSS pixels. */
const ROOM = 8;

export interface Drawn {
  /** DOT text and Graphviz's own SVG text, for the exports. */
  readonly source: string;
  readonly svgText: string;
  readonly svg: SVGSVGElement;
  /** The SVG group of each Value, by its position in trace order (drawDot's node ids). */
  readonly groups: ReadonlyMap<number, SVGGElement>;
}

/**
 * Parse Graphviz's SVG into `host`. `nodes` is trace order (the ids drawDot gives); each node is described
 * to screen readers and to tests (full-precision data and grad in data attributes).
 */
export function showGraph(
  host: HTMLElement,
  source: string,
  svgText: string,
  nodes: readonly Value[],
  onSelect: (index: number) => void,
): Drawn {
  const svg = parseSvg(svgText);
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'Computational graph');
  const groups = new Map<number, SVGGElement>();
  for (const g of svg.querySelectorAll<SVGGElement>('g.node')) {
    const m = /^n(\d+)$/.exec(g.querySelector('title')?.textContent ?? '');
    if (m === null) continue;
    const index = Number(m[1]);
    const v = nodes[index];
    if (v === undefined) continue;
    groups.set(index, g);
    g.querySelector('title')?.remove(); // Graphviz's title is the internal id; the aria-label says more.
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    g.setAttribute(
      'aria-label',
      `${v.label}${v.op !== '' ? ` (${v.op})` : ''}: data ${formatCompact(v.data)}, grad ${formatCompact(v.grad)}`,
    );
    g.dataset['index'] = String(index);
    g.dataset['label'] = v.label;
    g.dataset['data'] = String(v.data);
    g.dataset['grad'] = String(v.grad);
    g.addEventListener('click', () => onSelect(index));
    g.addEventListener('keydown', (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        onSelect(index);
      }
    });
  }
  host.replaceChildren(svg);
  return { source, svgText, svg, groups };
}

/**
 * The room the picture has: the box's width, and the height left on the screen below the box's top, so a
 * graph that fits is seen whole on load. On a phone, under half the screen: the step's explanation below
 * the graph stays in view.
 */
export function roomIn(box: HTMLElement): Size {
  const top = box.getBoundingClientRect().top + window.scrollY;
  const height =
    window.innerWidth <= 700
      ? Math.round(window.innerHeight * 0.45)
      : Math.max(240, Math.round(window.innerHeight - top - 12));
  box.style.maxHeight = `${height}px`;
  return { width: box.clientWidth - ROOM, height: height - ROOM };
}

/**
 * Size the picture: `zoom` times its natural size, or for 'fit' the largest size at which the whole graph
 * fits `room` (text at most MAX_FONT_PX, and never under MIN_FONT_PX: past that the box pans, since text
 * too small to read helps nobody). The box's height then follows the picture, so a wide, flat
 * graph leaves no empty band. Returns whether the picture is bigger than its box.
 */
export function sizeGraph(drawn: Drawn, box: HTMLElement, zoom: Zoom, room: Size): boolean {
  // Graphviz measures in points; a CSS pixel is 3/4 of a point.
  const w = (drawn.svg.viewBox.baseVal.width * 4) / 3;
  const h = (drawn.svg.viewBox.baseVal.height * 4) / 3;
  const scale = zoom === 'fit' ? Math.max(MIN_SCALE, fitScale({ width: w, height: h }, room)) : zoom;
  drawn.svg.removeAttribute('width');
  drawn.svg.removeAttribute('height');
  drawn.svg.style.width = `${Math.round(w * scale)}px`;
  drawn.svg.style.height = `${Math.round(h * scale)}px`;
  box.style.setProperty('--graph-height', `${Math.round(h * scale) + ROOM}px`);
  return w * scale > room.width + 1 || h * scale > room.height + 1;
}

export interface Marks {
  /** The node being stepped (the output on the seed step). */
  readonly current: number | undefined;
  /** Its inputs (backward: where its grad flows; forward: what it is computed from). */
  readonly inputs: readonly number[];
  readonly selected: number | undefined;
  /** Nodes whose value the forward pass has not reached yet: their data shows as `?`. */
  readonly pendingFrom: number;
}

/** Mark the stepped node, its inputs, the selected node and the values not computed yet. */
export function markGraph(drawn: Drawn, marks: Marks): void {
  for (const [i, g] of drawn.groups) {
    g.classList.toggle('current', i === marks.current);
    g.classList.toggle('input', marks.inputs.includes(i));
    g.classList.toggle('selected', i === marks.selected);
    const pending = i >= marks.pendingFrom;
    g.classList.toggle('pending', pending);
    for (const t of g.querySelectorAll('text')) {
      t.dataset['shown'] ??= t.textContent ?? '';
      const shown = t.dataset['shown'];
      t.textContent = pending && shown.startsWith('data ') ? 'data ?' : shown;
    }
  }
}

/** Scroll the box (not the page) so a node is in sight when the graph is bigger than its box. */
export function revealInBox(box: HTMLElement, g: SVGGElement): void {
  const gr = g.getBoundingClientRect();
  const br = box.getBoundingClientRect();
  if (gr.left < br.left || gr.right > br.right)
    box.scrollLeft += gr.left - br.left - (br.width - gr.width) / 2;
  if (gr.top < br.top || gr.bottom > br.bottom)
    box.scrollTop += gr.top - br.top - (br.height - gr.height) / 2;
}

/** Drag the box's background to pan a graph larger than the box (a click without a drag still selects). */
export function enablePan(box: HTMLElement): void {
  let start: { x: number; y: number; left: number; top: number } | undefined;
  // A drag that starts on a node must not also select it when the button comes up.
  let dragged = false;
  box.addEventListener('pointerdown', (e) => {
    if (e.pointerType !== 'mouse' || e.button !== 0) return; // touch pans natively
    start = { x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop };
    dragged = false;
  });
  box.addEventListener('pointermove', (e) => {
    if (start === undefined || (e.buttons & 1) === 0) return;
    const dx = e.clientX - start.x;
    const dy = e.clientY - start.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) dragged = true;
    box.scrollLeft = start.left - dx;
    box.scrollTop = start.top - dy;
  });
  box.addEventListener(
    'click',
    (e) => {
      if (!dragged) return;
      dragged = false;
      e.stopPropagation();
      e.preventDefault();
    },
    true,
  );
  const stop = (): void => {
    start = undefined;
  };
  box.addEventListener('pointerup', stop);
  box.addEventListener('pointerleave', stop);
}
