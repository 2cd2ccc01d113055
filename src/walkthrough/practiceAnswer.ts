// practiceAnswer: read a learner's typed gradient (`-1.5`, `0.5`, `1/2`, `1 − 0.7071**2`) and judge it.

import { parse } from '../expr/parse.js';

/** What a typed answer came to: its number, or why it is not one. */
export type ReadAnswer =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly why: string };

/** How close counts as right: 1e-3 of the true grad, relative. */
export const RELATIVE_TOLERANCE = 1e-3;
/** …or the true grad as the pass writes it, to four decimals (half a unit in the fourth place). */
export const SHOWN_TOLERANCE = 5e-5;

/**
 * Read an answer as a number. Arithmetic on numbers is accepted through the expression language (no eval):
 * `1/2`, `-3/2`, `1 - 0.7071**2`; `−` (U+2212), `·` and `×` are read as `-` and `*`, a decimal comma is not.
 */
export function readAnswer(text: string): ReadAnswer {
  if (typeof text !== 'string') return { ok: false, why: 'expected the answer as text' };
  const t = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/[·×]/g, '*');
  if (t === '') return { ok: false, why: 'type a number, such as -1.5 or 1/2' };
  try {
    const e = parse(t);
    if (e.variables.length > 0) {
      return {
        ok: false,
        why: `type a number, not a name (${e.variables.join(', ')}): such as -1.5 or 1/2`,
      };
    }
    const value = e.evaluate({});
    if (!Number.isFinite(value)) return { ok: false, why: `${text.trim()} is not a finite number` };
    return { ok: true, value };
  } catch {
    return { ok: false, why: `${JSON.stringify(text.trim())} is not a number such as -1.5 or 1/2` };
  }
}

/**
 * Right when within 1e-3 relative of the true grad, or equal to it at the four decimals the pass shows
 * (so 0 is right for a grad of exactly 0, and 0.4200 for 0.41997).
 */
export function isRight(answer: number, expected: number): boolean {
  if (answer === expected) return true;
  const err = Math.abs(answer - expected);
  return err <= RELATIVE_TOLERANCE * Math.abs(expected) || err <= SHOWN_TOLERANCE;
}
