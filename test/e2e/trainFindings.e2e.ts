// The train page's findings of issue 18, each in Chromium: points that stand out on the plane, figures and
// messages that agree in one number style, clicks and changes that keep the run (or say why not), the
// network beside the output on a tablet, Play and focus by keyboard, and the small things.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { configFromParams } from '../../web/src/train/config.js';
import { AXIS, plotSide } from '../../web/src/train/heatmap.js';
import { boundsOf, TrainingRun } from '../../web/src/train/TrainingRun.js';
import { SIZES, usePlayground } from './playground.js';
import { param, stat, trainPage } from './trainPage.js';

const pg = usePlayground();
const open = trainPage(pg);

/** The heatmap canvas's pixel at CSS point (x, y), as r, g, b (the page is drawn at pixel ratio 1). */
const pixels = (page: Page, at: [number, number][]): Promise<number[][]> =>
  page.$eval(
    '#heatmap',
    (c, pts) => {
      // One readback for all points (many small ones make Chromium warn).
      const cv = c as HTMLCanvasElement;
      const d = cv.getContext('2d')!.getImageData(0, 0, cv.width, cv.height).data;
      return pts.map(([x, y]) => {
        const k = (Math.round(y) * cv.width + Math.round(x)) * 4;
        return [d[k]!, d[k + 1]!, d[k + 2]!];
      });
    },
    at,
  );

const dist = (a: number[], b: number[]): number => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);

/** Wait for the status line to start with `text`. */
const statusStarts = (page: Page, text: string, timeout = 60_000) =>
  expect.poll(() => page.textContent('#status'), { timeout }).toMatch(new RegExp(`^${text}`));

