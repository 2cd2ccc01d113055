// Helpers for the graph page's browser tests: open it at a size, read what its picture shows.

import type { Browser, Page } from 'playwright-core';
import { SIZES, watchProblems, type Served } from './playground.js';

export type Open = (
  size?: keyof typeof SIZES,
  hash?: string,
  waitFor?: string,
) => Promise<{ page: Page; problems: string[] }>;

/** Open the graph page (optionally with a hash) and wait until its picture is drawn. */
export function opener(pg: { server: () => Served; browser: () => Browser }): Open {
  return async (size = 'desktop', hash = '', waitFor = '#graph svg g.node') => {
    const page = await pg
      .browser()
      .newPage({ viewport: SIZES[size], acceptDownloads: true, hasTouch: size === 'phone' });
    const problems = watchProblems(page);
    await page.goto(`${pg.server().url}index.html${hash}`);
    await page.waitForSelector(waitFor);
    return { page, problems };
  };
}

export interface ShownNode {
  label: string;
  data: string;
  grad: string;
  text: string;
}

/** Each drawn Value's label, data and grad as the page holds them (full precision) and shows them. */
export async function shownNodes(page: Page): Promise<ShownNode[]> {
  return page.$$eval('#graph svg g.node[data-index]', (gs) =>
    gs.map((g) => ({
      label: (g as SVGGElement).dataset['label'] ?? '',
      data: (g as SVGGElement).dataset['data'] ?? '',
      grad: (g as SVGGElement).dataset['grad'] ?? '',
      text: Array.from(g.querySelectorAll('text'), (t) => t.textContent).join(' '),
    })),
  );
}

/** The grad text the picture shows on the node with this label (`grad -1.5000` → -1.5). */
export async function shownGrad(page: Page, label: string): Promise<number> {
  const nodes = await shownNodes(page);
  const node = nodes.find((n) => n.label === label);
  if (node === undefined) throw new Error(`no node labelled ${label}`);
  const m = /grad (-?\d+\.\d{4})/.exec(node.text);
  if (m === null) throw new Error(`node ${label} shows no grad: ${node.text}`);
  return Number(m[1]);
}

/** Wait until the panel shows this many steps taken and the picture's stepped node is drawn. */
export async function waitForStep(page: Page, n: number): Promise<void> {
  await page.waitForSelector(`#step-panel[data-step="${n}"]`);
  await page.waitForFunction(() => document.querySelector('#graph')?.getAttribute('aria-busy') === 'false');
}
