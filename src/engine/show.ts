// show: a notebook cell's output sent while the cell runs — the walkthrough's print(…) and draw_dot(o).
//
// Deno's Jupyter kernel (2.9) queues what a cell outputs (its result, console.log, displays) for a second
// loop to sign and send, and reports the cell idle without waiting for that queue; a headless run
// (nbconvert --execute) stops reading a cell at idle, so an output still queued is lost. `await show(…)`
// hands the outputs over during the cell and waits SETTLE_MS before the cell ends, so they leave first.

import { JUPYTER_DISPLAY, type MimeBundle } from './display.js';

type Bundle = Record<string, string>;

// Nothing tells a cell when the kernel has sent its outputs, so this is a time: one event-loop task was
// enough on an idle machine, not on one busy compiling Graphviz's WebAssembly (a drawing lost in one run of
// five); 100 ms has not lost one since. It costs a notebook about a second.
const SETTLE_MS = 100;
type DisplayFn = (bundle: Bundle, options: { raw: true }) => unknown;

/** Where outputs go: Deno's kernel, or a `display` a notebook host provides (the playground's); else none. */
function displayHost(): DisplayFn | undefined {
  const g = globalThis as { Deno?: { jupyter?: { display?: unknown } }; display?: unknown };
  const fn = g.Deno?.jupyter?.display ?? g.display;
  return typeof fn === 'function' ? (fn as DisplayFn) : undefined;
}

async function bundleOf(item: unknown): Promise<Bundle> {
  if (item !== null && typeof item === 'object' && JUPYTER_DISPLAY in item) {
    const show = (item as { [JUPYTER_DISPLAY]: () => MimeBundle | Promise<MimeBundle> })[JUPYTER_DISPLAY];
    return { ...(await show.call(item)) };
  }
  return { 'text/plain': String(item) };
}

/**
 * Show each item below the cell: strings and values as lines of text (a run of them as one block, one per
 * line, like the walkthrough's `print`), drawings and charts as pictures. In a notebook, `await` it as the
 * cell's last statement. Outside a notebook (a script), the text is printed with console.log.
 *
 * @param items - Anything: objects with a `[JUPYTER_DISPLAY]` method (a Value, a drawing) show their
 * bundle, everything else its `String(…)`.
 */
export async function show(...items: unknown[]): Promise<void> {
  const blocks: Bundle[] = [];
  for (const item of items) {
    const b = await bundleOf(item);
    const last = blocks[blocks.length - 1];
    const textOnly = (x: Bundle): boolean => Object.keys(x).every((k) => k === 'text/plain');
    if (last !== undefined && textOnly(last) && textOnly(b)) {
      last['text/plain'] = `${last['text/plain']}\n${b['text/plain']}`;
    } else {
      blocks.push(b);
    }
  }
  const host = displayHost();
  for (const b of blocks) {
    if (host === undefined) console.log(b['text/plain'] ?? '');
    else await host(b, { raw: true });
  }
  if (host !== undefined) await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}
