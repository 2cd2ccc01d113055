// shippedFonts: the DejaVu Sans files PNG rendering hands to resvg, so text never depends on system fonts.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { missingPackageError } from './loadOptional.js';

// Every picture asks for DejaVu Sans (drawDot's nodes, the charts' config); Vega's titles are bold.
const FILES = [
  'DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf',
  'DejaVuSans-Oblique.ttf',
  'DejaVuSans-BoldOblique.ttf',
];

/** Paths of the DejaVu Sans files from the `dejavu-fonts-ttf` package (Node only). */
export function shippedFonts(): string[] {
  let pkg: string;
  try {
    pkg = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json');
  } catch {
    throw missingPackageError(['dejavu-fonts-ttf'], 'PNG output (the font for its text)');
  }
  return FILES.map((file) => join(dirname(pkg), 'ttf', file));
}
