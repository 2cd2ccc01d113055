// readCsv: a CSV file (or standard input) read with the library's parser, its errors in the flag's words.

import { parseCsv, type CsvOptions, type Dataset } from '../data/index.js';
import { CliError } from './CliError.js';
import { readText } from './readText.js';

/** Rows of `path` (`-`: standard input) as `parseCsv` reads them; a failure is one line naming `flag`. */
export function readCsv(path: string, flag: string, opts: CsvOptions = {}): Dataset {
  const text = readText(path, flag);
  try {
    return parseCsv(text, opts);
  } catch (e) {
    const why = (e as Error).message.replace(/^parseCsv: /, '');
    // A word where a class index belongs ("cat"): say what labels are.
    const hint = why.includes('(the label)') ? '; labels are class indices: number the classes 0, 1, …' : '';
    throw new CliError(`${flag} ${path}: ${why}${hint}`);
  }
}
