// graphviz: DOT text → SVG with Graphviz compiled to WebAssembly (no system install; Node and browser).

import type { Viz } from '@viz-js/viz';
import { loadOptional } from './loadOptional.js';

let instance: Promise<Viz> | undefined;

// Loaded on first use, so code that only wants DOT text never pays for the WebAssembly module.
function viz(): Promise<Viz> {
  instance ??= loadOptional('@viz-js/viz', 'Drawing a graph', () => import('@viz-js/viz')).then((m) =>
    m.instance(),
  );
  return instance;
}

/** Lay out and draw a DOT graph as an SVG document. */
export async function dotToSvg(source: string): Promise<string> {
  const result = (await viz()).render(source, { format: 'svg' });
  if (result.status === 'failure') {
    const why = result.errors.map((e) => e.message.trim()).join('; ');
    throw new Error(`Graphviz could not draw the graph: ${why || 'unknown error'}`);
  }
  return result.output;
}
