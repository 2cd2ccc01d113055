// layoutWorker: Graphviz layout off the page's main thread, so a costly graph never freezes the tab.

import { drawDot } from '../../../src/viz/drawDot.js';
import { fromPlain, type LayoutReply, type LayoutRequest } from './layoutMessages.js';

const reply = (m: LayoutReply): void => self.postMessage(m);

self.onmessage = async (e: MessageEvent<LayoutRequest>) => {
  const { id, nodes, rankdir } = e.data;
  try {
    const drawing = drawDot(fromPlain(nodes), { rankdir });
    const svg = await drawing.render('svg');
    reply({ id, ok: true, source: drawing.source, svg });
  } catch (err) {
    // Whatever the library refuses with (a RangeError naming the graph's size, a Graphviz error) as text.
    reply({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
