// The browser side: bundle the library with Vite (no Node built-ins may be pulled in), run it in Chromium.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumDom, noNodeBuiltins } from './browserBundle.js';

const ENTRY = join(import.meta.dirname, 'fixtures/browserEntry.ts');
const out = mkdtempSync(join(tmpdir(), 'micrograd-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('browser bundle', () => {
  it('bundles parse, drawDot and plotFunction with no Node built-ins and renders both SVGs in Chromium', async () => {
    await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [noNodeBuiltins],
      build: {
        outDir: out,
        emptyOutDir: false,
        minify: false,
        lib: { entry: ENTRY, formats: ['iife'], name: 'page', fileName: () => 'page.js' },
      },
    });
    // The WebAssembly module is inlined in the script, so the page must be read as UTF-8.
    writeFileSync(
      join(out, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>pending</title></head>' +
        '<body><script src="page.js"></script></body></html>',
    );
    const dom = await chromiumDom(`file://${join(out, 'index.html')}`);
    expect(dom).toContain('<title>rendered</title>');
    expect(dom).toContain('data 0.7071'); // the graph's output node
    expect(dom).toContain('grad -1.5000'); // x1.grad after backward
    expect(dom).toContain('tanh(x)'); // the plot's title
  });
});
