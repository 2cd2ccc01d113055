// The graph page's picture fits: on load, the post's neuron (plain and exp form) is whole in its box and on
// the screen at 1280×800 and 800×900 with text at least 9 px tall; a phone shows the graph on its first
// screen, and a picture too big to show legibly is said to be so, with zoom and pan at hand.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { presetById } from '../../web/src/graph/presets.js';
import { DEFAULTS, record, serializeHash } from '../../web/src/graph/urlState.js';
import { opener } from './graphPage.js';
import { usePlayground } from './playground.js';

const pg = usePlayground();
const open = opener(pg);

/** The link that opens a preset, as the page writes it. */
function presetHash(id: string): string {
  const p = presetById(id)!;
  return serializeHash({
    ...DEFAULTS,
    text: p.text,
    values: record(Object.entries(p.values)),
    labels: record(Object.entries(p.labels ?? {})),
  });
}

interface Fit {
  box: { top: number; bottom: number; left: number; right: number };
  viewport: { width: number; height: number };
  /** Nodes (records and op nodes) whose drawn box sticks out of the graph's box. */
  outside: number;
  nodes: number;
  /** The smallest rendered height of any text of the picture, in CSS pixels. */
  minText: number;
  scrolls: boolean;
}

function measure(page: Page): Promise<Fit> {
  return page.$eval('#graph', (graph) => {
    const b = graph.getBoundingClientRect();
    const inside = (r: DOMRect): boolean =>
      r.left >= b.left - 0.5 &&
      r.right <= b.right + 0.5 &&
      r.top >= b.top - 0.5 &&
      r.bottom <= b.bottom + 0.5;
    const shapes = [...graph.querySelectorAll('g.node')].map((g) => g.getBoundingClientRect());
    const texts = [...graph.querySelectorAll('svg text')].map((t) => t.getBoundingClientRect().height);
    return {
      box: { top: b.top, bottom: b.bottom, left: b.left, right: b.right },
      viewport: { width: window.innerWidth, height: window.innerHeight },
      outside: shapes.filter((r) => !inside(r)).length,
      nodes: shapes.length,
      minText: Math.min(...texts),
      scrolls: graph.scrollWidth > graph.clientWidth + 1 || graph.scrollHeight > graph.clientHeight + 1,
    };
  });
}

describe('graph page: the picture fits', () => {
  for (const size of ['desktop', 'tablet'] as const) {
    for (const id of ['neuron', 'neuron-exp']) {
      it(`shows all of ${id} on load at ${size === 'desktop' ? '1280×800' : '800×900'}, text ≥ 9 px`, async () => {
        const { page, problems } = await open(size, presetHash(id));
        await page.waitForFunction(
          () => document.querySelector('#graph')?.getAttribute('aria-busy') === 'false',
        );
        const fit = await measure(page);
        expect(fit.nodes).toBeGreaterThan(10);
        expect(fit.outside).toBe(0);
        expect(fit.scrolls).toBe(false);
        // The box itself is on the first screen, whole.
        expect(fit.box.top).toBeGreaterThanOrEqual(0);
        expect(fit.box.bottom).toBeLessThanOrEqual(fit.viewport.height);
        expect(fit.box.right).toBeLessThanOrEqual(fit.viewport.width);
        expect(fit.minText).toBeGreaterThanOrEqual(9);
        expect(await page.isHidden('#graph-note')).toBe(true);
        expect(problems).toEqual([]);
        await page.close();
      });
    }
  }

  it('on a phone puts the graph on the first screen, says it pans, and keeps text readable', async () => {
    const { page, problems } = await open('phone', presetHash('neuron-exp'));
    await page.waitForFunction(() => document.querySelector('#graph')?.getAttribute('aria-busy') === 'false');
    const fit = await measure(page);
    expect(fit.box.top).toBeGreaterThanOrEqual(0);
    expect(fit.box.top).toBeLessThan(fit.viewport.height / 2);
    expect(fit.minText).toBeGreaterThanOrEqual(9);
    // Too big for a phone at that size: it says so, and the box scrolls.
    expect(fit.scrolls).toBe(true);
    expect(await page.textContent('#graph-note')).toMatch(/drag the graph .* or pick a zoom/);
    expect(await page.isVisible('#zoom')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
