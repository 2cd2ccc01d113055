// Practice on the graph page: the post's neuron played by hand (o 1; a wrong nn gets the tanh rule 1 − o²;
// 0.5; the leaves with the post's grads), the picture hiding each grad until it is given, seeded exercise
// links that open the same graph every time, and Practice on the other presets and a typed expression.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { makeExercise } from '../../src/walkthrough/exercise.js';
import { opener, shownGrad, shownNodes } from './graphPage.js';
import { SIZES, usePlayground } from './playground.js';
import { SHOTS } from './screenshotDir.js';

const pg = usePlayground();
const open = opener(pg);

/** Type into the box named `grad of NAME` and press Enter. */
async function give(page: Page, name: string, answer: string): Promise<void> {
  const box = page.getByRole('textbox', { name: `grad of ${name}`, exact: true });
  await box.fill(answer);
  await box.press('Enter');
}

/** The accessible name of the focused element (the box focus moved to). */
const focusedName = (page: Page): Promise<string | null> =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el instanceof HTMLInputElement ? (el.labels?.[0]?.textContent ?? null) : null;
  });

/** The grads the picture shows, by label ('?' while hidden). */
async function pictureGrads(page: Page): Promise<Record<string, string>> {
  const nodes = await shownNodes(page);
  return Object.fromEntries(nodes.map((n) => [n.label, /grad (\S+)/.exec(n.text)?.[1] ?? '']));
}

