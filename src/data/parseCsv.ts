// parseCsv: numeric CSV text (feature columns, then a label column) into a Dataset, with line-numbered errors.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import type { Dataset } from './Dataset.js';
import { parseDecimal } from './parseDecimal.js';

/** The options of `parseCsv`. */
export interface CsvOptions {
  /** Column separator. Default ','. */
  delimiter?: string;
  /** Where the label is: the last column (default), the first, or `none` (points only: every column a feature, `y` empty). */
  labelColumn?: 'last' | 'first' | 'none';
}

/**
 * Lines of numbers, e.g. `0.5,-0.2,1`, ended by LF, CRLF or CR alone. A first line with no number in it is
 * taken as a header (a delimiter at its end adds no column); blank lines and lines starting with `#` are
 * skipped. Every row must have the same number of columns, at least two (one
 * with `labelColumn: 'none'`). Only plain numbers are accepted (no quoting): this reads points, not general
 * spreadsheets.
 *
 * @param text - The CSV text.
 * @param opts - `delimiter`, `labelColumn`.
 * @returns The points and labels.
 * @throws TypeError when `text` is not a string or an option is bad.
 * @throws RangeError naming the line (and column) of a row with the wrong number of columns or a cell
 * that is not a finite number, when there are no data rows, or when the text holds NUL characters (UTF-16
 * read as UTF-8).
 */
export function parseCsv(text: string, opts: CsvOptions = {}): Dataset {
  if (typeof text !== 'string')
    throw new TypeError(`parseCsv(text): expected text to be a string, got ${describe(text)}`);
  checkOptions(opts, ['delimiter', 'labelColumn'], 'parseCsv(text, opts)');
  const delimiter = opts.delimiter ?? ',';
  if (typeof delimiter !== 'string' || delimiter.length !== 1) {
    throw new TypeError(
      `parseCsv(text, opts): expected opts.delimiter to be one character, got ${describe(delimiter)}`,
    );
  }
  const labelColumn = opts.labelColumn ?? 'last';
  if (labelColumn !== 'last' && labelColumn !== 'first' && labelColumn !== 'none') {
    throw new TypeError(
      `parseCsv(text, opts): expected opts.labelColumn to be "last", "first" or "none", got ${describe(labelColumn)}`,
    );
  }
  // UTF-16 text decoded as UTF-8 (or Latin-1) shows a NUL beside every ASCII character.
  if (text.includes('\0')) {
    throw new RangeError(
      'parseCsv: the text holds NUL characters, as UTF-16 read as UTF-8 does: save the file as UTF-8',
    );
  }
  const minWidth = labelColumn === 'none' ? 1 : 2;
  const labelAt = (width: number): number =>
    labelColumn === 'last' ? width - 1 : labelColumn === 'first' ? 0 : -1;
  const X: number[][] = [];
  const y: number[] = [];
  let width = -1;
  let sawData = false;
  // A byte-order mark is an encoding marker, not part of the first cell.
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);
  lines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(delimiter).map((c) => c.trim());
    const nums = cells.map(parseDecimal);
    if (!sawData && width === -1) {
      // A header (no cell a number) fixes the column count and holds no data; a delimiter ending it, as
      // some spreadsheets write, adds no column.
      const names = cells.length > 1 && cells[cells.length - 1] === '' ? cells.slice(0, -1) : cells;
      if (names.every((c) => c !== '' && !Number.isFinite(parseDecimal(c)))) {
        width = names.length;
        return;
      }
    }
    if (width === -1) width = cells.length;
    if (cells.length !== width) {
      throw new RangeError(`parseCsv: line ${lineNo}: expected ${width} columns, got ${cells.length}`);
    }
    if (width < minWidth)
      throw new RangeError(`parseCsv: line ${lineNo}: expected at least 2 columns (features and a label)`);
    const bad = nums.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      const label = bad === labelAt(width);
      throw new RangeError(
        `parseCsv: line ${lineNo}, column ${bad + 1}${label ? ' (the label)' : ''}: expected a ${label ? 'number (a class index 0, 1, … or a regression target)' : 'finite number'}, got ${JSON.stringify(cells[bad])}`,
      );
    }
    sawData = true;
    if (labelColumn === 'none') {
      X.push(nums.slice(0, width));
    } else if (labelColumn === 'last') {
      y.push(nums[width - 1]!);
      X.push(nums.slice(0, width - 1));
    } else {
      y.push(nums[0]!);
      X.push(nums.slice(1));
    }
  });
  if (!sawData) throw new RangeError('parseCsv: no data rows (only blank lines, comments or a header)');
  return { X, y };
}
