// The graph page teaches the chain rule: honest fresh passes (accumulation an explicit choice), every
// backward row's formula and numbers equal to the library's stepper on the same graph, forward stepping,
// the post's picture (left to right, fitting, the output highlighted), phones, and the shareable URL.
import { describe, expect, it } from 'vitest';
import { topoSort } from '../../src/engine/value.js';
import { BackwardStepper } from '../../src/walkthrough/backwardSteps.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';
import { opener, shownGrad, shownNodes, waitForStep } from './graphPage.js';
import { SIZES, usePlayground } from './playground.js';

const pg = usePlayground();
const open = opener(pg);

/** The post's gradients (its printout, to 4 decimals). */
const POST = { x1: -1.5, w1: 1.0, x2: 0.5, w2: 0.0, b: 0.5 };

describe('graph page: honest passes', () => {
  it("Backward twice in a row shows the post's grads, not twice them", async () => {
    const { page, problems } = await open();
    await page.click('#backward');
    await page.waitForFunction(
      () => document.querySelector('#graph g.node[data-label="o"]')?.getAttribute('data-grad') === '1',
    );
    await page.click('#backward');
    await page.waitForFunction(() => document.querySelector('#graph')?.getAttribute('aria-busy') === 'false');
    for (const [label, grad] of Object.entries(POST)) expect(await shownGrad(page, label), label).toBe(grad);
    expect(await page.textContent('#pass-note')).toMatch(/starts from zero grads/);
    // The panel says what ran and lists the same grads.
    expect(await page.$$eval('[data-testid="leaf-grads"] li', (li) => li.map((l) => l.textContent))).toEqual([
      'x1.grad = -1.5000',
      'w1.grad = 1.0000',
      'x2.grad = 0.5000',
      'w2.grad = 0.0000',
      'b.grad = 0.5000',
    ]);
    expect(new URL(page.url()).hash).not.toContain('acc=');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('accumulates only when asked to, as two backward() calls do', async () => {
    const { page, problems } = await open();
    await page.check('#accumulate');
    await page.click('#backward');
    await page.click('#backward');
    const twice = buildNeuron('tanh');
    twice.o.backward();
    twice.o.backward();
    await expect
      .poll(() => page.getAttribute('#graph g.node[data-label="x1"]', 'data-grad'))
      .toBe(String(twice.x1.grad));
    expect(await shownGrad(page, 'x1')).toBe(-3);
    expect(new URL(page.url()).hash).toContain('acc=1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("steps the whole backward pass: every row's formula and numbers are the library stepper's", async () => {
    const { page, problems } = await open();
    const reference = new BackwardStepper(buildNeuron('tanh').o);
    let n = 0;
    for (let s = reference.next(); s !== undefined; s = reference.next()) {
      await page.click('#step');
      await waitForStep(page, ++n);
      // The stepped node is highlighted: on the seed step, the output o.
      await expect
        .poll(() =>
          page.$$eval('#graph g.node.current', (gs) => gs.map((g) => (g as SVGGElement).dataset['label'])),
        )
        .toEqual([s.node.label]);
      if (s.kind === 'seed') {
        expect(await page.textContent('[data-testid="seed"]')).toBe(s.text);
        continue;
      }
      const rows = await page.$$eval('#step-panel li.row', (lis) =>
        lis.map((li) => ({ ...(li as HTMLElement).dataset, text: li.textContent })),
      );
      expect(rows).toEqual(
        s.contributions.map((c) => ({
          child: expect.any(String),
          derivative: c.derivative,
          formula: c.formula,
          local: String(c.local),
          upstream: String(c.upstream),
          contribution: String(c.contribution),
          sum: String(c.sum),
          text: c.text,
        })),
      );
      if (s.node.label === 'o') {
        expect(rows[0]!.text).toMatch(/^∂o\/∂nn = 1 − o\*\*2 = 1 − 0\.7071\*\*2 = 0\.5000;/);
      }
    }
    expect(n).toBe(6); // the seed and 5 computed nodes
    await expect
      .poll(() => page.textContent('#step-panel .step-status'))
      .toMatch(/^The backward pass is complete/);
    for (const [label, grad] of Object.entries(POST)) expect(await shownGrad(page, label), label).toBe(grad);
    // Stepping again starts a fresh pass: the seed, with the leaves back at zero, not stale sums.
    await page.click('#step');
    await waitForStep(page, 1);
    expect(await shownGrad(page, 'x1')).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('steps forward: values appear in topological order, then backward starts at the seed', async () => {
    const { page, problems } = await open();
    const order = topoSort(buildNeuron('tanh').o).map((v) => v.label);
    for (let i = 1; i <= order.length; i++) {
      await page.click('#step-forward');
      await waitForStep(page, i);
      const shown = await shownNodes(page);
      for (const [j, label] of order.entries()) {
        const node = shown.find((s) => s.label === label)!;
        expect(node.text.includes('data ?'), `${label} after ${i} steps`).toBe(j >= i);
      }
      expect(await page.textContent('[data-testid="forward-row"]')).toMatch(
        new RegExp(`^${order[i - 1]!.replace(/[*+]/g, '\\$&')} = `),
      );
    }
    expect(await page.textContent('[data-testid="forward-row"]')).toBe(
      'o = tanh(nn) = tanh(0.8814) = 0.7071',
    );
    await page.click('#step-forward'); // the forward pass is complete: on to the seed
    await expect.poll(() => page.textContent('#step-panel h3')).toBe('Backward: the seed, at the output o');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('ends a stepped pass visibly when an input changes', async () => {
    const { page, problems } = await open();
    await page.click('#step');
    await page.click('#step');
    await page.fill('#var-0', '3');
    await expect
      .poll(() => page.textContent('[data-testid="notice"]'))
      .toMatch(/You changed x1, so the stepped pass ended/);
    expect(await page.$$eval('#graph g.node.current', (g) => g.length)).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("graph page: the post's picture", () => {
  it('at 1280×800 lays out left to right, x1 left of o, the whole graph inside the viewport', async () => {
    const { page, problems } = await open('desktop');
    await page.click('#step');
    await waitForStep(page, 1);
    const box = async (label: string): Promise<{ x: number; y: number; width: number; height: number }> =>
      (await page.locator(`#graph g.node[data-label="${label}"]`).boundingBox())!;
    const o = await box('o');
    const x1 = await box('x1');
    expect(x1.x + x1.width).toBeLessThan(o.x);
    for (const b of [o, x1]) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(SIZES.desktop.width);
      expect(b.y + b.height).toBeLessThanOrEqual(SIZES.desktop.height);
    }
    // The whole picture fits its box: nothing to scroll at this size.
    const fits = await page.$eval(
      '#graph',
      (g) => g.scrollWidth <= g.clientWidth && g.scrollHeight <= g.clientHeight,
    );
    expect(fits).toBe(true);
    expect(
      await page.$$eval('#graph g.node.current', (gs) => gs.map((g) => (g as SVGGElement).dataset['label'])),
    ).toEqual(['o']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('zooms in and pans by dragging the graph', async () => {
    const { page, problems } = await open('desktop');
    await page.selectOption('#zoom', '2');
    await expect.poll(() => page.$eval('#graph', (g) => g.scrollWidth > g.clientWidth)).toBe(true);
    expect(new URL(page.url()).hash).toContain('zoom=2');
    const box = (await page.locator('#graph').boundingBox())!;
    const before = await page.$eval('#graph', (g) => g.scrollLeft);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    expect(await page.$eval('#graph', (g) => g.scrollLeft)).toBe(before + 200);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a drag that starts on a node pans without selecting it; a click still selects', async () => {
    const { page, problems } = await open('desktop');
    await page.selectOption('#zoom', '2');
    await expect.poll(() => page.$eval('#graph', (g) => g.scrollWidth > g.clientWidth)).toBe(true);
    const graph = (await page.locator('#graph').boundingBox())!;
    // The first node whose centre lies inside the visible box, with room to drag 150 px left.
    const node = await page.$$eval(
      '#graph g.node',
      (gs, b) =>
        gs
          .map((g) => g.getBoundingClientRect())
          .map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 }))
          .find(
            (c) => c.x > b.x + 160 && c.x < b.x + b.width - 10 && c.y > b.y + 10 && c.y < b.y + b.height - 10,
          ),
      graph,
    );
    expect(node).toBeDefined();
    const before = await page.$eval('#graph', (g) => g.scrollLeft);
    await page.mouse.move(node!.x, node!.y);
    await page.mouse.down();
    await page.mouse.move(node!.x - 150, node!.y, { steps: 5 });
    await page.mouse.up();
    expect(await page.$eval('#graph', (g) => g.scrollLeft)).toBe(before + 150);
    expect(await page.locator('#node-label').count()).toBe(0);
    await page.click('#graph g.node[data-label="o"]');
    await expect.poll(() => page.locator('#node-label').count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('names every node: generated t-names in the picture and the panel alike, typed labels kept', async () => {
    const { page, problems } = await open('desktop', '#expr=a%20%2F%20b&v.a=2&v.b=4');
    const labels = (await shownNodes(page)).map((n) => n.label);
    expect(labels.filter((l) => /^t\d+$/.test(l))).toHaveLength(2); // b**-1 and the product
    for (const label of labels)
      expect((await shownNodes(page)).find((n) => n.label === label)!.text).toContain(label);
    await page.click('#step');
    await page.click('#step');
    await waitForStep(page, 2);
    const h3 = await page.textContent('#step-panel h3');
    const [, product, inverse] = /^Backward: (t\d+) = a·(t\d+)$/.exec(h3 ?? '') ?? [];
    expect(labels).toContain(product);
    expect(labels).toContain(inverse);
    // Editing the preset's text keeps the labels it gave, spaces and operators as typed.
    await page.selectOption('#preset', 'neuron');
    await page.fill('#program', `${await page.inputValue('#program')} `);
    await page.waitForFunction(() => document.querySelector('#graph')?.getAttribute('aria-busy') === 'false');
    expect((await shownNodes(page)).map((n) => n.label)).toContain('x1*w1 + x2*w2');
    expect(decodeURIComponent(new URL(page.url()).hash.replace(/\+/g, ' '))).toContain(
      'l.x1w1x2w2=x1*w1 + x2*w2',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('at 390×844, after tapping Step, the highlighted node and its explanation are on screen', async () => {
    const { page, problems } = await open('phone');
    for (let i = 1; i <= 3; i++) {
      await page.tap('#step');
      await waitForStep(page, i);
      const node = (await page.locator('#graph g.node.current').boundingBox())!;
      const row = (await page.locator('#step-panel .row').first().boundingBox())!;
      for (const b of [node, row]) {
        expect(b.y).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height).toBeLessThanOrEqual(SIZES.phone.height);
      }
      // The sticky bar stays in reach and covers neither.
      const bar = (await page.locator('.step-bar').boundingBox())!;
      expect(bar.y + bar.height).toBeLessThanOrEqual(node.y + 1);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});
