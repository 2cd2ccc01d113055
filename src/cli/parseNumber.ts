// parseNumber: a command-line number the way Python's float() reads it (inf, -inf and nan included).

import { InvalidArgumentError } from 'commander';
import { parseDecimal } from '../data/parseDecimal.js';

// A Map, not an object literal: SPECIAL['constructor'] on an object would find Object's constructor.
const SPECIAL = new Map<string, number>(
  Object.entries({
    inf: Infinity,
    '+inf': Infinity,
    '-inf': -Infinity,
    infinity: Infinity,
    '+infinity': Infinity,
    '-infinity': -Infinity,
    nan: NaN,
  }),
);

/** The number in `text`, or an InvalidArgumentError that quotes it (`what` names the flag). */
export function parseNumber(text: string, what: string): number {
  const t = text.trim();
  const special = SPECIAL.get(t.toLowerCase());
  if (special !== undefined) return special;
  const x = parseDecimal(t);
  if (Number.isNaN(x))
    throw new InvalidArgumentError(`${what}: expected a number, got ${JSON.stringify(text)}`);
  return x;
}

/** A positive integer flag value. */
export function parsePositiveInt(text: string, what: string): number {
  const x = parseNumber(text, what);
  if (!Number.isInteger(x) || x < 1) {
    throw new InvalidArgumentError(`${what}: expected a positive integer, got ${JSON.stringify(text)}`);
  }
  return x;
}
