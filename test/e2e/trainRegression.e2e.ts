// Regression on the train page, as Playground has it: the problem type in the URL, the plane and
// multi-Gaussian data, your own real-valued points, the predicted value on the plane, MSE and R².
import { describe, expect, it } from 'vitest';
import { MLP, r2Score } from '../../src/index.js';
import { usePlayground } from './playground.js';
import { param, stat, trainPage } from './trainPage.js';

const pg = usePlayground();
const open = trainPage(pg);

describe('train page, regression', () => {
  it('learns the plane: MSE falls, R² near 1, the plane blue where x1 + x2 is large and orange where small', async () => {
    const { page, problems } = await open('?problem=regression&dataset=plane&speed=0&limit=200&hidden=4');
    expect(await page.textContent('#label-test-acc')).toBe('Test R²');
    expect(await page.isVisible('.legend .for-classes')).toBe(false);
    const first = await stat(page, 'test-loss');
    await page.click('#play');
    await expect.poll(() => page.textContent('#status'), { timeout: 60_000 }).toMatch(/^Stopped/);
    expect(param(page, 'problem')).toBe('regression');
    expect(param(page, 'loss')).toBe('mse');
    const mse = await stat(page, 'test-loss');
    expect(mse).toBeLessThan(first / 10);
    expect(await stat(page, 'test-acc')).toBeGreaterThan(0.9);
    await page.waitForTimeout(300);
    // The plane's colour is the predicted value (x1 + x2)/10: blue (+) top right, orange (−) bottom left.
    const [hi, lo] = await page.$eval('#heatmap', (c) => {
      const cv = c as HTMLCanvasElement;
      const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
      const px = (x: number, y: number) => {
        const k = (Math.round(y) * cv.width + Math.round(x)) * 4;
        return [d[k]!, d[k + 1]!, d[k + 2]!];
      };
      const w = cv.clientWidth;
      return [px(w - 20, 30), px(45, w - 60)];
    });
    expect(hi![2]!).toBeGreaterThan(hi![0]! + 60); // blue over red
    expect(lo![0]!).toBeGreaterThan(lo![2]! + 60); // orange: red over blue
    expect(problems).toEqual([]);
    await page.close();
  });

  it('switches problem type from the control: its datasets only, MSE only, and back', async () => {
    const { page, problems } = await open();
    await page.selectOption('#cfg-problem', 'regression');
    await expect.poll(() => param(page, 'problem')).toBe('regression');
    expect(param(page, 'dataset')).toBe('plane');
    const offered = await page.$$eval('#cfg-dataset option:not([hidden])', (os) =>
      os.map((o) => (o as HTMLOptionElement).value),
    );
    expect(offered).toEqual(['plane', 'gauss', 'custom']);
    expect(
      await page.$$eval('#cfg-loss option:not([hidden])', (os) =>
        os.map((o) => (o as HTMLOptionElement).value),
      ),
    ).toEqual(['mse']);
    await page.selectOption('#cfg-dataset', 'gauss');
    await expect.poll(() => param(page, 'dataset')).toBe('gauss');
    await expect.poll(() => page.textContent('#stat-test-acc')).toMatch(/^-?\d+\.\d{4}$/);
    await page.selectOption('#cfg-problem', 'classification');
    await expect.poll(() => param(page, 'dataset')).toBe('moons');
    expect(param(page, 'loss')).toBe('max-margin');
    await expect.poll(() => page.textContent('#stat-test-acc')).toMatch(/%$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('takes your CSV with real-valued labels as regression, says so, and reports R² as defined', async () => {
    const { page, problems } = await open('?speed=0&limit=50&hidden=4&train=90');
    await page.click('details.csv summary');
    const rows = Array.from({ length: 20 }, (_, i) => {
      const a = (i % 5) - 2;
      const b = Math.floor(i / 5) - 2;
      return `${a},${b},${(0.5 * a - 0.25 * b).toFixed(2)}`;
    });
    await page.fill('#csv-text', `x1,x2,y\n${rows.join('\n')}\n`);
    await page.click('#csv-use');
    await expect.poll(() => param(page, 'problem')).toBe('regression');
    expect(param(page, 'dataset')).toBe('custom');
    expect(await page.textContent('#status')).toMatch(/not all 0 or 1: training it as regression/);
    await page.click('#play');
    await expect.poll(() => page.textContent('#status'), { timeout: 60_000 }).toMatch(/^Stopped/);
    // R² of the downloaded model on the training points, from the definition, equals the figure.
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const chunks: Buffer[] = [];
    for await (const c of await d.createReadStream()) chunks.push(c as Buffer);
    const json = JSON.parse(Buffer.concat(chunks).toString()) as { task?: string };
    expect(json.task).toBe('regression');
    const model = MLP.fromJSON(json);
    const figure = await stat(page, 'train-acc');
    // Which 18 of the 20 points train is the page's split; R² over all 20 bounds it loosely, so check the
    // figure is a number R² can be (≤ 1) and the model's own R² over every point is in the same range.
    const X = rows.map((r) => r.split(',').slice(0, 2).map(Number));
    const y = rows.map((r) => Number(r.split(',')[2]));
    const all = r2Score(
      X.map((x) => model.predict(x)[0]!),
      y,
    );
    expect(figure).toBeLessThanOrEqual(1);
    expect(Math.abs(all - figure)).toBeLessThan(0.2);
    expect(problems).toEqual([]);
    await page.close();
  });
});
