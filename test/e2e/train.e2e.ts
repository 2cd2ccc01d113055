// The train page in Chromium: it learns, every control lands in the URL and survives a reload, the worker
// gets the features, split and regularization (its test loss is the library's on the downloaded weights),
// clicks and CSV change the data, divergence and the step limit pause it, and screenshots at three sizes.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { accuracy, lossGraph, MLP } from '../../src/nn/index.js';
import { torchPython } from '../export/torchPython.js';
import { runOnnx } from '../export/runOnnx.js';
import { configFromParams } from '../../web/src/train/config.js';
import { TrainingRun } from '../../web/src/train/TrainingRun.js';
import { SIZES, usePlayground, watchProblems } from './playground.js';
import { SHOTS } from './screenshotDir.js';

/** The bound on steps: the unit test shows the default setup passes 95% test accuracy well within it. */
const MAX_STEPS = 150;

const pg = usePlayground(() => mkdirSync(SHOTS, { recursive: true }));

async function open(
  query = '',
  size: keyof typeof SIZES = 'desktop',
  scale = 1,
): Promise<{ page: Page; problems: string[] }> {
  const page = await pg.browser().newPage({ viewport: SIZES[size], deviceScaleFactor: scale });
  const problems = watchProblems(page);
  await page.goto(`${pg.server().url}train.html${query}`);
  // The first report waits for the measuring graphs: seconds for a wide network on a busy machine.
  await expect.poll(() => page.textContent('#stat-train-acc'), { timeout: 30_000 }).toMatch(/%$/);
  return { page, problems };
}

const stat = async (page: Page, id: string): Promise<number> =>
  parseFloat((await page.textContent(`#stat-${id}`)) ?? '');
const param = (page: Page, key: string): string | null => new URL(page.url()).searchParams.get(key);

/** Click a download button and keep the file under `dir`, returning its path. */
async function downloadTo(page: Page, button: string, dir: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(dir, d.suggestedFilename());
  copyFileSync((await d.path())!, path);
  return path;
}

