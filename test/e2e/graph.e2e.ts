// The graph page in Chromium: the post's neuron, its grads and every step of backward, checked against the
// library run in Node on the same graph; keyboard use, exports, hostile input, screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { topoSort } from '../../src/engine/value.js';
import { formatFixed } from '../../src/viz/formatFixed.js';
import { BackwardStepper } from '../../src/walkthrough/backwardSteps.js';
import { parse } from '../../src/expr/index.js';
import { buildNeuron, NEURON_BIAS } from '../../src/walkthrough/neuron.js';
import { SIZES, usePlayground, watchProblems } from './playground.js';
import { SHOTS } from './screenshotDir.js';

const pg = usePlayground(() => mkdirSync(SHOTS, { recursive: true }));

async function open(
  size: keyof typeof SIZES = 'desktop',
  hash = '',
): Promise<{ page: Page; problems: string[] }> {
  const page = await pg.browser().newPage({ viewport: SIZES[size], acceptDownloads: true });
  const problems = watchProblems(page);
  await page.goto(`${pg.server().url}index.html${hash}`);
  await page.waitForSelector('#graph svg g.node');
  return { page, problems };
}

/** Each drawn Value's label, data and grad as the page holds them (full precision) and shows them. */
async function shownNodes(
  page: Page,
): Promise<Array<{ label: string; data: string; grad: string; text: string }>> {
  return page.$$eval('#graph svg g.node[data-index]', (gs) =>
    gs.map((g) => ({
      label: (g as SVGGElement).dataset['label'] ?? '',
      data: (g as SVGGElement).dataset['data'] ?? '',
      grad: (g as SVGGElement).dataset['grad'] ?? '',
      text: Array.from(g.querySelectorAll('text'), (t) => t.textContent).join(' '),
    })),
  );
}

