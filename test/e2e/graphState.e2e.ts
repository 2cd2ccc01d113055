// The graph page says what it does: error columns on the line as typed, a link edited in place applied,
// every reset announced, disabled steps with a reason, one notation for powers, constants by their number,
// compact numbers in nodes and rows, and focus kept after a label is typed.
import { describe, expect, it } from 'vitest';
import { topoSort } from '../../src/engine/value.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';
import { opener, shownNodes, waitForStep } from './graphPage.js';
import { usePlayground } from './playground.js';

const pg = usePlayground();
const open = opener(pg);

describe('graph page: errors and links', () => {
  it('puts the error column where the mistake is on a named line', async () => {
    const { page, problems } = await open();
    await page.fill('#program', 'o = a + * b');
    // `o = a + * b`: the `*` is the 9th character of the line.
    await expect.poll(() => page.textContent('#program-error')).toMatch(/^line 1: .* at column 9\b/);
    await page.fill('#program', 'x = 1\ny = x $ 2');
    await expect.poll(() => page.textContent('#program-error')).toMatch(/^line 2: .* at column 7\b/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('applies a hash edited on the open page without a reload', async () => {
    const { page, problems } = await open();
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.evaluate(() => (location.hash = '#expr=x*y&v.x=3&v.y=4'));
    await page.waitForSelector('#graph g.node[data-label="y"]');
    // Math: 3·4.
    expect(await page.getAttribute('#graph g.node[data-index="2"]', 'data-data')).toBe('12');
    expect(await page.inputValue('#program')).toBe('x*y');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('clears the notes about the link when another preset is picked', async () => {
    const { page, problems } = await open('desktop', '#expr=x*y&v.x=NaN');
    expect(await page.textContent('#link-notes')).toContain('x = "NaN" is not a finite number');
    await page.selectOption('#preset', 'neuron');
    await expect.poll(() => page.textContent('#link-notes')).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('graph page: no silent resets', () => {
  it('says so when Step backward after a finished pass starts a fresh one', async () => {
    const { page, problems } = await open('desktop', '#expr=a*b&v.a=2&v.b=3');
    for (let i = 1; i <= 2; i++) {
      await page.click('#step');
      await waitForStep(page, i);
    }
    await expect.poll(() => page.textContent('.step-status')).toMatch(/complete/);
    await page.click('#step');
    await waitForStep(page, 1);
    expect(await page.textContent('[data-testid="notice"]')).toMatch(/fresh backward pass/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when Step forward in the middle of a backward pass starts the forward pass again', async () => {
    const { page, problems } = await open();
    await page.click('#step');
    await waitForStep(page, 1);
    await page.click('#step-forward');
    await waitForStep(page, 1);
    expect(await page.textContent('[data-testid="notice"]')).toMatch(/backward pass .* ended/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says so when Step forward after Backward clears its grads', async () => {
    const { page, problems } = await open();
    await page.click('#backward');
    await page.waitForFunction(
      () => document.querySelector('#graph g.node[data-label="o"]')?.getAttribute('data-grad') === '1',
    );
    await page.click('#step-forward');
    await waitForStep(page, 1);
    expect(await page.textContent('[data-testid="notice"]')).toMatch(/zero grads/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the "stepped pass ended" notice while the reader goes on typing, until the next step', async () => {
    const { page, problems } = await open();
    await page.click('#step');
    await waitForStep(page, 1);
    await page.focus('#program');
    await page.keyboard.press('End');
    await page.keyboard.type('  ');
    await page.keyboard.type('  ');
    expect(await page.textContent('[data-testid="notice"]')).toMatch(/stepped pass ended/);
    await page.click('#step');
    await waitForStep(page, 1);
    expect(await page.locator('[data-testid="notice"]').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('disables the step buttons while the expression is invalid, and says why', async () => {
    const { page, problems } = await open();
    await page.fill('#program', 'x +');
    for (const id of ['#step-forward', '#step', '#backward'])
      await expect.poll(() => page.isDisabled(id)).toBe(true);
    const reason = page.locator('#step-reason');
    expect(await reason.isVisible()).toBe(true);
    expect(await reason.textContent()).toMatch(/Fix the expression/);
    expect(await page.getAttribute('#step', 'aria-describedby')).toContain('step-reason');
    // The last picture stays, dimmed, and says it is the last graph that parsed.
    expect(await page.textContent('#graph-note')).toMatch(/last graph that parsed/);
    expect(await page.getAttribute('#graph', 'class')).toContain('stale');
    await page.fill('#program', 'x + 1');
    await expect.poll(() => page.isDisabled('#step')).toBe(false);
    expect(await reason.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('in accumulate mode says the intermediate nodes show the latest pass, as backward() leaves them', async () => {
    const { page, problems } = await open();
    await page.click('#backward');
    await page.waitForFunction(() => document.querySelector('#graph')?.getAttribute('aria-busy') === 'false');
    await page.check('#accumulate');
    // Turning accumulation on resets the grads: the page says so.
    await expect.poll(() => page.textContent('[data-testid="notice"]')).toMatch(/grads .*zero/);
    await page.click('#backward');
    await page.click('#backward');
    // The library on the same neuron, backward() twice: leaves hold twice one pass, nn the latest pass.
    const twice = buildNeuron('tanh');
    twice.o.backward();
    twice.o.backward();
    const nn = topoSort(twice.o).find((v) => v.label === 'nn')!;
    expect(twice.x1.grad).toBeCloseTo(2 * -1.5, 6); // the post's x1.grad, twice
    expect(nn.grad).toBeCloseTo(0.5, 6); // the post's nn.grad, once
    await expect
      .poll(() => page.getAttribute('#graph g.node[data-label="x1"]', 'data-grad'))
      .toBe(String(twice.x1.grad));
    expect(await page.getAttribute('#graph g.node[data-label="nn"]', 'data-grad')).toBe(String(nn.grad));
    const said = `${await page.textContent('#pass-note')} ${await page.textContent('#step-panel')}`;
    expect(said).toMatch(/intermediate nodes show the latest pass/);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('graph page: notation and numbers', () => {
  it('writes powers one way in picture, heading and rows, and names constants by their number', async () => {
    const { page, problems } = await open();
    await page.selectOption('#preset', 'neuron-exp');
    await page.waitForSelector('#graph g.node[data-label="2"]');
    const labels = (await shownNodes(page)).map((n) => n.label);
    // The post leaves e unlabelled: no invented `ee`; its constants 2, -1 and 1 go by their numbers.
    expect(labels).not.toContain('ee');
    expect(labels).toEqual(expect.arrayContaining(['2', '-1', '1']));
    expect(labels.filter((l) => /^t\d+$/.test(l)).length).toBeGreaterThan(0);
    // Step back to the node b**-1: the seed, o = a·b, then b = …**-1.
    const texts: string[] = [];
    for (let i = 1; i <= 9; i++) {
      await page.click('#step');
      await waitForStep(page, i);
      texts.push((await page.textContent('#step-panel'))!);
    }
    const all = texts.join('\n');
    expect(all).toMatch(/Backward: t\d+ = t\d+\*\*-1/);
    expect(all).toMatch(/= \(-1\)·t\d+\*\*-2 = \(-1\)·6\.8284\*\*-2 = /);
    expect(all).toMatch(/∂t\d+\/∂\(2\) = nn = 0\.8814/);
    expect(all).not.toMatch(/\^|²|∂t\d+\/∂t9 /);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows 1e200 × 1e200 compactly in the nodes and the rows', async () => {
    // (A literal 1e200*1e200 folds to one constant, inf, as Python folds it: a variable keeps the graph.)
    const { page, problems } = await open('desktop', `#expr=${encodeURIComponent('1e200*x')}&v.x=1e200`);
    const nodes = await shownNodes(page);
    for (const n of nodes) expect(n.text.length, n.text).toBeLessThan(60);
    expect(nodes.map((n) => n.text).join(' ')).toContain('data 1.000e+200');
    await page.click('#step-forward');
    await waitForStep(page, 1);
    const row = (await page.textContent('[data-testid="forward-row"]'))!;
    expect(row).toContain('1.000e+200');
    expect(row.length).toBeLessThan(60);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps focus on the label box after Enter', async () => {
    const { page, problems } = await open();
    await page.click('#graph g.node[data-label="b"]');
    await page.fill('#node-label', 'bias');
    await page.press('#node-label', 'Enter');
    await page.waitForSelector('#graph g.node[data-label="bias"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('node-label');
    expect(problems).toEqual([]);
    await page.close();
  });
});
