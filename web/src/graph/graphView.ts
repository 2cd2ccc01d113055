// graphView: draw a Value graph with the library's drawDot + Graphviz WASM, and make its nodes operable.

import type { Value } from '../../../src/engine/value.js';
import { drawDot, type GraphDrawing, type Rankdir } from '../../../src/viz/drawDot.js';
import { formatFixed, parseSvg, sizeSvg } from '../dom.js';

export interface Drawn {
  readonly drawing: GraphDrawing;
  readonly svgText: string;
  readonly svg: SVGSVGElement;
  /** The SVG group of each Value, by its position in trace order (drawDot's node ids). */
  readonly groups: ReadonlyMap<number, SVGGElement>;
}

/** A short name for a node in sentences: its label, else its position. */
export function nodeName(v: Value, index: number): string {
  return v.label !== '' ? v.label : `node #${index}`;
}

/**
 * Render `root` into `host`. `nodes` is trace order (the ids drawDot gives), used to describe each node to
 * screen readers and to tests (full-precision data and grad in data attributes).
 */
export async function drawGraph(
  host: HTMLElement,
  root: Value,
  nodes: readonly Value[],
  rankdir: Rankdir | 'auto',
  zoom: number | 'fit',
  boxWidth: number,
  onSelect: (index: number) => void,
): Promise<Drawn> {
  let drawing = drawDot(root, { rankdir: rankdir === 'auto' ? 'LR' : rankdir });
  let svgText = await drawing.render('svg');
  let svg = parseSvg(svgText);
  // Auto: the walkthrough's left-to-right picture when it fits at a readable size, else top to bottom.
  if (rankdir === 'auto' && (svg.viewBox.baseVal.width * 4) / 3 > boxWidth / 0.8) {
    drawing = drawDot(root, { rankdir: 'TB' });
    svgText = await drawing.render('svg');
    svg = parseSvg(svgText);
  }
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', 'Computational graph');
  sizeSvg(svg, boxWidth, zoom, 0.6);
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
      `${nodeName(v, index)}${v.op !== '' ? ` (${v.op})` : ''}: data ${formatFixed(v.data)}, grad ${formatFixed(v.grad)}`,
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
  return { drawing, svgText, svg, groups };
}

/** Mark the node being stepped, its inputs and the selected node. */
export function highlight(
  drawn: Drawn,
  current: number | undefined,
  inputs: readonly number[],
  selected: number | undefined,
): void {
  for (const [i, g] of drawn.groups) {
    g.classList.toggle('current', i === current);
    g.classList.toggle('input', inputs.includes(i));
    g.classList.toggle('selected', i === selected);
  }
}
