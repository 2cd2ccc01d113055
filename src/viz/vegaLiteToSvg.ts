// vegaLiteToSvg: compile a Vega-Lite spec and render it headless to SVG text (Node or browser).

import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export type { TopLevelSpec } from 'vega-lite';

/** Render a Vega-Lite spec to a standalone SVG document, with no DOM and no canvas. */
export async function vegaLiteToSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
