// The graph page in Chromium: the post's neuron, its grads and every step of backward, checked against the
// library run in Node on the same graph; keyboard use, exports, hostile input, screenshots.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { topoSort } from '../../src/engine/value.js';
import { formatFixed } from '../../src/viz/formatFixed.js';
import { parse } from '../../src/expr/index.js';
import { buildNeuron, NEURON_BIAS } from '../../src/walkthrough/neuron.js';
import { opener, shownNodes } from './graphPage.js';
import { usePlayground } from './playground.js';

const pg = usePlayground();
const open = opener(pg);

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

  it('is operable from the keyboard: Tab to Step, Enter; Tab to a node, Enter to inspect it', async () => {
    const { page, problems } = await open();
    let found = false;
    for (let i = 0; i < 40 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => document.activeElement?.id === 'step');
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.textContent('#step-panel h3')).toBe('Backward: the seed, at the output o');
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
});
