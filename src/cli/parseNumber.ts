// parseNumber: a command-line number the way Python's float() reads it (inf, -inf and nan included).

import { InvalidArgumentError } from 'commander';

const SPECIAL: Record<string, number> = {
  inf: Infinity,
  '+inf': Infinity,
  '-inf': -Infinity,
  infinity: Infinity,
  '+infinity': Infinity,
  '-infinity': -Infinity,
  nan: NaN,
};

/** The number in `text`, or an InvalidArgumentError that quotes it (`what` names the flag). */
export function parseNumber(text: string, what: string): number {
  const t = text.trim();
  const special = SPECIAL[t.toLowerCase()];
  if (special !== undefined) return special;
  const x = t === '' ? NaN : Number(t);
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
