// Playground's remaining touches on the train page: a neuron's output shown large on the plane while it is
// pointed at or focused, and an edge's weight edited by clicking it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { usePlayground } from './playground.js';
import { stepBy, trainPage } from './trainPage.js';

const pg = usePlayground();
const open = trainPage(pg);

/** The plane as an image, to see that it was drawn again differently (a screenshot: no canvas readback). */
const planeSum = async (page: Page): Promise<string> =>
  (await page.locator('#heatmap').screenshot()).toString('base64');

describe('train page, Playground touches', () => {
  it("shows a neuron's output large on the plane while pointed at or focused, and the model's after", async () => {
    const { page, problems } = await open('?hidden=4');
    await stepBy(page, 3);
    await page.waitForTimeout(300);
    const model = await planeSum(page);
    await page.hover('button.neuron[data-layer="0"][data-neuron="1"]');
    await expect
      .poll(() => page.textContent('#plane-caption'))
      .toBe("Showing layer 1 neuron 2's output over the plane");
    const hovered = await planeSum(page);
    expect(hovered).not.toBe(model);
    await page.mouse.move(0, 0);
    await expect.poll(() => page.textContent('#plane-caption')).toBe('');
    expect(await planeSum(page)).toBe(model);
    await page.focus('button.neuron[data-layer="1"][data-neuron="0"]');
    expect(await page.textContent('#plane-caption')).toBe(
      "Showing the output neuron 1's output over the plane",
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("edits an edge's weight on click: the model's weight changes and the plane is drawn again", async () => {
    const { page, problems } = await open('?hidden=4');
    await stepBy(page, 2);
    await page.waitForTimeout(300);
    const before = await planeSum(page);
    const edge = 'path.edge[data-edge="1-0-2"]';
    await page.click(edge, { force: true });
    await page.waitForSelector('#edge-weight');
    expect(await page.getAttribute('#edge-weight', 'aria-label')).toBe(
      'Weight from layer 1 neuron 3 to output neuron 1',
    );
    await page.fill('#edge-weight', '3');
    await page.press('#edge-weight', 'Enter');
    await expect
      .poll(() => page.textContent('#net-readout'))
      .toBe('Weight from layer 1 neuron 3 to output neuron 1: set to 3.0000.');
    // The worker's model holds the new weight: the next pictures come back with it, and the plane changed.
    await expect.poll(() => planeSum(page)).not.toBe(before);
    await page.mouse.move(0, 0);
    await page.hover(edge, { force: true });
    await expect
      .poll(() => page.textContent('#net-readout'))
      .toBe('Weight from layer 1 neuron 3 to output neuron 1: 3.0000');
    // And it trains on from there.
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
    const stream = await d.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const json = JSON.parse(Buffer.concat(chunks).toString()) as { layers: { weights: number[][] }[] };
    expect(json.layers[1]!.weights[0]![2]).toBe(3);
    expect(problems).toEqual([]);
    await page.close();
  });
});
