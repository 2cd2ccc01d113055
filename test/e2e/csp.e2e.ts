// Both pages under `micrograd serve`'s Content-Security-Policy in Chromium: they load, draw (Graphviz's
// WebAssembly included) and train with no policy violation, over compressed, cached assets.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { usePlayground, watchProblems } from './playground.js';

const pg = usePlayground();

/** Open a page with a recorder of every CSP violation installed before any of its scripts run. */
async function open(
  path: string,
): Promise<{ page: Page; problems: string[]; csp: string; encodings: string[] }> {
  const page = await pg.browser().newPage();
  const problems = watchProblems(page);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI}`),
    );
  });
  const encodings: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.js')) encodings.push(r.headers()['content-encoding'] ?? 'identity');
  });
  const response = await page.goto(`${pg.server().url}${path}`);
  return { page, problems, csp: response!.headers()['content-security-policy'] ?? '', encodings };
}

const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

describe('the pages under the Content-Security-Policy', () => {
  it('graph page: draws with Graphviz (WebAssembly) and steps backward, no violation', async () => {
    const { page, problems, csp, encodings } = await open('index.html');
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await page.waitForSelector('#graph svg g.node');
    await page.click('#backward');
    await page.waitForFunction(
      () => document.querySelector('#graph g.node[data-label="o"]')?.getAttribute('data-grad') === '1',
    );
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    // Chromium asks for brotli; every script came compressed.
    expect(encodings.length).toBeGreaterThan(0);
    expect(new Set(encodings)).toEqual(new Set(['br']));
    await page.close();
  });

  it('train page: trains a step in its worker, no violation', async () => {
    const { page, problems, csp } = await open('train.html');
    expect(csp).toContain("worker-src 'self'");
    await expect.poll(() => page.textContent('#stat-train-acc'), { timeout: 30_000 }).toMatch(/%$/);
    const step = async (): Promise<number> => parseFloat((await page.textContent('#stat-step')) ?? '');
    const start = await step();
    await page.click('#step1');
    await expect.poll(step).toBe(start + 1);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
