// `micrograd serve`: serves the built playground on 127.0.0.1 with safety headers, and fails in one line.
import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, WEB_ROOT, type RunningServer } from '../../src/cli/commands/serve.js';
import { runCli } from './runCli.js';

describe('micrograd serve', () => {
  let running: RunningServer;
  beforeAll(async () => {
    running = await startServer({ port: 0, host: '127.0.0.1' });
  });
  afterAll(() => running.close());

  it('serves the pages from dist/web with a content security policy', async () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    for (const page of ['', 'index.html', 'train.html', 'notebook.html']) {
      const res = await fetch(new URL(page, running.url));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(await res.text()).toContain('<main id="main"');
    }
  });

  it('serves the bundled scripts, and nothing outside the build folder', async () => {
    const html = await (await fetch(running.url)).text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(new URL(script, running.url));
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    for (const path of ['../package.json', '%2e%2e/package.json', 'nothing-here.js']) {
      expect((await fetch(new URL(path, running.url))).status).toBe(404);
    }
  });

  it("lets the notebook's kernel worker, and nothing else, evaluate code", async () => {
    const worker = readdirSync(join(WEB_ROOT, 'assets')).find((f) => /^kernelWorker-.*\.js$/.test(f))!;
    const policy = async (path: string): Promise<string> =>
      (await fetch(new URL(path, running.url))).headers.get('content-security-policy') ?? '';
    expect(await policy(`assets/${worker}`)).toContain("script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval';");
    expect(await policy(`assets/${worker}?v=1`)).toContain("'unsafe-eval'");
    for (const other of ['notebook.html', 'index.html', `assets/x${worker}`, 'assets/kernelWorker-.js']) {
      expect(await policy(other), other).not.toContain("'unsafe-eval'");
    }
  });

  it('explains a missing build in one line', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'micrograd-serve-'));
    await expect(startServer({ root: empty, port: 0, host: '127.0.0.1' })).rejects.toThrow(
      /^the playground is not built \(no .*index\.html\); run npm run build first$/,
    );
    expect(WEB_ROOT.endsWith(join('dist', 'web') + '/')).toBe(true);
  });

  it('says the port is taken, in one line with a non-zero exit, when it is', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const r = runCli(['serve', '--port', String(port)]);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `micrograd: port ${port} is already in use on 127.0.0.1; choose another with --port N (0 picks a free one)\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it('rejects a port that is not a number', () => {
    const r = runCli(['serve', '--port', 'eighty']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('expected a port number from 0 to 65535, got "eighty"');
  });
});
