// opFormulas: each primitive op's local derivatives written as formulas, beside the op table (ops.ts).
//
// The op table computes ∂out/∂input; this record says it in words a reader can follow (`1 − out**2`). Each
// formula is written in a tiny arithmetic over the placeholders `a`, `b` (the inputs), `out` (the node's
// value) and `k` (pow's exponent): numbers, + - * / **, parentheses, calls such as `cos(a)` and `cond ? x : y`. The typed record
// makes a missing op a compile error; test/engine/opFormulas.test.ts evaluates every formula against the
// table's derivative.

import { registeredOp } from './opRegistry.js';
import { OP_NAMES, type BinaryOpName, type OpName } from './ops.js';

/** A derivative as text over the placeholders `a`, `b`, `out`, `k` (see the header). */
export type FormulaText = string;

/** A one-input op's derivative as text. */
export interface UnaryOpFormula {
  /** ∂out/∂a. */
  readonly da: FormulaText;
}
/** A two-input op's two derivatives as text. */
export interface BinaryOpFormula extends UnaryOpFormula {
  /** ∂out/∂b. */
  readonly db: FormulaText;
}
/**
 * The derivative formulas of op `K` (a BinaryOpFormula for a two-input op, else a UnaryOpFormula), e.g.
 * tanh's `{ da: '1 - out**2' }`; `writeFormula` writes one out for a given node.
 */
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
  sqrt: { da: '1 / (2 * out)' },
  abs: { da: 'sgn(a)' },
  sin: { da: 'cos(a)' },
  cos: { da: '-sin(a)' },
  powValue: { da: 'b * a**(b - 1)', db: 'out * log(a)' },
};

/**
 * The formulas of the op with this code: the record's for a built-in, a registered op's own (defineOp's
 * `formula`, or its name primed when it has none).
 */
export function formulaOf(code: number): { readonly da: FormulaText; readonly db?: FormulaText } {
  return registeredOp(code)?.formula ?? OP_FORMULAS[OP_NAMES[code]!];
}

/** What each placeholder stands for when a formula is written out: a name, or a number. */
export interface FormulaBindings {
  /** What `a`, the first input, is written as. */
  readonly a: string;
  /** What `b`, the second input, is written as (two-input ops). */
  readonly b?: string;
  /** What `out`, the node's own value, is written as. */
  readonly out: string;
  /** pow's exponent, always written as a number. */
  readonly k?: number;
}

// Any other character (a user formula's `σ`) is a token of its own, written as it is.
const TOKEN = /\s*(\d+(?:\.\d+)?|[A-Za-z_]\w*|\*\*|[-+*/()?:>]|\S)/gy;
const SIMPLE = /^[A-Za-z_][A-Za-z0-9_]*$|^\d+(?:\.\d+)?$/;
// An exponent written without parentheses: a plain number, negative too (`**-1`, as Python reads it).
const BARE_EXPONENT = /^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?$|^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Write a formula out for people: placeholders replaced by `bindings` (names or numbers), `−` and `·` for
 * minus and times, `1 if c else 0` for a condition, and every power as `**` with its exponent, as the
 * graph's op node (`**-1`) and the expression language write it: `o**2`, `t15**-2`, `a**(b − 1)`. A binding
 * that is not a single name or a plain number is parenthesized unless it is the whole formula
 * (`∂(x1*w1)/∂x1 = w1`, but `1 − (x1*w1 + b)**2`). `k − 1` with a known k is folded to its value.
 *
 * @param text - A formula over `a`, `b`, `out`, `k`, such as an `OP_FORMULAS` entry.
 * @param bindings - What each placeholder is written as.
 * @returns The formula as a reader sees it.
 * @example
 * ```ts
 * import { OP_FORMULAS, writeFormula } from 'micrograd-ts';
 *
 * const tanh = OP_FORMULAS.tanh.da;
 * console.log(tanh); // → 1 - out**2
 * console.log(writeFormula(tanh, { a: 'n', out: 'o' })); // → 1 − o**2
 * ```
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
  // `bare`: a function's lone argument, already inside the call's parentheses.
  const word = (t: string, bare = false): string => {
    if (!/^[A-Za-z_]/.test(t)) return t;
    const raw = bound(t);
    return alone || bare || SIMPLE.test(raw) ? raw : `(${raw})`;
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
    else if (t === '-')
      out += out === '' || out.endsWith('(') ? '−' : ' − '; // a leading minus is a sign
    else if (t === '+' || t === '/' || t === '>') out += ` ${t} `;
    else if (t === ',') out += ', ';
    else if (t.startsWith('#')) out += t.slice(1);
    // A function's lone argument (`cos(a)`) already sits in the call's parentheses.
    else
      out += word(
        t,
        folded[i - 1] === '(' && folded[i + 1] === ')' && /^[A-Za-z_]/.test(folded[i - 2] ?? ''),
      );
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
