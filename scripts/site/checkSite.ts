// `npm run site:check`: the link check over the built site on disk, starting from every HTML file in it.

import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkLinks, type Loader } from './checkLinks.js';

/** Read file: URLs from disk; a missing file is a broken link. */
export const fileLoader: Loader = async (url) => {
  try {
    const path = fileURLToPath(url);
    if (!/\.html?$/i.test(path)) {
      await readFile(path); // exists and is a readable file (a folder is not: file servers need index.html spelled out)
      return { ok: true };
    }
    return { ok: true, html: await readFile(path, 'utf8') };
  } catch (err) {
    return { ok: false, reason: (err as NodeJS.ErrnoException).code ?? String(err) };
  }
};

/** Check every HTML file under `dir`; returns the broken links and how many pages were read. */
export async function checkSiteFolder(dir: string): Promise<Awaited<ReturnType<typeof checkLinks>>> {
  const base = pathToFileURL(resolve(dir) + '/');
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const pages = entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => pathToFileURL(join(e.parentPath, e.name)));
  if (pages.length === 0) throw new Error(`${dir} holds no HTML: run npm run site first`);
  return checkLinks(base, pages, fileLoader);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'site');
  const { broken, pages, checked } = await checkSiteFolder(dir);
  for (const b of broken) console.error(`${b.page}: ${b.href} — ${b.reason}`);
  console.log(`${pages} pages, ${checked} internal URLs checked, ${broken.length} broken`);
  process.exitCode = broken.length === 0 ? 0 : 1;
}
