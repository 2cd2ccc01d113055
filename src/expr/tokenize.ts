// tokenize: split expression text into numbers, names, operators and template holes, with columns.

import { ExprSyntaxError } from './ExprSyntaxError.js';

export type Token =
  | { kind: 'num'; value: number; text: string; col: number }
  | { kind: 'name'; text: string; col: number }
  | { kind: 'op'; text: '+' | '-' | '*' | '/' | '**' | '(' | ')'; col: number }
  | { kind: 'hole'; index: number; text: string; col: number }
  | { kind: 'end'; text: ''; col: number };

/** One piece of source: plain text, or (for the tagged template) the hole that follows it. */
export interface SourcePart {
  text: string;
  /** Index of the template hole after this text, if any. */
  hole?: number;
}

// Python's float literal without underscores: `2`, `2.`, `.5`, `1e-3`, `2.5E+4`.
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Tokenize `parts` as one line of text. Columns count the characters of the displayed source, where a
 * hole shows as `${i}` (the form error messages quote).
 */
export function tokenize(parts: readonly SourcePart[]): Token[] {
  const tokens: Token[] = [];
  let col = 1;
  for (const part of parts) {
    const s = part.text;
    let i = 0;
    while (i < s.length) {
      const c = s[i]!;
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        i++;
        continue;
      }
      const at = col + i;
      NUMBER.lastIndex = i;
      const num = NUMBER.exec(s);
      if (num !== null) {
        const text = num[0];
        tokens.push({ kind: 'num', value: Number(text), text, col: at });
        i += text.length;
        continue;
      }
      NAME.lastIndex = i;
      const name = NAME.exec(s);
      if (name !== null) {
        tokens.push({ kind: 'name', text: name[0], col: at });
        i += name[0].length;
        continue;
      }
      if (c === '*' && s[i + 1] === '*') {
        tokens.push({ kind: 'op', text: '**', col: at });
        i += 2;
        continue;
      }
      if (c === '+' || c === '-' || c === '*' || c === '/' || c === '(' || c === ')') {
        tokens.push({ kind: 'op', text: c, col: at });
        i++;
        continue;
      }
      // ^ is the power in much of mathematics; here, as in Python and JavaScript, it is **.
      const hint = c === '^' ? ': write powers with ** (x**2)' : '';
      throw new ExprSyntaxError(`unexpected character ${JSON.stringify(c)}`, at, hint);
    }
    col += s.length;
    if (part.hole !== undefined) {
      const text = `\${${part.hole}}`;
      tokens.push({ kind: 'hole', index: part.hole, text, col });
      col += text.length;
    }
  }
  tokens.push({ kind: 'end', text: '', col });
  return tokens;
}
