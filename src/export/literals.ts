// Literals for generated source: numbers that round-trip exactly, strings that cannot break out of quotes.

import { pyRepr } from '../engine/pyRepr.js';

/** A float64 as Python reads it back bit for bit (repr's shortest round-trip digits, `-0.0` kept). */
export const pyFloat = pyRepr;

/** A float64 as JavaScript reads it back bit for bit (String() drops the sign of -0). */
export function tsNumber(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * A single-quoted literal made only of printable ASCII: every other code point is escaped, so no
 * quote, backslash, newline, U+2028 line separator or bidi control in a label can end the literal or
 * the comment line around it, whatever the file is later decoded as.
 */
function asciiLiteral(s: string, astral: (cp: number) => string): string {
  let out = "'";
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === "'" || ch === '\\') out += `\\${ch}`;
    else if (cp >= 0x20 && cp < 0x7f) out += ch;
    else if (cp <= 0xff) out += `\\x${hex(cp, 2)}`;
    // A lone surrogate arrives here as itself: \udXXX is a valid escape in both languages.
    else if (cp <= 0xffff) out += `\\u${hex(cp, 4)}`;
    else out += astral(cp);
  }
  return `${out}'`;
}

/** A Python str literal of `s`. */
export function pyString(s: string): string {
  return asciiLiteral(s, (cp) => `\\U${hex(cp, 8)}`);
}

/** A JavaScript/TypeScript string literal of `s`. */
export function tsString(s: string): string {
  return asciiLiteral(s, (cp) => `\\u{${hex(cp, 1)}}`);
}
