// The train page in Chromium: it learns, every control lands in the URL and survives a reload, clicks and
// CSV change the data, divergence and the step limit pause it, and screenshots at three sizes. (What the
// worker trains and the model downloads: trainModel.e2e.ts.)
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIZES, usePlayground } from './playground.js';
import { SHOTS } from './screenshotDir.js';
import { param, stat, stepBy, trainPage } from './trainPage.js';

/** The bound on steps: the unit test shows the default setup passes 95% test accuracy well within it. */
const MAX_STEPS = 150;

const pg = usePlayground(() => mkdirSync(SHOTS, { recursive: true }));
const open = trainPage(pg);

describe('train page', () => {
  it(`learns moons past 95% test accuracy within ${MAX_STEPS} steps, stepping by hand`, async () => {
    const { page, problems } = await open();
    expect(await page.inputValue('#cfg-dataset')).toBe('moons');
    let step = 0;
    while (step < MAX_STEPS && !((await stat(page, 'test-acc')) > 95)) {
      await stepBy(page, 1);
      step += 1;
    }
    expect(await stat(page, 'test-acc')).toBeGreaterThan(95);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('puts every control in the URL, and a reload restores them all', async () => {
    const { page, problems } = await open();
    const selects: Array<[string, string, string]> = [
      ['#cfg-dataset', 'circles', 'dataset'],
      ['#cfg-activation', 'linear', 'activation'],
      ['#cfg-loss', 'bce', 'loss'],
      ['#cfg-optimizer', 'sgd', 'optimizer'],
      ['#cfg-reg', 'l1', 'reg'],
      ['#cfg-speed', '30', 'speed'],
    ];
    for (const [sel, value, key] of selects) {
      await page.selectOption(sel, value);
      await expect.poll(() => param(page, key)).toBe(value);
    }
    const fields: Array<[string, string, string]> = [
      ['#cfg-lr', '0.05', 'lr'],
      ['#cfg-regRate', '0.01', 'regRate'],
      ['#cfg-batch', '20', 'batch'],
      ['#cfg-limit', '300', 'limit'],
      ['#cfg-size', '120', 'size'],
      ['#cfg-noise', '0.2', 'noise'],
      ['#cfg-seed', '5', 'seed'],
      ['#cfg-hidden', '6,3', 'hidden'],
    ];
    for (const [sel, value, key] of fields) {
      await page.fill(sel, value);
      await page.press(sel, 'Tab');
      await expect.poll(() => param(page, key)).toBe(value);
    }
    await page.$eval('#cfg-train', (el: HTMLInputElement) => {
      el.value = '70';
      el.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await expect.poll(() => param(page, 'train')).toBe('70');
    await page.check('#cfg-showTest');
    await expect.poll(() => param(page, 'showTest')).toBe('1');
    await page.check('#cfg-discretize');
    await expect.poll(() => param(page, 'discretize')).toBe('1');
    await page.check('#cfg-paint-0');
    await expect.poll(() => param(page, 'paint')).toBe('0');
    // The network picture's buttons: a feature, a neuron more in layer 1, a layer more, then one less.
    await page.click('button.feature[data-feature="x1sq"]');
    await expect.poll(() => param(page, 'features')).toBe('x1,x2,x1sq');
    await page.click('button[aria-label="Add a neuron to layer 1"]');
    await expect.poll(() => param(page, 'hidden')).toBe('7,3');
    await page.click('button[aria-label="Add a hidden layer"]');
    await expect.poll(() => param(page, 'hidden')).toBe('7,3,4');
    await page.click('button[aria-label="Remove a neuron from layer 3"]');
    await expect.poll(() => param(page, 'hidden')).toBe('7,3,3');
    expect(await page.$$eval('button.neuron', (b) => b.length)).toBe(7 + 3 + 3 + 1);
    const url = page.url();
    await page.reload();
    await expect.poll(() => page.textContent('#stat-train-acc')).toMatch(/%$/);
    expect(page.url()).toBe(url);
    for (const [sel, value] of [...selects, ...fields.filter(([sel]) => sel !== '#cfg-hidden')])
      expect(await page.inputValue(sel)).toBe(value);
    expect(await page.inputValue('#cfg-hidden')).toBe('7,3,3');
    expect(await page.inputValue('#cfg-train')).toBe('70');
    for (const sel of ['#cfg-showTest', '#cfg-discretize', '#cfg-paint-0'])
      expect(await page.isChecked(sel)).toBe(true);
    expect(await page.getAttribute('button.feature[data-feature="x1sq"]', 'aria-pressed')).toBe('true');
    expect(await page.$$eval('button.neuron', (b) => b.length)).toBe(7 + 3 + 3 + 1);
    expect(await page.getAttribute('#share', 'href')).toBe(new URL(url).search);
    expect(await page.textContent('#url-note')).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('adds a point where the plane is clicked, and shift-click removes it', async () => {
    const { page, problems } = await open('?size=50&paint=0');
    const box = (await page.$('#heatmap'))!;
    const b = (await box.boundingBox())!;
    await box.click({ position: { x: b.width * 0.2, y: b.height * 0.2 } });
    await expect.poll(() => param(page, 'dataset')).toBe('custom');
    const points = param(page, 'points')!.split(';');
    expect(points.length).toBe(51);
    expect(points.at(-1)).toMatch(/,0$/);
    expect(await page.textContent('#sample-range')).toBe('(0 to 50)');
    await box.click({ position: { x: b.width * 0.2, y: b.height * 0.2 }, modifiers: ['Shift'] });
    await expect.poll(() => param(page, 'points')!.split(';').length).toBe(50);
    // Back to a generated dataset: the points go with the custom one.
    await page.selectOption('#cfg-dataset', 'circles');
    await expect.poll(() => param(page, 'dataset')).toBe('circles');
    expect(param(page, 'points')).toBeNull();
    // The new dataset's measuring graphs are recorded first ("Recording…"); then the run says it started over.
    await expect
      .poll(() => page.textContent('#status'))
      .toBe('New dataset, points: the run started over at step 0 with new weights.');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads pasted CSV as `micrograd train --dataset file.csv` does, and names the bad line', async () => {
    const { page, problems } = await open();
    await page.click('details.csv summary');
    const rows = Array.from({ length: 12 }, (_, i) => `${i / 4},${(i % 3) - 1},${i % 2}`);
    await page.fill('#csv-text', `x1,x2,label\n# a comment\n${rows.join('\n')}\n`);
    await page.click('#csv-use');
    await expect.poll(() => param(page, 'dataset')).toBe('custom');
    expect(param(page, 'points')!.split(';')[1]).toBe('0.25,0,1');
    await page.fill('#csv-text', '1,2,0\n3,oops,1\n');
    await page.click('#csv-use');
    expect(await page.textContent('#csv-error')).toBe(
      'CSV: line 2, column 2: expected a finite number, got "oops"',
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('pauses a diverging run (SGD, lr 10, MSE, 32×32) and says why and what to try', async () => {
    const { page, problems } = await open('?optimizer=sgd&lr=10&loss=mse&hidden=32,32&speed=0');
    await page.click('#play');
    await expect
      .poll(() => page.textContent('#status'), { timeout: 60_000 })
      .toMatch(
        /^Paused: the training loss is \S+ at step \d+ \(its lowest was \S+\)\. To go on, try a learning rate of 0\.1, or Adam, then Reset\.$/,
      );
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('false');
    const at = await stat(page, 'step');
    expect(at).toBeLessThan(20);
    // The message counts steps as the counter does (and quotes the loss it shows: trainFindings.e2e.ts).
    expect((await page.textContent('#status'))!).toContain(`at step ${at} (`);
    await page.waitForTimeout(500);
    expect(await stat(page, 'step')).toBe(at);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says which link values it ignored (size=1e9, lr=1e308, script text) and uses nothing of them', async () => {
    const { page, problems } = await open('?size=1e9&lr=1e308&dataset=%3Cimg%20src=x%20onerror=alert(1)%3E');
    const note = (await page.textContent('#url-note'))!;
    for (const k of ['size=', 'lr=', 'dataset=']) expect(note).toContain(k);
    expect(await page.inputValue('#cfg-lr')).toBe('0.02');
    expect(await page.$$('img')).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('stops at the step limit, and goes on when the limit is raised, without starting over', async () => {
    const { page, problems } = await open('?limit=5&speed=0');
    await page.click('#play');
    await expect.poll(() => page.textContent('#status')).toMatch(/^Stopped at the step limit of 5/);
    expect(await stat(page, 'step')).toBe(5);
    await page.fill('#cfg-limit', '9');
    await page.press('#cfg-limit', 'Tab');
    await page.click('#play');
    await expect.poll(() => page.textContent('#status')).toMatch(/^Stopped at the step limit of 9/);
    expect(await stat(page, 'step')).toBe(9);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('plays at the chosen pace with steps/s shown, and a new learning rate does not reset the run', async () => {
    const { page, problems } = await open('?speed=3');
    await page.click('#play');
    await page.waitForTimeout(2000);
    // Never faster than asked: 3 steps/s for about 2 s (the first step is due at once).
    expect(await stat(page, 'step')).toBeLessThanOrEqual(8);
    await expect.poll(() => page.textContent('#stat-sps')).toMatch(/^\d+(\.\d)? steps\/s$/);
    const before = await stat(page, 'step');
    expect(before).toBeGreaterThan(0);
    await page.fill('#cfg-lr', '0.01');
    await page.press('#cfg-lr', 'Tab');
    await expect.poll(() => param(page, 'lr')).toBe('0.01');
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('true');
    await expect.poll(() => stat(page, 'step')).toBeGreaterThan(before);
    await page.click('#play');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows progress while a big network records its first step', async () => {
    const page = await pg.browser().newPage({ viewport: SIZES.desktop });
    // Keep every status line the page shows, however briefly.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => {
        const t = document.getElementById('status')?.textContent ?? '';
        if (t !== '') seen.push(t);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.goto(`${pg.server().url}train.html?size=500&train=90&hidden=32,32`);
    await page.click('#step1');
    await expect.poll(() => stat(page, 'step'), { timeout: 60_000 }).toBe(1);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    // Each phase's name, then the seconds it has taken so far.
    const shown = (text: string): boolean => seen.some((t) => new RegExp(`^${text} \\d+\\.\\d s$`).test(t));
    expect(shown("Recording the train set's loss graph \\(450 points\\) for measuring…")).toBe(true);
    expect(shown('First step: recording and compiling the graph of 450 training points…')).toBe(true);
    await page.close();
  });

  it("shows a chosen neuron's graph, and weights on hover and focus", async () => {
    const { page, problems } = await open();
    await stepBy(page, 1);
    await page.focus('button.neuron[data-layer="0"][data-neuron="2"]');
    await expect
      .poll(() => page.textContent('#net-readout'))
      .toMatch(/^Layer 1 neuron 3: bias -?\d\.\d{4}; weights from x₁ -?\d\.\d{4}, x₂ -?\d\.\d{4}$/);
    // An edge under the pointer: the first layer's top edge (x₁ to neuron 1) runs straight across.
    const mid = await page.$eval('path.edge', (p: SVGPathElement) => {
      const at = p.getPointAtLength(p.getTotalLength() / 2);
      const box = p.ownerSVGElement!.getBoundingClientRect();
      return { x: box.left + at.x, y: box.top + at.y };
    });
    await page.mouse.move(mid.x, mid.y);
    await expect
      .poll(() => page.textContent('#net-readout'))
      .toMatch(/^Weight from x₁ to layer 1 neuron 1: -?\d\.\d{4}$/);
    await page.click('button.neuron[data-layer="0"][data-neuron="2"]');
    await page.waitForSelector('#neuron-graph svg');
    const text = await page.textContent('#neuron-graph svg');
    for (const label of ['x1', 'x2', 'w0', 'w1', 'b', 'L1 N3']) expect(text).toContain(label);
    await page.fill('#sample', '7');
    await page.press('#sample', 'Enter');
    await expect.poll(() => page.textContent('#neuron-graph p')).toMatch(/point 7: /);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('starts and pauses training from the keyboard', async () => {
    const { page, problems } = await open('?speed=30');
    await page.focus('#play');
    await page.keyboard.press('Enter');
    await expect.poll(() => stat(page, 'step'), { timeout: 30_000 }).toBeGreaterThan(3);
    await page.keyboard.press('Space');
    expect(await page.textContent('#play')).toBe('Play');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('draws its canvases at the screen’s pixel ratio', async () => {
    const { page, problems } = await open('', 'phone', 2);
    const sizes = await page.$$eval('#heatmap, #curves', (cs) =>
      (cs as HTMLCanvasElement[]).map((c) => [c.width, c.clientWidth]),
    );
    for (const [w, css] of sizes) expect(w).toBe(css! * 2);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads well at 1280×800, 800×900 and 390×844 (screenshots in out/screenshots, or $SCREENSHOTS)', async () => {
    for (const size of ['desktop', 'tablet', 'phone'] as const) {
      const { page, problems } = await open('?speed=0', size, size === 'phone' ? 2 : 1);
      await page.click('#play');
      await expect.poll(() => stat(page, 'test-acc'), { timeout: 60_000 }).toBeGreaterThan(97);
      await page.click('#play');
      await page.click('button.neuron[data-layer="1"][data-neuron="0"]');
      await page.waitForSelector('#neuron-graph svg');
      await page.waitForTimeout(400); // the last boundary redraw
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (size === 'phone') {
        // The output stays on screen while the controls below it scroll into view.
        await page.focus('#cfg-lr');
        const plane = (await page.$('#heatmap'))!;
        expect(await plane.isVisible()).toBe(true);
        const box = (await plane.boundingBox())!;
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThan(SIZES.phone.height);
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: new URL(`train-${size}.png`, SHOTS).pathname });
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