describe('graph page: Practice', () => {
  it("plays the post's neuron by hand, with the tanh rule as the hint and the post's grads at the end", async () => {
    const { page, problems } = await open();
    await page.click('#practice');
    await page.getByRole('textbox', { name: 'grad of o', exact: true }).waitFor();
    expect(new URL(page.url()).hash).toContain('practice=1');
    // Data shown, grads hidden.
    await expect.poll(() => pictureGrads(page)).toMatchObject({ o: '?', nn: '?', x1: '?' });
    expect((await shownNodes(page)).find((n) => n.label === 'nn')!.text).toContain('data 0.8814');
    // Hidden from screen readers and the page's data attributes too, not only from the eye.
    const nn = page.locator('#graph g.node[data-label="nn"]');
    expect(await nn.getAttribute('aria-label')).toMatch(/data 0\.8814, grad \?$/);
    expect(await nn.getAttribute('data-grad')).toBeNull();

    await give(page, 'o', '1');
    await expect.poll(() => focusedName(page)).toBe('grad of nn');
    await expect.poll(() => pictureGrads(page)).toMatchObject({ o: '1.0000', nn: '?' });

    await give(page, 'nn', '1');
    await expect.poll(() => page.textContent('.practice-row[data-key="nn"] .hint')).toContain('1 − o²');
    expect(await page.textContent('.practice-row[data-key="nn"] .reply')).toBe('Not 1.');
    await page.getByRole('button', { name: 'Hint for nn' }).click();
    await expect
      .poll(() => page.$$eval('.practice-row[data-key="nn"] .hint', (p) => p.map((x) => x.textContent)))
      .toEqual([
        expect.stringContaining(
          'o = tanh(nn): the local derivative of tanh is 1 − o², one minus the output squared',
        ),
        'Then: ∂o/∂nn = 1 − 0.7071**2 = 0.5000, times upstream o.grad = 1.0000: 0.5000.',
      ]);
    // The Check button does what Enter does.
    await page.getByRole('textbox', { name: 'grad of nn', exact: true }).fill('0.5');
    await page.getByRole('button', { name: 'Check the grad of nn' }).click();
    await expect.poll(() => focusedName(page)).toBe('grad of b');

    // The post's numbers (its printout; b = 6.88137358): each + passes 0.5 on, then the leaves.
    for (const [name, grad] of [
      ['b', '0.5'],
      ['x1*w1 + x2*w2', '0.5'],
      ['x2*w2', '0.5'],
      ['w2', '0'],
      ['x2', '0.5'],
      ['x1*w1', '1/2'],
      ['w1', '1'],
      ['x1', '-1.5'],
    ] as const) {
      await expect.poll(() => focusedName(page)).toBe(`grad of ${name}`);
      await give(page, name, grad);
    }
    const summary = page.locator('[data-testid="practice-summary"]');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('9 of 10 right first time; 2 hints used; 0 revealed.');
    expect(await summary.textContent()).toContain(
      '∂(x1*w1)/∂x1 = w1 = -3.0000;  × upstream ∂o/∂(x1*w1) = 0.5000  →  x1.grad += -1.5000 (now -1.5000)',
    );
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('practice-summary');
    for (const [label, grad] of Object.entries({ x1: -1.5, w1: 1, x2: 0.5, w2: 0, b: 0.5 }))
      expect(await shownGrad(page, label), label).toBe(grad);
    await page.screenshot({ path: new URL('practice-done-desktop.png', SHOTS).pathname, fullPage: true });
    // Leaving Practice brings the stepping controls back.
    await page.click('#practice');
    await expect.poll(() => page.isVisible('#step')).toBe(true);
    expect(new URL(page.url()).hash).not.toContain('practice=');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a seeded exercise link opens the same graph twice; New exercise makes such a link', async () => {
    const ex = makeExercise(4242, 3);
    const hash = '#exercise=4242&level=3&practice=1';
    const first = await open('desktop', hash);
    const second = await open('tablet', hash);
    expect(await first.page.inputValue('#program')).toBe(ex.text);
    expect(await second.page.inputValue('#program')).toBe(ex.text);
    const graphOf = async (p: Page): Promise<string[][]> =>
      (await shownNodes(p)).map((n) => [n.label, n.data]).sort();
    expect(await graphOf(first.page)).toEqual(await graphOf(second.page));
    expect(await first.page.textContent('.practice-panel h3')).toBe('Practice: exercise 4242, level 3');
    await first.page.getByRole('textbox', { name: 'grad of o', exact: true }).waitFor();
    for (const { page, problems } of [first, second]) {
      expect(problems).toEqual([]);
      await page.close();
    }

    const { page, problems } = await open();
    await page.selectOption('#exercise-level', '1');
    await page.click('#new-exercise');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#exercise=\d+&level=1&practice=1$/);
    const link = new URL(page.url()).hash;
    const seed = Number(/exercise=(\d+)/.exec(link)![1]);
    expect(await page.inputValue('#program')).toBe(makeExercise(seed, 1).text);
    const again = await open('phone', link);
    expect(await graphOf(again.page)).toEqual(await graphOf(page));
    // Editing the graph makes it the reader's own: the link then holds the expression, not the seed.
    await page.fill('#program', `${makeExercise(seed, 1).text}\np = o * 2`);
    await expect.poll(() => new URL(page.url()).hash).toMatch(/^#expr=/);
    expect(problems).toEqual([]);
    expect(again.problems).toEqual([]);
    await again.page.close();
    await page.close();
  });

  it('works on the exp-form neuron (reveal) and on a typed expression (a reused value: sum over its uses)', async () => {
    const { page, problems } = await open();
    await page.selectOption('#preset', 'neuron-exp');
    await page.click('#practice');
    let revealed = 0;
    while ((await page.locator('[data-testid="practice-summary"]').count()) === 0) {
      await page.locator('.practice-row button', { hasText: 'Reveal' }).first().click();
      revealed++;
      expect(revealed).toBeLessThan(40);
    }
    expect(await page.textContent('[data-testid="practice-summary"]')).toContain(
      `0 of ${revealed} right first time; 0 hints used; ${revealed} revealed.`,
    );
    for (const [label, grad] of Object.entries({ x1: -1.5, w1: 1, x2: 0.5, w2: 0, b: 0.5 }))
      expect(await shownGrad(page, label), label).toBe(grad);

    await page.selectOption('#preset', '');
    await page.fill('#program', 'y = a*b + a');
    await page.fill('#var-0', '2');
    await page.fill('#var-1', '-3');
    await give(page, 'y', '1');
    await give(page, 't2', '1');
    // d(ab + a)/da = b + 1 = -2: a's grad sums its two uses.
    await page.getByRole('textbox', { name: 'grad of a', exact: true }).waitFor();
    await give(page, 'a', '-3');
    await expect
      .poll(() => page.textContent('.practice-row[data-key="a"] .hint'))
      .toMatch(/a is used 2 times, so its grad is the sum over its uses/);
    await give(page, 'a', '-2');
    await expect.poll(() => page.textContent('.practice-given')).toContain('a.grad = -2.0000 ✓');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("plays the rough work with the post's numbers: a + a gives 2; (a*b)*(a+b) gives a -3, b -8", async () => {
    const { page, problems } = await open();
    // From the post's rough work: b = a + a at a = 3; f = d*e, d = a*b, e = a + b at a = -2, b = 3, so
    // ∂f/∂d = e = 1, ∂f/∂e = d = -6, a.grad = b·1 + (-6) = -3, b.grad = a·1 + (-6) = -8.
    const plays: Array<[string, Record<string, string>]> = [
      ['reuse', { b: '1', a: '2' }],
      ['product-of-sum', { f: '1', e: '-6', d: '1', a: '-3', b: '-8' }],
    ];
    for (const [preset, grads] of plays) {
      await page.selectOption('#preset', preset);
      if ((await page.getAttribute('#practice', 'aria-pressed')) !== 'true') await page.click('#practice');
      const names = Object.keys(grads);
      for (let i = 0; i < names.length; i++) {
        const name = (await page.locator('.practice-row label').first().textContent())!.replace(
          'grad of ',
          '',
        );
        await give(page, name, grads[name]!);
        await expect
          .poll(() => page.textContent('[data-testid="practice-count"]'))
          .toMatch(new RegExp(`^${i + 1} of`));
      }
      expect(await page.textContent('[data-testid="practice-summary"]')).toContain(
        `${names.length} of ${names.length} right first time`,
      );
    }
    expect(problems).toEqual([]);
    await page.close();
  });

  it('exports the picture as shown: a grad not yet given is grad ? in the DOT and the SVG', async () => {
    const { page, problems } = await open();
    await page.click('#practice');
    await give(page, 'o', '1');
    await expect.poll(() => focusedName(page)).toBe('grad of nn');
    const file = async (button: string): Promise<string> => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
      return readFileSync((await download.path())!, 'utf8');
    };
    const dot = await file('#export-dot');
    expect(dot).toMatch(/label="[^"]*o \| data 0\.7071 \| grad 1\.0000/);
    expect(dot).toMatch(/label="[^"]*nn \| data 0\.8814 \| grad \?/);
    expect(dot).not.toContain('grad 0.5000');
    const svg = await file('#export-svg');
    expect(svg).toContain('grad 1.0000');
    expect(svg).toContain('grad ?');
    expect(svg).not.toContain('grad 0.5000');
    expect(svg).not.toContain('grad -1.5000');
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each(Object.keys(SIZES) as Array<keyof typeof SIZES>)('fits at %s, the box in reach', async (size) => {
    const { page, problems } = await open(size, '#exercise=7&level=2&practice=1');
    const box = page.getByRole('textbox', { name: 'grad of o', exact: true });
    await box.waitFor();
    await give(page, 'o', '2');
    await page.locator('.practice-row .hint').first().waitFor();
    // Nothing wider than the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      SIZES[size].width,
    );
    await page.screenshot({ path: new URL(`practice-${size}.png`, SHOTS).pathname });
    expect(problems).toEqual([]);
    await page.close();
  });
});
