// vegaLiteToSvg: compile a Vega-Lite spec and render it headless to SVG text (Node or browser).

import type { TopLevelSpec } from 'vega-lite';
import { loadOptional } from './loadOptional.js';

export type { TopLevelSpec } from 'vega-lite';

// Vega and Vega-Lite load on the first chart (they take about a second), never on import.
async function libraries(): Promise<[typeof import('vega'), typeof import('vega-lite')]> {
  return Promise.all([
    loadOptional('vega', 'Drawing a chart', () => import('vega')),
    loadOptional('vega-lite', 'Drawing a chart', () => import('vega-lite')),
  ]);
}

/** Render a Vega-Lite spec to a standalone SVG document, with no DOM and no canvas. */
export async function vegaLiteToSvg(spec: TopLevelSpec): Promise<string> {
  const [{ parse, View }, { compile }] = await libraries();
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
