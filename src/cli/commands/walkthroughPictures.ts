// `micrograd walkthrough --out DIR`: write the post's pictures (SVG and PNG) and say where each went.

import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MissingPackageError, missingPackages, PICTURE_PACKAGES } from '../../viz/loadOptional.js';
import { walkthroughPictures } from '../../walkthrough/pictures.js';
import { AtomicFiles } from '../AtomicFiles.js';
import type { Print } from './walkthrough.js';

const WHY: Record<string, string> = {
  ENOENT: 'its parent folder does not exist or takes no new folders',
  EACCES: 'permission denied',
  EROFS: 'read-only file system',
  ENOTDIR: 'a parent is not a folder',
};

/**
 * Refuse `--out` before anything is printed or created when a picture package is missing (graphs need
 * @viz-js/viz, the plot Vega and Vega-Lite, PNGs resvg and the fonts), naming every one in one install
 * command: an empty folder and a failure halfway through help nobody.
 */
export function checkPicturePackages(): void {
  const missing = missingPackages(PICTURE_PACKAGES);
  if (missing.length > 0) {
    throw new MissingPackageError(missing, "walkthrough --out (the post's graphs, plot and their PNGs)");
  }
}

/**
 * Create the pictures folder up front, so a bad --out fails before any output. Only the last level is
 * created: Node's recursive mkdir never returns under /proc.
 */
export async function makePicturesDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    const why = code === 'EEXIST' ? 'it exists and is not a folder' : (WHY[code] ?? (code || String(err)));
    throw new Error(`cannot create the pictures folder ${dir}: ${why}`);
  }
}

/** Render every walkthrough picture into `dir` (created if missing) as .svg and .png, all or none. */
export async function writeWalkthroughPictures(dir: string, print: Print): Promise<void> {
  await makePicturesDir(dir);
  const files = new AtomicFiles(dir);
  const lines: string[] = [];
  try {
    for (const { name, caption, picture } of walkthroughPictures()) {
      files.stage(`${name}.svg`, await picture.render('svg'));
      files.stage(`${name}.png`, await picture.render('png'));
      lines.push(`${join(dir, `${name}.png`)}  (and .svg)  ${caption}`);
    }
  } catch (e) {
    files.abort();
    throw e;
  }
  files.commit();
  print();
  print(`# Pictures (in ${dir})`);
  for (const line of lines) print(line);
}