/** Click Step `n` times, waiting for each report. */
async function stepBy(page: Page, n: number): Promise<void> {
  const start = await stat(page, 'step');
  for (let i = 1; i <= n; i++) {
    await page.click('#step1');
    await expect.poll(() => stat(page, 'step')).toBe(start + i);
  }
}

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

  it("sends features, split and L2 to the worker: its test loss is the library's on the downloaded weights", async () => {
    const query = '?features=x1,x2,x1sq,sinx2&train=70&reg=l2&regRate=0.3&hidden=5,4&size=80&lr=0.05';
    const { page, problems } = await open(query);
    await stepBy(page, 6);
    const shown = Number(await page.getAttribute('#stat-test-loss', 'data-value'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const json = readFileSync((await download.path())!, 'utf8');
    const model = MLP.fromJSON(json);
    expect(model.nin).toBe(4); // the four features
    // The test set: the page's split of the same setup (70% of 80 points train, so 24 test).
    const { config } = configFromParams(new URLSearchParams(query));
    const run = new TrainingRun(config);
    expect(run.testIdx.length).toBe(24);
    const { X, y } = run.subset(run.testIdx);
    const reference = lossGraph(model, X, y, config.loss, 0).dataLoss.data;
    expect(shown).toBe(reference);
    // And the weights are those of six steps with L2, not without it. Chromium's V8 and Node's may round
    // Math.pow (Adam's bias correction) differently in the last bit: 1e-12 relative covers that.
    for (let s = 0; s < 6; s++) run.step();
    const got = model.parameters().map((p) => p.data);
    const withL2 = run.model.parameters().map((p) => p.data);
    got.forEach((w, i) =>
      expect(Math.abs(w - withL2[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w))),
    );
    const plain = new TrainingRun({ ...config, regularization: 'none' });
    for (let s = 0; s < 6; s++) plain.step();
    const without = plain.model.parameters().map((p) => p.data);
    expect(Math.max(...got.map((w, i) => Math.abs(w - without[i]!)))).toBeGreaterThan(1e-4);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("downloads JSON, PyTorch, ONNX and TypeScript files that reproduce the page's predictions", async () => {
    const query = '?features=x1,x2,x1x2&hidden=6,3&activation=tanh&size=60&loss=cross-entropy';
    const { page, problems } = await open(query);
    await stepBy(page, 8);
    const dir = mkdtempSync(join(tmpdir(), 'train-export-'));
    const files: Record<string, string> = {};
    for (const f of ['json', 'pytorch', 'onnx', 'ts']) files[f] = await downloadTo(page, `#dl-${f}`, dir);
    expect(files['pytorch']).toMatch(/\.py$/);
    const model = MLP.fromJSON(readFileSync(files['json']!, 'utf8'));
    const { config } = configFromParams(new URLSearchParams(query));
    const run = new TrainingRun(config);
    const { X, y } = run.subset(run.testIdx);
    const expected = X.map((x) => model.predict(x));
    // The page's own number for these predictions: its test accuracy, from the same weights.
    expect(`${(accuracy(expected, y) * 100).toFixed(1)}%`).toBe(await page.textContent('#stat-test-acc'));
    const tsModule = (await import(pathToFileURL(files['ts']!).href)) as { predict(x: number[]): number[] };
    expect(X.map((x) => tsModule.predict(x))).toEqual(expected); // same sums in the same order: exact
    const fromOnnx = await runOnnx(readFileSync(files['onnx']!), X);
    expect(fromOnnx.type).toBe('float64');
    fromOnnx.rows
      .flat()
      .forEach((v, i) => expect(Math.abs(v - expected.flat()[i]!)).toBeLessThanOrEqual(1e-12));
    const python = torchPython();
    if (python !== undefined) {
      // float64 nn.Linear layers: agreement to 1e-12 (PyTorch may sum in another order).
      const script = [
        'import importlib.util, json, sys, torch',
        'spec = importlib.util.spec_from_file_location("exported", sys.argv[1])',
        'mod = importlib.util.module_from_spec(spec); spec.loader.exec_module(mod)',
        'with torch.no_grad(): out = mod.model(torch.tensor(json.loads(sys.argv[2]), dtype=torch.float64))',
        'print(json.dumps(out.tolist()))',
      ].join('\n');
      const r = spawnSync(python, ['-c', script, files['pytorch']!, JSON.stringify(X)], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const rows = JSON.parse(r.stdout) as number[][];
      rows.flat().forEach((v, i) => expect(Math.abs(v - expected.flat()[i]!)).toBeLessThanOrEqual(1e-12));
    } else expect(process.env['CI'], 'CI installs python3-torch').not.toBe('true');
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
    expect(problems).toEqual([]);
    await page.close();
  });

  it('reads pasted CSV as `micrograd train --csv` does, and names the bad line', async () => {
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
        /^Paused: the loss (became \S+|grew from \S+ to \S+) on step \d+\. To go on, try a learning rate of 0\.1, or Adam, then Reset\.$/,
      );
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('false');
    const at = await stat(page, 'step');
    expect(at).toBeLessThan(20);
    // The message counts steps as the counter does.
    expect((await page.textContent('#status'))!).toContain(`on step ${at}.`);
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
    expect(seen).toContain("Recording the train set's loss graph (450 points) for measuring…");
    expect(seen).toContain('First step: recording and compiling the graph of 450 training points…');
    await page.close();
  });

  it("shows a chosen neuron's graph, and weights on hover and focus", async () => {
    const { page, problems } = await open();
    await stepBy(page, 1);
    await page.focus('button.neuron[data-layer="0"][data-neuron="2"]');
    await expect
      .poll(() => page.textContent('#net-readout'))
      .toMatch(/^Layer 1 neuron 3: bias -?\d\.\d{3}; weights from x₁ -?\d\.\d{3}, x₂ -?\d\.\d{3}$/);
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
