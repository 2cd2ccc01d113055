// parseDecimal: a plain decimal number (`-1.5`, `2e-3`), never JavaScript's hex, octal or binary forms.

// Number('0x10') is 16 and Number('0b1') is 1: a data file or a flag that says 0x10 is a typo, not sixteen.
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The number `text` spells in decimal (surrounding spaces allowed), or NaN. */
export function parseDecimal(text: string): number {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : NaN;
}
