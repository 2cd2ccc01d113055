// The export writers in the browser: bundled with Vite (no Node built-ins), run in Chromium, and
// byte-identical to what they write in Node, protobufjs's ONNX encoding included.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportModel } from '../../src/export/index.js';
import { EXPORT_PAGE_MODEL } from './fixtures/exportModel.js';
import { chromiumDom, noNodeBuiltins } from './browserBundle.js';

const ENTRY = join(import.meta.dirname, 'fixtures/exportEntry.ts');
const out = mkdtempSync(join(tmpdir(), 'micrograd-export-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('export writers in the browser', () => {
  it('write PyTorch, ONNX and TypeScript in Chromium exactly as in Node', async () => {
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
    writeFileSync(
      join(out, 'index.html'),
      '<!doctype html><html><head><meta charset="utf-8"><title>pending</title></head>' +
        '<body><script src="page.js"></script></body></html>',
    );
    const dom = await chromiumDom(`file://${join(out, 'index.html')}`);
    expect(dom).toContain('<title>exported</title>');
    for (const f of EXPORT_FORMATS) {
      const m = new RegExp(`<pre id="${f}">([A-Za-z0-9+/=]+)</pre>`).exec(dom);
      expect(m, f).not.toBeNull();
      const node = exportModel(EXPORT_PAGE_MODEL, f, { source: 'page' });
      const bytes = typeof node === 'string' ? Buffer.from(node, 'utf8') : Buffer.from(node);
      const got = Buffer.from(m![1]!, 'base64');
      if (typeof node === 'string') expect(got.toString('utf8'), f).toBe(node);
      expect(got.equals(bytes), f).toBe(true);
    }
  });
});
