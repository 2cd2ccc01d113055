// Helpers for the train page's e2e tests: open it once its first report is in, read its numbers, step it.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SIZES, watchProblems, type Served } from './playground.js';

/** An `open(query, size, scale)` for the served train page: a new page once the first report is shown. */
export function trainPage(pg: { server: () => Served; browser: () => Browser }) {
  return async (
    query = '',
    size: keyof typeof SIZES = 'desktop',
    scale = 1,
  ): Promise<{ page: Page; problems: string[] }> => {
    const page = await pg.browser().newPage({ viewport: SIZES[size], deviceScaleFactor: scale });
    const problems = watchProblems(page);
    await page.goto(`${pg.server().url}train.html${query}`);
    // The first report waits for the measuring graphs: seconds for a wide network on a busy machine.
    await expect.poll(() => page.textContent('#stat-train-loss'), { timeout: 30_000 }).toMatch(/\d/);
    return { page, problems };
  };
}

export const stat = async (page: Page, id: string): Promise<number> =>
  parseFloat((await page.textContent(`#stat-${id}`)) ?? '');

export const param = (page: Page, key: string): string | null => new URL(page.url()).searchParams.get(key);

/** Click a download button and keep the file under `dir`, returning its path. */
export async function downloadTo(page: Page, button: string, dir: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(dir, d.suggestedFilename());
  copyFileSync((await d.path())!, path);
  return path;
}

/** Click Step `n` times, waiting for each report. */
export async function stepBy(page: Page, n: number): Promise<void> {
  const start = await stat(page, 'step');
  for (let i = 1; i <= n; i++) {
    await page.click('#step1');
    await expect.poll(() => stat(page, 'step')).toBe(start + i);
  }
}
