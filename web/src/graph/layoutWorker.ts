// layoutWorker: Graphviz layout off the page's main thread, so a costly graph never freezes the tab.

import { drawDot } from '../../../src/viz/drawDot.js';
import { fitScore, naturalSize } from './fitLayout.js';
import { fromPlain, type LayoutReply, type LayoutRequest } from './layoutMessages.js';

const reply = (m: LayoutReply): void => self.postMessage(m);

self.onmessage = async (e: MessageEvent<LayoutRequest>) => {
  const { id, nodes, candidates, room } = e.data;
  try {
    const root = fromPlain(nodes);
    let best: { reply: LayoutReply; score: number } | undefined;
    for (const candidate of candidates) {
      const drawing = drawDot(root, candidate);
      const svg = await drawing.render('svg');
      const score = fitScore(candidate, naturalSize(svg), room);
      const fits = score === Infinity;
      if (best === undefined || score > best.score)
        best = { reply: { id, ok: true, source: drawing.source, svg, candidate, fits }, score };
      if (fits) break;
    }
    if (best === undefined) throw new Error('no layout was asked for');
    reply(best.reply);
  } catch (err) {
    // Whatever the library refuses with (a RangeError naming the graph's size, a Graphviz error) as text.
    reply({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