describe('graph page', () => {
  it("shows the post's neuron and, after Backward, exactly the library's grads", async () => {
    const { page, problems } = await open();
    await page.click('#backward');
    await page.waitForFunction(
      () => document.querySelector('#graph g.node[data-label="o"]')?.getAttribute('data-grad') === '1',
    );
    // The library in Node on the same neuron: grads must be identical, and shown with 4 decimals.
    const neuron = buildNeuron('tanh');
    neuron.o.backward();
    const expected = topoSort(neuron.o);
    const shown = await shownNodes(page);
    expect(shown).toHaveLength(expected.length);
    for (const v of expected) {
      const s = shown.find((n) => n.label === v.label)!;
      expect(s, `node ${v.label}`).toBeDefined();
      expect(Number(s.data)).toBe(v.data);
      expect(Number(s.grad)).toBe(v.grad);
      expect(s.text).toContain(`grad ${formatFixed(v.grad)}`);
    }
    // The post's numbers, to the post's rounding.
    const grad = (label: string): number => Number(shown.find((n) => n.label === label)!.grad);
    expect(grad('x1')).toBeCloseTo(-1.5, 5);
    expect(grad('w1')).toBeCloseTo(1.0, 5);
    expect(grad('x2')).toBeCloseTo(0.5, 5);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('updates data and grads at once when an input changes', async () => {
    const { page, problems } = await open();
    await page.click('#backward');
    await page.fill('#var-2', '1.5'); // x2
    // The library on the same expression with x2 = 1.5, backward run: the page must show exactly this.
    const o = parse('tanh(x1*w1 + x2*w2 + b)').build({ x1: 2, w1: -3, x2: 1.5, w2: 1, b: NEURON_BIAS });
    o.backward();
    const w2 = topoSort(o).find((v) => v.label === 'w2')!;
    await expect
      .poll(() => page.getAttribute('#graph g.node[data-label="o"]', 'data-data'))
      .toBe(String(o.data));
    expect(await page.getAttribute('#graph g.node[data-label="w2"]', 'data-grad')).toBe(String(w2.grad));
    expect(new URL(page.url()).hash).toContain('v.x2=1.5');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('steps through backward node by node, each contribution equal to the library stepper', async () => {
    const { page, problems } = await open();
    const reference = new BackwardStepper(buildNeuron('tanh').o);
    let steps = 0;
    for (let s = reference.next(); s !== undefined; s = reference.next()) {
      await page.click('#step');
      steps++;
      await page.waitForSelector(`#step-panel[data-step="${steps}"]`);
      if (s.kind === 'seed') {
        expect(await page.textContent('#step-panel h3')).toBe('Seed');
        continue;
      }
      expect(await page.textContent('#step-panel h3')).toMatch(
        new RegExp(`^${s.node.label.replace(/[*+]/g, '\\$&')} = `),
      );
      const rows = await page.$$eval('#step-panel tbody tr', (trs) =>
        trs.map((tr) => ({
          local: (tr as HTMLElement).dataset['local'],
          upstream: (tr as HTMLElement).dataset['upstream'],
          contribution: (tr as HTMLElement).dataset['contribution'],
          sum: (tr as HTMLElement).dataset['sum'],
          cells: Array.from(tr.children, (c) => c.textContent),
        })),
      );
      expect(rows).toHaveLength(s.contributions.length);
      s.contributions.forEach((c, i) => {
        const row = rows[i]!;
        expect(Number(row.local)).toBe(c.local);
        expect(Number(row.upstream)).toBe(c.upstream);
        expect(Number(row.contribution)).toBe(c.contribution);
        expect(Number(row.sum)).toBe(c.sum);
        expect(row.cells).toEqual([
          c.child.label,
          formatFixed(c.local),
          `× ${formatFixed(c.upstream)}`,
          `= ${formatFixed(c.contribution)}`,
          formatFixed(c.sum),
        ]);
      });
      // The stepped node is highlighted, its inputs marked.
      await expect
        .poll(() =>
          page.$$eval('#graph g.node.current', (gs) => gs.map((g) => (g as SVGGElement).dataset['label'])),
        )
        .toEqual([s.node.label]);
    }
    expect(steps).toBe(6); // seed + 5 computed nodes
    await expect
      .poll(() => page.textContent('#step-panel .step-status'))
      .toBe('The backward pass is complete.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('is operable from the keyboard: Tab to Step, Enter; Tab to a node, Enter to inspect it', async () => {
    const { page, problems } = await open();
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.id === 'step');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#step-panel h3')).toBe('Seed');
    let onNode = false;
    for (let i = 0; i < 20 && !onNode; i++) {
      await page.keyboard.press('Tab');
      onNode = await page.evaluate(() => document.activeElement?.matches('g.node') ?? false);
    }
    expect(onNode).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#inspector h3')).toMatch(/^Selected: /);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('exports DOT, SVG and PNG files', async () => {
    const { page, problems } = await open();
    const grab = async (button: string): Promise<Buffer> => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return readFileSync((await download.path())!);
    };
    expect((await grab('#export-dot')).toString()).toMatch(/^digraph \{/);
    expect((await grab('#export-svg')).toString()).toContain('<svg');
    const png = await grab('#export-png');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a hostile label and a hostile expression as text, injecting nothing', async () => {
    const { page, problems } = await open();
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const scripts = await page.$$eval('script', (s) => s.length);
    await page.click('#graph g.node[data-label="b"]');
    await page.fill('#node-label', hostile);
    await page.press('#node-label', 'Enter');
    await page.waitForFunction(
      (h) => document.querySelector('#graph g.node[data-label="' + CSS.escape(h) + '"]') !== null,
      hostile,
    );
    const text = await page.$eval(
      `#graph g.node[data-label="${hostile.replace(/"/g, '\\"')}"]`,
      (g) => g.textContent,
    );
    expect(text).toContain('<img src=x onerror="window.__pwned=1">');
    await page.fill('#program', `${hostile} + x`);
    await expect.poll(() => page.textContent('#program-error')).toMatch(/^line 1: /);
    // And through the shareable URL.
    await page.goto(`${pg.server().url}index.html#expr=${encodeURIComponent(hostile)}`);
    await expect.poll(() => page.textContent('#program-error')).toMatch(/^line 1: /);
    expect(await page.$$eval('img', (i) => i.length)).toBe(0);
    expect(await page.$$eval('script', (s) => s.length)).toBe(scripts);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads well at 1280×800, 800×900 and 390×844 (screenshots in out/screenshots, or $SCREENSHOTS)', async () => {
    for (const size of ['desktop', 'tablet', 'phone'] as const) {
      const { page, problems } = await open(size);
      for (let i = 0; i < 3; i++) await page.click('#step');
      await expect.poll(() => page.$$eval('#step-panel tbody tr', (r) => r.length)).toBeGreaterThan(0);
      // Nothing wider than the window: the page itself never scrolls sideways.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The three panels never overlap, and on a phone each takes the whole width of the one column.
      const boxes = await page.$$eval('main > .panel', (ps) =>
        ps.map((p) => {
          const r = p.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        }),
      );
      expect(boxes).toHaveLength(3);
      for (const [i, a] of boxes.entries()) {
        for (const b of boxes.slice(i + 1)) {
          const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
          expect(apart, `panels ${JSON.stringify(a)} and ${JSON.stringify(b)} overlap`).toBe(true);
        }
      }
      if (size === 'phone') {
        // 16 px: the page's 0.5rem padding on each side at the 15 px root font size.
        for (const b of boxes) expect(b.right - b.left).toBeGreaterThanOrEqual(SIZES.phone.width - 16);
      }
      await page.screenshot({
        path: new URL(`graph-${size}.png`, SHOTS).pathname,
        fullPage: size !== 'desktop',
      });
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