describe('train page, issue 18', () => {
  it('1: after training, every training point stands out from the plane under it (pixels read back)', async () => {
    const query = '?speed=0&limit=300';
    const { page, problems } = await open(query);
    await page.click('#play');
    await statusStarts(page, 'Stopped at the step limit');
    await page.waitForTimeout(400); // the last boundary redraw
    // Where the page draws each training point: the same data, split and bounds, computed here.
    const run = new TrainingRun(configFromParams(new URLSearchParams(query)).config);
    const bounds = boundsOf(run.data.X);
    const width = await page.$eval('#heatmap', (c) => (c as HTMLCanvasElement).clientWidth);
    const side = plotSide(width);
    const r = Math.max(2.5, side / 110);
    const at = (p: number[]): [number, number] => [
      AXIS.left + ((p[0]! - bounds.x0) / (bounds.x1 - bounds.x0)) * side,
      AXIS.top + ((bounds.y1 - p[1]!) / (bounds.y1 - bounds.y0)) * side,
    ];
    // Read the plane a ring's width right of each point, where no other point is drawn.
    const beside = (p: number[]): [number, number] => {
      const [x, y] = at(p);
      return [x + r + 3, y];
    };
    const alone = run.trainIdx.filter((i) => {
      const [sx, sy] = beside(run.data.X[i]!);
      return run.data.X.every((q) => Math.hypot(at(q)[0] - sx, at(q)[1] - sy) > r + 2);
    });
    expect(alone.length).toBeGreaterThan(10);
    const read = await pixels(page, [
      ...alone.map((i) => at(run.data.X[i]!)),
      ...alone.map((i) => beside(run.data.X[i]!)),
    ]);
    const centres = read.slice(0, alone.length);
    const besides = read.slice(alone.length);
    const gaps = centres.map((c, k) => dist(c, besides[k]!)).sort((a, b) => a - b);
    // The plane at Playground's 160/255 over white against a point's full colour: at least ~100 apart
    // in RGB where the model is sure; the same full colour on both (the old drawing) is ~0 apart.
    // (A point or two may sit where a neighbour's ring crosses the sampled pixel.)
    expect(gaps.filter((g) => g < 60).length).toBeLessThanOrEqual(Math.ceil(gaps.length * 0.05));
    expect(gaps[Math.floor(gaps.length / 2)]).toBeGreaterThan(90);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('2: a diverging run shows short figures, and its message quotes them: the same loss at the same step', async () => {
    for (const extra of ['', '&activation=linear']) {
      const { page, problems } = await open(`?optimizer=sgd&lr=10&loss=mse&hidden=32,32&speed=0${extra}`);
      await page.click('#play');
      await statusStarts(page, 'Paused');
      const loss = (await page.textContent('#stat-train-loss'))!;
      const step = (await page.textContent('#stat-step'))!;
      const message = (await page.textContent('#status'))!;
      // formatCompact: %.4f below a million, else four significant digits with an exponent.
      expect(loss).toMatch(/^(-?\d{1,6}\.\d{4}|-?\d\.\d{3}e[+-]\d+|nan|inf)$/);
      expect(message).toContain(`the training loss is ${loss} at step ${step}`);
      // The four figures sit side by side without running into each other.
      const boxes = await page.$$eval('.stats dd', (dds) =>
        dds.map((d) => {
          const b = d.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(d);
          return { left: b.left, right: b.right, textRight: range.getBoundingClientRect().right };
        }),
      );
      for (const [k, b] of boxes.entries()) {
        expect(b.textRight).toBeLessThanOrEqual(b.right + 0.5);
        if (k > 0) expect(b.left).toBeGreaterThanOrEqual(boxes[k - 1]!.right);
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it('3: a click on the plane while training adds a point and training goes on; your points come back', async () => {
    const { page, problems } = await open('?speed=30');
    await page.click('#play');
    await expect.poll(() => stat(page, 'step'), { timeout: 30_000 }).toBeGreaterThan(5);
    const before = await stat(page, 'step');
    const box = (await page.$('#heatmap'))!;
    const b = (await box.boundingBox())!;
    await box.click({ position: { x: b.width * 0.3, y: b.height * 0.3 } });
    await expect.poll(() => param(page, 'dataset')).toBe('custom');
    expect(param(page, 'points')!.split(';')).toHaveLength(201);
    await statusStarts(page, 'Now 201 points; training goes on with the same weights', 10_000);
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('true');
    // The step counter goes on from where it was, never back to 0.
    expect(await stat(page, 'step')).toBeGreaterThanOrEqual(before);
    await expect.poll(() => stat(page, 'step'), { timeout: 30_000 }).toBeGreaterThan(before + 3);
    // Your own points have no generator: its settings are not shown.
    expect(await page.isVisible('#cfg-size')).toBe(false);
    expect(await page.isVisible('#cfg-noise')).toBe(false);
    await page.click('#play');
    // To a generated dataset and back: the points are still yours.
    await page.selectOption('#cfg-dataset', 'circles');
    await expect.poll(() => param(page, 'dataset')).toBe('circles');
    expect(await page.isVisible('#cfg-size')).toBe(true);
    await page.selectOption('#cfg-dataset', 'custom');
    await expect.poll(() => param(page, 'dataset')).toBe('custom');
    expect(param(page, 'points')!.split(';')).toHaveLength(201);
    expect(problems).toEqual([]);
    await page.close();
    // A link needs as many points as a CSV or shift-click leaves (10), not 3.
    const three = await open('?dataset=custom&points=0,0,0;1,1,1;2,0,0');
    expect(await three.page.textContent('#url-note')).toContain('need at least 10');
    expect(param(three.page, 'dataset')).toBe('moons');
    await three.page.close();
  });

  it('4: changing the network while training says the run started over, and plays on', async () => {
    const { page, problems } = await open('?speed=30&hidden=4');
    await page.click('#play');
    await expect.poll(() => stat(page, 'step'), { timeout: 30_000 }).toBeGreaterThan(3);
    await page.click('button[aria-label="Add a neuron to layer 1"]');
    await expect.poll(() => param(page, 'hidden')).toBe('5');
    await statusStarts(
      page,
      'New network: the run started over at step 0 with new weights and plays on',
      10_000,
    );
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('true');
    await expect.poll(() => stat(page, 'step'), { timeout: 30_000 }).toBeGreaterThan(1);
    await page.click('#play');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('5: at 800×900 the Network panel starts above "Take the model", on the first two screens', async () => {
    const { page, problems } = await open('', 'tablet');
    const top = (sel: string) => page.$eval(sel, (e) => e.getBoundingClientRect().top + window.scrollY);
    const net = await top('section.network');
    expect(net).toBeLessThan(await top('section.downloads'));
    expect(net).toBeLessThan(2 * SIZES.tablet.height);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('6: Play is a few Tab presses in; Space plays and pauses, but not while typing', async () => {
    const { page, problems } = await open('?speed=30');
    let presses = 0;
    while (presses < 6 && (await page.evaluate(() => document.activeElement?.id)) !== 'play') {
      await page.keyboard.press('Tab');
      presses++;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('play');
    await page.evaluate(() => (document.activeElement as HTMLElement).blur());
    await page.keyboard.press('Space');
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('false');
    await page.focus('#cfg-hidden');
    await page.keyboard.press('Space');
    expect(await page.getAttribute('#play', 'aria-pressed')).toBe('false');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('6: on a phone, no control reached by Tab sits under the sticky output panel', async () => {
    const { page, problems } = await open('', 'phone');
    const covered: string[] = [];
    for (let k = 0; k < 90; k++) {
      await page.keyboard.press('Tab');
      await page.waitForTimeout(30);
      const r = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const panel = document.querySelector('.output')!;
        if (el === null || el === document.body || panel.contains(el)) return null;
        const b = el.getBoundingClientRect();
        const p = panel.getBoundingClientRect();
        // Covered: any part of it behind the panel (the header above the panel is not).
        if (b.width === 0 || b.top >= p.bottom - 1 || b.bottom <= p.top + 1) return null;
        const name = el.id || el.getAttribute('aria-label') || el.tagName;
        return `${name} at ${Math.round(b.top)}, the panel ${Math.round(p.top)} to ${Math.round(p.bottom)}`;
      });
      if (r !== null) covered.push(r);
    }
    expect(covered).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('7: the last step tick fits, one full stop before "Kept", the CSV hint names --dataset', async () => {
    const { page, problems } = await open('?speed=0&limit=1000&hidden=4');
    await page.click('#play');
    await statusStarts(page, 'Stopped at the step limit of 1000');
    // No ink in the loss chart's last two pixel columns: the "1000" under the right edge is not cut off.
    const ink = await page.$eval('#curves', (c) => {
      const cv = c as HTMLCanvasElement;
      const d = cv.getContext('2d')!.getImageData(cv.width - 2, 0, 2, cv.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i]! < 200) n++;
      return n;
    });
    expect(ink).toBe(0);
    await page.fill('#cfg-batch', '600');
    await page.press('#cfg-batch', 'Tab');
    await expect.poll(() => page.textContent('#status')).toMatch(/Kept batch=500\.$/);
    expect(await page.textContent('#status')).not.toMatch(/\.\./);
    const hint = (await page.textContent('details.csv .hint'))!;
    expect(hint).toContain('micrograd train --dataset file.csv');
    expect(hint).not.toContain('--csv');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('7: the default stop is not reached in a second at full speed', async () => {
    const { page, problems } = await open('?speed=0&hidden=2');
    await page.click('#play');
    await expect.poll(() => stat(page, 'step'), { timeout: 60_000 }).toBeGreaterThan(1100);
    expect(await page.textContent('#status')).not.toMatch(/^Stopped/);
    await page.click('#play');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('7: after rapid Step clicks and a Reset, the counter does not drift back up from 0', async () => {
    const { page, problems } = await open('?hidden=16,16,16&size=500');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { seen: string[] }).seen = seen;
      new MutationObserver(() => seen.push(document.getElementById('stat-step')!.textContent!)).observe(
        document.getElementById('stat-step')!,
        { childList: true, characterData: true, subtree: true },
      );
    });
    await page.evaluate(() => {
      for (let k = 0; k < 4; k++) document.getElementById('step1')!.click();
      document.getElementById('reset')!.click();
    });
    await page.waitForTimeout(3000);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const afterReset = seen.slice(seen.indexOf('0'));
    expect(afterReset.filter((s) => s !== '0')).toEqual([]);
    expect(await page.textContent('#stat-step')).toBe('0');
    expect(problems).toEqual([]);
    await page.close();
  });
});
