// parseCsv: numeric CSV text (feature columns, then a label column) into a Dataset, with line-numbered errors.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import type { Dataset } from './Dataset.js';
import { parseDecimal } from './parseDecimal.js';

export interface CsvOptions {
  /** Column separator. Default ','. */
  delimiter?: string;
  /** Where the label is: the last column (default) or the first. */
  labelColumn?: 'last' | 'first';
}

/**
 * Lines of numbers, e.g. `0.5,-0.2,1`. A first line that is not all numbers is taken as a header; blank
 * lines and lines starting with `#` are skipped. Every row must have the same number of columns, at least
 * two. Only plain numbers are accepted (no quoting): this reads points, not general spreadsheets.
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
  if (labelColumn !== 'last' && labelColumn !== 'first') {
    throw new TypeError(
      `parseCsv(text, opts): expected opts.labelColumn to be "last" or "first", got ${describe(labelColumn)}`,
    );
  }
  const X: number[][] = [];
  const y: number[] = [];
  let width = -1;
  let sawData = false;
  // A byte-order mark is an encoding marker, not part of the first cell.
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r?\n/);
  lines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const cells = line.split(delimiter).map((c) => c.trim());
    const nums = cells.map(parseDecimal);
    const allNumbers = nums.every((v) => Number.isFinite(v));
    if (
      !sawData &&
      width === -1 &&
      !allNumbers &&
      cells.every((c) => c !== '' && !Number.isFinite(parseDecimal(c)))
    ) {
      width = cells.length; // a header: fixes the column count, holds no data
      return;
    }
    if (width === -1) width = cells.length;
    if (cells.length !== width) {
      throw new RangeError(`parseCsv: line ${lineNo}: expected ${width} columns, got ${cells.length}`);
    }
    if (width < 2)
      throw new RangeError(`parseCsv: line ${lineNo}: expected at least 2 columns (features and a label)`);
    const bad = nums.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) {
      throw new RangeError(
        `parseCsv: line ${lineNo}, column ${bad + 1}: expected a finite number, got ${JSON.stringify(cells[bad])}`,
      );
    }
    sawData = true;
    if (labelColumn === 'last') {
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
