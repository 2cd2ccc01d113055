// checkKeys: an options object may only carry known keys; a typo is a TypeError naming it and the known ones.

import { describe } from './describe.js';

/**
 * Throw a TypeError if `opts` has an own key outside `known` (a misspelt option would otherwise be
 * silently ignored). `what` names the object in the message, e.g. "opts".
 */
export function checkKeys(opts: object, known: readonly string[], where: string, what = 'opts'): void {
  for (const key of Reflect.ownKeys(opts)) {
    if (typeof key === 'string' && known.includes(key)) continue;
    const shown =
      typeof key === 'string' ? JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key) : 'a symbol';
    throw new TypeError(`${where}: unknown option ${shown} in ${what} (known: ${known.join(', ')})`);
  }
}

/**
 * `opts` as a record after checking it is a plain options object (undefined gives {}) with only known
 * keys. Every options object of the library goes through here.
 */
export function checkOptions(
  opts: unknown,
  known: readonly string[],
  where: string,
  what = 'opts',
): Record<string, unknown> {
  if (opts === undefined) return {};
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new TypeError(
      `${where}: expected ${what} to be an object, got ${describe(opts)} (known keys: ${known.join(', ')})`,
    );
  }
  checkKeys(opts, known, where, what);
  return opts as Record<string, unknown>;
}
