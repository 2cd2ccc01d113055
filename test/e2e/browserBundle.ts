// Pages bundled from the library's sources: refuse Node built-ins, return the DOM Chromium ends with.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Plugin } from 'vite';
import { CHROMIUM, CHROMIUM_FLAGS } from './playground.js';

/** Fails the build if anything statically imports a Node built-in. */
export const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  enforce: 'pre',
  resolveId(id, importer) {
    const bare = id.replace(/^node:/, '');
    if (id.startsWith('node:') || builtinModules.includes(bare)) {
      throw new Error(`${importer ?? '?'} imports the Node built-in ${id}`);
    }
    return null;
  },
};

export function chromiumDom(url: string): Promise<string> {
  const args = [...CHROMIUM_FLAGS, '--virtual-time-budget=20000', '--dump-dom', url];
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, args, { timeout: 60_000, maxBuffer: 64 << 20 }, (err, stdout) =>
      err === null ? resolve(stdout) : reject(err),
    );
  });
}

/**
 * Bundle `entry` with Vite (no Node built-ins) into a page in a temporary folder, open it in Chromium and
 * return the DOM it ends with. The script is read as UTF-8 (a WebAssembly module may be inlined in it);
 * `head` goes into the page's <head> (a Content-Security-Policy, say).
 */
export async function renderBundledPage(entry: string, head = ''): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'micrograd-bundle-'));
  try {
    await build({
      configFile: false,
      logLevel: 'silent',
      plugins: [noNodeBuiltins],
      build: {
        outDir: out,
        emptyOutDir: false,
        minify: false,
        lib: { entry, formats: ['iife'], name: 'page', fileName: () => 'page.js' },
      },
    });
    writeFileSync(
      join(out, 'index.html'),
      `<!doctype html><html><head><meta charset="utf-8">${head}<title>pending</title></head>` +
        '<body><script src="page.js"></script></body></html>',
    );
    return await chromiumDom(`file://${join(out, 'index.html')}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
