// graphviz: DOT text → SVG with Graphviz compiled to WebAssembly (no system install; Node and browser).

import type { Viz } from '@viz-js/viz';
import { errorText } from './errorText.js';
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
  const graphviz = await viz();
  let result: ReturnType<Viz['render']>;
  try {
    result = graphviz.render(source, { format: 'svg' });
  } catch (err) {
    // The WebAssembly module can throw things that are not Errors (an out-of-memory abort is a plain
    // object); make every failure a message that says what happened.
    throw new Error(`Graphviz failed while drawing the graph: ${errorText(err)}`, { cause: err });
  }
  if (result.status === 'failure') {
    const why = result.errors.map((e) => e.message.trim()).join('; ');
    throw new Error(`Graphviz could not draw the graph: ${why || 'unknown error'}`);
  }
  return result.output;
}
