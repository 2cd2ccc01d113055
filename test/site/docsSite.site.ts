// The built documentation site as a project page: served as plain files under /micrograd-ts/, every internal
// link and anchor resolves, the API reference documents Value, and the Graph and Train pages run in Chromium.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../scripts/site/buildSite.js';
import { checkLinks, scanHtml, type Loader } from '../../scripts/site/checkLinks.js';
import { launchBrowser, watchProblems } from '../e2e/playground.js';
import { settled } from '../e2e/notebookPage.js';

const PREFIX = '/micrograd-ts/';
let dir = '';
let server: Server;
let base: URL;
let browser: Browser | undefined;

// A plain static file server, as GitHub Pages is: the site only under the project's subpath, nothing else.
function serveUnderPrefix(root: string): Promise<Server> {
  const files = sirv(root, { dev: true, etag: false });
  const s = createServer((req, res) => {
    if (req.url === undefined || !req.url.startsWith(PREFIX)) {
      res.statusCode = 404;
      res.end('outside the project page');
      return;
    }
    req.url = req.url.slice(PREFIX.length - 1);
    files(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    });
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

const httpLoader: Loader = async (url) => {
  const res = await fetch(url);
  if (!res.ok) return { ok: false, reason: `HTTP ${res.status}` };
  const type = res.headers.get('content-type') ?? '';
  return type.includes('text/html')
    ? { ok: true, html: await res.text() }
    : (await res.arrayBuffer(), { ok: true });
};

/** A site page (path under the project's subpath) in Chromium, with its console errors and failed requests. */
async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  browser ??= await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems = watchProblems(page);
  await page.goto(new URL(path, base).href);
  return { page, problems };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'micrograd-site-'));
  await buildSite(dir);
  server = await serveUnderPrefix(dir);
  base = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

describe('the documentation site under /micrograd-ts/', () => {
  it('resolves every internal link and anchor, crawled from the front page', async () => {
    expect((await fetch(base)).ok).toBe(true); // the bare project URL serves the front page
    const { broken, pages } = await checkLinks(base, [new URL('index.html', base)], httpLoader);
    expect(broken).toEqual([]);
    // The front page reaches the guides, the CLI reference, the playground and the whole API reference.
    const htmlFiles = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.html'));
    expect(pages).toBe(htmlFiles.length);
  });

  it('has a guide page for every guide and a CLI reference with every command', async () => {
    const cli = await (await fetch(new URL('guides/cli.html', base))).text();
    const { ids } = scanHtml(cli);
    for (const command of ['walkthrough', 'verify', 'train', 'predict', 'serve', 'graph', 'plot', 'export'])
      expect(ids.has(command), `micrograd ${command}`).toBe(true);
    expect(cli).toContain('--grad-of &lt;name&gt;');
  });

  it("documents Value's backward and tanh on Value's API page", async () => {
    const valuePage = readdirSync(join(dir, 'api/classes')).find((f) => /(^|\.)Value\.html$/.test(f));
    expect(valuePage).toBeDefined();
    const html = await (await fetch(new URL(`api/classes/${valuePage}`, base))).text();
    const { ids } = scanHtml(html);
    expect(ids.has('backward')).toBe(true);
    expect(ids.has('tanh')).toBe(true);
    expect(html).toMatch(/<span class="tsd-kind-call-signature">backward<\/span>/);
    expect(html).toMatch(/<span class="tsd-kind-call-signature">tanh<\/span>/);
    // Each is documented: what it does, the derivative it records, and an example.
    const member = (id: string): string => html.slice(html.indexOf(`id="${id}"`)).split('<section')[0]!;
    expect(member('tanh')).toContain('∂out/∂this = 1 − out**2');
    expect(member('backward')).toContain('Backpropagate from this node');
    for (const id of ['tanh', 'backward']) expect(member(id)).toContain('class="tsd-tag-example"');
    // TypeDoc's search index is there for the reference's search box.
    expect((await fetch(new URL('api/assets/search.js', base))).ok).toBe(true);
  });

  it("finds Value.tanh through the API reference's search box", async () => {
    const { page: api, problems } = await openPage('api/index.html');
    await api.click('#tsd-search-trigger');
    await api.fill('#tsd-search-input', 'tanh');
    const hit = api.locator('#tsd-search-results a', { hasText: 'tanh' }).first();
    await hit.waitFor({ timeout: 15_000 });
    await hit.click();
    await api.waitForURL(/Value\.html#tanh$/);
    expect(problems).toEqual([]);
  });

  it('runs the Graph and Train pages from the static files, with no console errors', async () => {
    const { page: graph, problems: graphProblems } = await openPage('play/index.html');
    await graph.click('#backward');
    await graph.waitForFunction(
      () => document.querySelector('#graph g.node[data-label="o"]')?.getAttribute('data-grad') === '1',
      undefined,
      { timeout: 30_000 },
    );
    expect(graphProblems).toEqual([]);

    const { page: train, problems: trainProblems } = await openPage('play/train.html');
    await expect.poll(() => train.textContent('#stat-train-acc'), { timeout: 30_000 }).toMatch(/%$/);
    expect(trainProblems).toEqual([]);
  });

  it('opens the Notebook page from the static files, its kernel ready, with no console errors', async () => {
    const { page: notebook, problems } = await openPage('play/notebook.html');
    await notebook.waitForSelector('#cells[data-editors="ready"]', { timeout: 30_000 });
    await settled(notebook, 30_000);
    expect(await notebook.$$eval('.cell', (cells) => cells.length)).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });
});
