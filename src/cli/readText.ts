// readText: a file (or standard input, as `-`) read as text, whichever Unicode encoding its byte-order mark names.

import { readFileSync } from 'node:fs';
import { CliError } from './CliError.js';

/** What a failed read means, in words (a Map: codes are looked up, never inherited). */
export const READ_ERRORS = new Map([
  ['ENOENT', 'no such file'],
  ['EACCES', 'permission denied'],
  ['EISDIR', 'it is a folder, not a file'],
  ['ENOTDIR', 'a parent in the path is not a folder'],
]);

/**
 * Bytes as text: UTF-16 (little- or big-endian) when a byte-order mark says so — what spreadsheets on
 * Windows save as "Unicode text" — else UTF-8 (a UTF-8 mark is left for the parsers, which skip it).
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}

/** Read `path` (`-`: standard input) as text; a failure is one line naming `flag` and the reason. */
export function readText(path: string, flag: string): string {
  try {
    return decodeText(readFileSync(path === '-' ? 0 : path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new CliError(
      `${flag} ${path}: ${READ_ERRORS.get(code) ?? `cannot read it (${code || String(e)})`}`,
    );
  }
}
