// The export writers in the browser: bundled with Vite (no Node built-ins), run in Chromium under a policy
// without eval, and byte-identical to what they write in Node, the ONNX encoding included.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportModel } from '../../src/export/index.js';
import { EXPORT_PAGE_MODEL } from './fixtures/exportModel.js';
import { renderBundledPage } from './browserBundle.js';

const ENTRY = join(import.meta.dirname, 'fixtures/exportEntry.ts');

describe('export writers in the browser', () => {
  it('write PyTorch, ONNX and TypeScript in Chromium exactly as in Node', async () => {
    // The policy `micrograd serve` sends, less what a file: page needs: no 'unsafe-eval', so a writer
    // that compiled code at run time (protobufjs's reflection does) would fail here.
    const dom = await renderBundledPage(
      ENTRY,
      `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src file: 'wasm-unsafe-eval'">`,
    );
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
