// screenshotDir: where e2e screenshots go — out/screenshots (ignored) unless SCREENSHOTS names a folder,
// e.g. SCREENSHOTS=docs/screenshots to refresh the committed ones.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const chosen = process.env['SCREENSHOTS'];
export const SHOTS: URL =
  chosen === undefined || chosen === ''
    ? new URL('../../out/screenshots/', import.meta.url)
    : pathToFileURL(`${resolve(chosen)}/`);
