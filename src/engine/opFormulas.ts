// opFormulas: each primitive op's local derivatives written as formulas, beside the op table (ops.ts).
//
// The op table computes ∂out/∂input; this record says it in words a reader can follow (`1 − out²`). Each
// formula is written in a tiny arithmetic over the placeholders `a`, `b` (the inputs), `out` (the node's
// value) and `k` (pow's exponent): numbers, + - * / **, parentheses and `cond ? x : y`. The typed record
// makes a missing op a compile error; test/engine/opFormulas.test.ts evaluates every formula against the
// table's derivative.

import type { BinaryOpName, OpName } from './ops.js';

/** A derivative as text over the placeholders `a`, `b`, `out`, `k` (see the header). */
export type FormulaText = string;

export interface UnaryOpFormula {
  /** ∂out/∂a. */
  readonly da: FormulaText;
}
export interface BinaryOpFormula extends UnaryOpFormula {
  /** ∂out/∂b. */
  readonly db: FormulaText;
}
export type OpFormula<K extends OpName = OpName> = K extends BinaryOpName ? BinaryOpFormula : UnaryOpFormula;

/** One entry per op of the table; a new op without its formulas does not compile. */
export const OP_FORMULAS: { readonly [K in OpName]: OpFormula<K> } = {
  add: { da: '1', db: '1' },
  mul: { da: 'b', db: 'a' },
  pow: { da: 'k * a**(k - 1)' },
  tanh: { da: '1 - out**2' },
  exp: { da: 'out' },
  relu: { da: 'out > 0 ? 1 : 0' },
  log: { da: '1 / a' },
  sigmoid: { da: 'out * (1 - out)' },
};

/** What each placeholder stands for when a formula is written out: a name, or a number. */
export interface FormulaBindings {
  readonly a: string;
  readonly b?: string;
  readonly out: string;
  /** pow's exponent, always written as a number. */
  readonly k?: number;
}

const TOKEN = /\s*(\d+(?:\.\d+)?|[A-Za-z_]\w*|\*\*|[-+*/()?:>])/gy;
const SIMPLE = /^[A-Za-z_][A-Za-z0-9_]*$|^\d+(?:\.\d+)?$/;
// An exponent written without parentheses: a plain number, negative too (`**-1`, as Python reads it).
const BARE_EXPONENT = /^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?$|^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Write a formula out for people: placeholders replaced by `bindings` (names or numbers), `−` and `·` for
 * minus and times, `1 if c else 0` for a condition, and every power as `**` with its exponent, as the
 * graph's op node (`**-1`) and the expression language write it: `o**2`, `t15**-2`, `a**(b − 1)`. A binding
 * that is not a single name or a plain number is parenthesized unless it is the whole formula
 * (`∂(x1*w1)/∂x1 = w1`, but `1 − (x1*w1 + b)**2`). `k − 1` with a known k is folded to its value.
 */
export function writeFormula(text: FormulaText, bindings: FormulaBindings): string {
  const tokens = tokenize(text);
  const alone = tokens.length === 1;
  const bound = (t: string): string => {
    if (!/^[A-Za-z_]/.test(t)) return t;
    return t === 'a'
      ? bindings.a
      : t === 'b'
        ? (bindings.b ?? 'b')
        : t === 'out'
          ? bindings.out
          : t === 'k'
            ? String(bindings.k ?? 'k')
            : t;
  };
  const word = (t: string): string => {
    if (!/^[A-Za-z_]/.test(t)) return t;
    const raw = bound(t);
    return alone || SIMPLE.test(raw) ? raw : `(${raw})`;
  };
  // Fold `(k - 1)` first, so `a**(k - 1)` reads `a**-2` rather than `a**(-1 − 1)`.
  const folded: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (bindings.k !== undefined && tokens.slice(i, i + 5).join(' ') === '( k - 1 )') {
      // Twelve significant digits: k = 1.1 folds to 0.1, not 0.10000000000000009.
      folded.push(`#${Number((bindings.k - 1).toPrecision(12))}`);
      i += 4;
    } else folded.push(tokens[i]!);
  }
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const t = folded[i]!;
    if (t === '**') {
      const next = folded[i + 1]!;
      // A parenthesized exponent (`a**(b - 1)` with no k to fold) is written on as it comes.
      if (next === '(') out += '**';
      else {
        i++;
        const exponent = next.startsWith('#') ? next.slice(1) : bound(next);
        if (exponent === '1') continue; // a**1 is a
        out += BARE_EXPONENT.test(exponent) ? `**${exponent}` : `**(${exponent})`;
      }
    } else if (t === '?') {
      // `c ? x : y` → `x if c else y`: the whole formula so far is the condition.
      const yes = folded[++i]!;
      const no = folded[i + 2]!;
      out = `${word(yes)} if ${out} else ${word(no)}`;
      i += 2;
    } else if (t === '*') out += '·';
    else if (t === '-') out += ' − ';
    else if (t === '+' || t === '/' || t === '>') out += ` ${t} `;
    else if (t.startsWith('#')) out += t.slice(1);
    else out += word(t);
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) tokens.push(m[1]!);
  return tokens;
}
