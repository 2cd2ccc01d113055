// The graph page's shared links: unusable values are named, a parse error never leaves the pane busy, a
// costly graph is laid out off the main thread (the tab stays responsive) and a refusal shows as text;
// and the page at three sizes, looked at (screenshots in out/screenshots, or $SCREENSHOTS).
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { opener, waitForStep } from './graphPage.js';
import { SIZES, usePlayground } from './playground.js';
import { SHOTS } from './screenshotDir.js';

const pg = usePlayground(() => mkdirSync(SHOTS, { recursive: true }));
const open = opener(pg);

describe('graph page links', () => {
  it('names NaN, Infinity and empty values from the link instead of turning them into numbers', async () => {
    const { page, problems } = await open('desktop', '#expr=x*y%2Bz&v.x=NaN&v.y=Infinity&v.z=&v.w=2');
    const notes = await page.textContent('#link-notes');
    expect(notes).toContain('x = "NaN" is not a finite number');
    expect(notes).toContain('y = "Infinity" is not a finite number');
    expect(notes).toContain('z = "" is not a finite number');
    expect(notes).toContain('w = 2 is not a variable of the expression');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps expression, values and labels in the URL: a reload shows the same graph', async () => {
    const { page, problems } = await open();
    await page.click('#graph g.node[data-label="b"]');
    await page.fill('#node-label', 'bias b');
    await page.press('#node-label', 'Enter');
    await page.fill('#var-0', '1.25');
    await page.waitForFunction(() => document.querySelector('#graph g.node[data-label="bias b"]') !== null);
    const url = page.url();
    const again = await pg.browser().newPage({ viewport: SIZES.desktop });
    await again.goto(url);
    await again.waitForSelector('#graph g.node[data-label="bias b"]');
    expect(await again.getAttribute('#graph g.node[data-label="x1"]', 'data-data')).toBe('1.25');
    expect(await again.inputValue('#program')).toBe(await page.inputValue('#program'));
    expect(problems).toEqual([]);
    await again.close();
    await page.close();
  });

  it('after a parse error from the link, the pane says so and is not busy', async () => {
    const { page, problems } = await open('desktop', '#expr=x%20%2B%20*', '#program-error:not(:empty)');
    await expect.poll(() => page.getAttribute('#graph', 'aria-busy')).toBe('false');
    expect(await page.textContent('#graph')).not.toContain('Loading');
    expect(await page.textContent('[data-testid="graph-message"]')).toMatch(/Fix the expression/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('lays out x+x+…+x (100 terms) off the main thread: the tab stays responsive', async () => {
    const expr = Array(100).fill('x').join('+');
    const { page, problems } = await open('desktop', `#expr=${encodeURIComponent(expr)}&v.x=1`, '#graph');
    // While Graphviz works in the worker, the page answers at once and its controls work.
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await page.selectOption('#zoom', '1');
    expect(Date.now() - started).toBeLessThan(2000);
    // A lighter expression replaces the stuck layout (after a moment: a layout younger than 0.3 s is let
    // finish, so dragging a slider does not restart the worker on every move).
    await page.waitForTimeout(500);
    await page.fill('#program', 'x*y');
    await page.waitForSelector('#graph g.node[data-label="y"]', { timeout: 20_000 });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows the library's refusal of a too-big graph as text", async () => {
    // 600 terms parse (the tree limit is 1,000 levels) but x's 599 uses need ~358,000 virtual layout nodes.
    const expr = Array(600).fill('x').join('+');
    const { page, problems } = await open(
      'desktop',
      `#expr=${encodeURIComponent(expr)}`,
      '[data-testid="graph-message"]',
    );
    expect(await page.textContent('[data-testid="graph-message"]')).toMatch(/nodes/);
    expect(await page.getAttribute('#graph', 'aria-busy')).toBe('false');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads well at 1280×800, 800×900 and 390×844 (screenshots in out/screenshots, or $SCREENSHOTS)', async () => {
    for (const size of ['desktop', 'tablet', 'phone'] as const) {
      const { page, problems } = await open(size);
      for (let i = 1; i <= 3; i++) {
        await page.click('#step');
        await waitForStep(page, i);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The panels never overlap (the phone's sticky step bar floats over the page by design).
      const boxes = await page.$$eval('main > .panel:not(.step-bar)', (ps) =>
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
      await page.screenshot({ path: new URL(`graph-${size}.png`, SHOTS).pathname });
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
