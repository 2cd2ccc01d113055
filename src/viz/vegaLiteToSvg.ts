// vegaLiteToSvg: compile a Vega-Lite spec and render it headless to SVG text (Node or browser).

import type * as VegaLite from 'vega-lite';
import { errorText } from './errorText.js';
import { loadOptionals } from './loadOptional.js';
import { cleanStrings } from './pictureText.js';
import type { TopLevelSpec } from './topLevelSpec.js';

export type { TopLevelSpec } from './topLevelSpec.js';

type Vega = typeof import('vega');

// Vega and Vega-Lite load on the first chart (they take about a second), never on import.
async function libraries(): Promise<[Vega, typeof VegaLite]> {
  return loadOptionals('Drawing a chart', [
    ['vega', () => import('vega')],
    ['vega-lite', () => import('vega-lite')],
  ]);
}

/**
 * Render a Vega-Lite spec to a standalone SVG document, with no DOM and no canvas. Every string in the
 * spec is drawn through pictureText (no control character reaches the SVG). A link or URL Vega refuses
 * (`javascript:…` in an `href` channel), data it cannot load, or an error inside Vega's dataflow rejects
 * the promise, naming what failed.
 */
export async function vegaLiteToSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await libraries();
  const failures: string[] = [];
  const base = vega.loader();
  // Vega's SVG renderer reads a refused link's result without a catch: the rejection would reach nobody
  // and end a Node process. The link is refused here instead, and reported once the drawing is done.
  const loader = Object.create(base) as typeof base;
  loader.sanitize = (uri, opts) =>
    base.sanitize(uri, opts).catch((err: unknown) => {
      const what = opts.context === 'href' ? 'link' : 'URL';
      failures.push(`the ${what} ${JSON.stringify(uri)} was refused (${errorText(err)})`);
      return { href: '' };
    });
  // Vega logs a dataflow error, or data it could not load, and draws on regardless; collected here, each
  // becomes the promise's rejection. Other warnings stay quiet, as Vega's default logger keeps them.
  const logger = vega.logger(vega.Warn, 'error', (_method, level, args) => {
    if (level === 'ERROR') failures.push(args.map(errorText).join(' '));
    else if (args[0] === 'Loading failed') {
      failures.push(`could not load the data ${JSON.stringify(args[1])} (${errorText(args[2])})`);
    }
  });
  const runtime = vega.parse(compile(cleanStrings(spec) as VegaLite.TopLevelSpec).spec);
  const view = new vega.View(runtime, { renderer: 'none', loader, logger });
  try {
    const svg = await view.toSVG();
    if (failures.length > 0) throw new Error(`Drawing a chart failed: ${failures.join('; ')}`);
    return svg;
  } finally {
    view.finalize();
  }
}
