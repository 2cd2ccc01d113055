// picture: the shared output side of graphs and plots — SVG to PNG, and files chosen by extension.
//
// Rasterizing (resvg) and writing files need Node. They are loaded through a computed specifier so
// browser bundlers leave them out; in a browser those two calls fail with a clear message instead.

import { MissingPackageError } from './loadOptional.js';
import type { PngOptions } from './svgToPng.js';

/** What a picture renders to: `svg` text (anywhere) or `png` bytes (Node only). */
export type PictureFormat = 'svg' | 'png';

async function nodeOnly<T>(specifier: string, what: string): Promise<T> {
  try {
    return (await import(/* @vite-ignore */ specifier)) as T;
  } catch (err) {
    if (err instanceof MissingPackageError) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`${what} needs Node.js (could not load ${specifier}: ${why})`);
  }
}

/**
 * SVG text → PNG bytes (Node only). Default scale 2, less if the PNG would pass 16,384 px a side or
 * 16 megapixels; an explicit scale past those limits is a RangeError (see svgToPng).
 */
export async function rasterize(svg: string, opts: PngOptions = {}): Promise<Uint8Array> {
  const specifier = './svgToPng.js';
  const mod = await nodeOnly<typeof import('./svgToPng.js')>(specifier, 'PNG output');
  return mod.svgToPng(svg, opts);
}

/** The lower-case extension of `path` if it is one of `allowed`, else a RangeError naming the choices. */
export function formatFromPath<F extends string>(path: string, allowed: readonly F[]): F {
  if (typeof path !== 'string' || path === '') {
    throw new TypeError(`expected an output file name, got ${JSON.stringify(path)}`);
  }
  const dot = path.lastIndexOf('.');
  const ext = dot > path.lastIndexOf('/') ? path.slice(dot + 1).toLowerCase() : '';
  if ((allowed as readonly string[]).includes(ext)) return ext as F;
  const choices = allowed.map((f) => `.${f}`).join(', ');
  throw new RangeError(
    `cannot tell the format of ${JSON.stringify(path)}: expected a file name ending in ${choices}`,
  );
}

let tmpCount = 0;

/** A tag no other write shares: this process's id and a counter (all randomness in the library is seeded). */
function tmpTag(): string {
  const pid = (globalThis as { process?: { pid?: number } }).process?.pid ?? 0;
  return `${pid}-${tmpCount++}`;
}

/**
 * Write text or bytes to `path` (Node only) through a temporary file renamed into place, so a failed or
 * killed write leaves the previous file whole; a one-line error if the path cannot be written.
 */
export async function writeOutput(path: string, content: string | Uint8Array): Promise<void> {
  const fs = await nodeOnly<typeof import('node:fs/promises')>('node:fs/promises', 'Saving a file');
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '.' : path.slice(0, slash) || '/';
  const tmp = `${slash < 0 ? '' : path.slice(0, slash + 1)}.${path.slice(slash + 1)}.${tmpTag()}.tmp`;
  try {
    await fs.writeFile(tmp, content);
    await fs.rename(tmp, path);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    const code = (err as { code?: string }).code;
    // ENOENT with an existing folder (/proc, /sys) means the folder takes no new files.
    const folderExists =
      code === 'ENOENT' &&
      (await fs.stat(folder).then(
        (st) => st.isDirectory(),
        () => false,
      ));
    const why =
      code === 'ENOENT'
        ? folderExists
          ? `the folder ${folder} takes no new files`
          : 'its folder does not exist'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : code;
    throw new Error(`cannot write ${path}: ${why ?? String(err)}`);
  }
}

/** Render an SVG-backed picture to 'svg' text or 'png' bytes; anything else is a RangeError. */
export async function renderPicture(
  format: unknown,
  svg: () => Promise<string>,
  png?: PngOptions,
): Promise<string | Uint8Array> {
  if (format === 'svg') return svg();
  if (format === 'png') return rasterize(await svg(), png);
  throw new RangeError(
    `render(format): expected 'svg' or 'png', got ${JSON.stringify(format) ?? String(format)}`,
  );
}
