// Program: a fuzz graph as a list of Value API calls, lowered to a graph spec and printed as TypeScript.
import type { UnaryOpName } from '../../../src/engine/ops.js';
import { noGrad } from '../../../src/engine/noGrad.js';
import { Value } from '../../../src/engine/value.js';
import { CUSTOM_OPS } from '../customOps.js';
import { specFromValue, type GraphSpec } from '../../../src/oracle/graphSpec.js';

/**
 * `neg` and every one-input op but pow (a Value method of the op's name, as the table requires), `detach`,
 * and the suite's unary defineOp op `softplus` (a function, not a method).
 */
export type UnaryMethod = 'neg' | 'detach' | 'softplus' | Exclude<UnaryOpName, 'pow'>;
/**
 * Binary methods, composites included: `sub div rsub rdiv` lower to add/mul/pow inside Value; `pow` with a
 * Value exponent; and the suite's binary defineOp op `hypot`.
 */
export type BinaryMethod = 'add' | 'mul' | 'sub' | 'div' | 'rsub' | 'rdiv' | 'pow' | 'hypot';

/** One call; `a`, `b` index earlier steps, `c` is a plain number operand (`v.sub(3)`, `v.rdiv(2)`). */
export type Step =
  | { t: 'leaf'; value: number }
  | { t: 'unary'; op: UnaryMethod; a: number }
  | { t: 'pow'; a: number; k: number }
  | { t: 'binary'; op: BinaryMethod; a: number; b: number }
  | { t: 'const'; op: BinaryMethod; a: number; c: number }
  /** A binary call made inside noGrad(): its result is a leaf holding the value. */
  | { t: 'noGrad'; op: BinaryMethod; a: number; b: number };

/** Steps in order; the last one is the root. */
export type Program = Step[];

/** Make the Value for step `s` on top of the Values of the steps before it, labelled `v<i>`. */
export function applyStep(vs: Value[], s: Step): Value {
  let v: Value;
  if (s.t === 'leaf') v = new Value(s.value);
  else if (s.t === 'unary') v = s.op === 'softplus' ? CUSTOM_OPS.softplus(vs[s.a]!) : vs[s.a]![s.op]();
  else if (s.t === 'pow') v = vs[s.a]!.pow(s.k);
  else if (s.t === 'binary') v = binary(s.op, vs[s.a]!, vs[s.b]!);
  else if (s.t === 'noGrad') v = noGrad(() => binary(s.op, vs[s.a]!, vs[s.b]!));
  else v = binary(s.op, vs[s.a]!, s.c);
  v.label = `v${vs.length}`;
  vs.push(v);
  return v;
}

function binary(op: BinaryMethod, a: Value, b: Value | number): Value {
  return op === 'hypot' ? CUSTOM_OPS.hypot(a, b) : a[op](b);
}

/** Run the calls with the Value API; one Value per step. */
export function runProgram(p: Program): Value[] {
  const vs: Value[] = [];
  for (const s of p) applyStep(vs, s);
  return vs;
}

export interface Lowered {
  spec: GraphSpec;
  /** What each spec node is, for reports: `v3`, or `v3 < pow(-1)` for a node inside a composite. */
  names: string[];
}

/** The primitive graph the program records (what the oracle and every engine evaluate). */
export function lowerProgram(p: Program): Lowered {
  const vs = runProgram(p);
  const { spec, nodes } = specFromValue(vs[vs.length - 1]!);
  const names = nodes.map((v) => {
    if (v.label !== '') return v.label;
    if (v.opName === undefined) return `const ${tsNumber(v.data)}`;
    const ins = v.children.map((c) => c.label || '·').join(', ');
    return `(${v.op} of ${ins})`;
  });
  return { spec, names };
}

/** A number as TypeScript source that evaluates to exactly it. */
export function tsNumber(x: number): string {
  if (Object.is(x, -0)) return '-0';
  return String(x); // NaN, Infinity, -Infinity and every finite double round-trip through String
}

/** TypeScript that rebuilds the program with the Value API and runs backward. */
export function programToTypeScript(p: Program): string {
  const lines = p.map((s, i) => {
    const rhs =
      s.t === 'leaf'
        ? `new Value(${tsNumber(s.value)})`
        : s.t === 'unary'
          ? s.op === 'softplus'
            ? `softplus(v${s.a})`
            : `v${s.a}.${s.op}()`
          : s.t === 'pow'
            ? `v${s.a}.pow(${tsNumber(s.k)})`
            : s.t === 'binary'
              ? call(s.op, `v${s.a}`, `v${s.b}`)
              : s.t === 'noGrad'
                ? `noGrad(() => ${call(s.op, `v${s.a}`, `v${s.b}`)})`
                : call(s.op, `v${s.a}`, tsNumber(s.c));
    return `const v${i} = ${rhs};`;
  });
  lines.push(`v${p.length - 1}.backward();`);
  const custom = p.some((s) => 'op' in s && (s.op === 'softplus' || s.op === 'hypot'))
    ? ['// softplus and hypot as defined in test/parity/customOps.ts']
    : [];
  return [`import { noGrad, Value } from 'micrograd-ts';`, ...custom, '', ...lines].join('\n');
}

const call = (op: BinaryMethod, a: string, b: string): string =>
  op === 'hypot' ? `hypot(${a}, ${b})` : `${a}.${op}(${b})`;

/** The steps a step reads. */
export function stepInputs(s: Step): number[] {
  if (s.t === 'leaf') return [];
  if (s.t === 'binary' || s.t === 'noGrad') return [s.a, s.b];
  return [s.a];
}

/** Drop steps the root does not read and renumber the rest. */
export function pruneProgram(p: Program, root = p.length - 1): Program {
  const keep = new Array<boolean>(p.length).fill(false);
  keep[root] = true;
  for (let i = root; i >= 0; i--) if (keep[i]) for (const j of stepInputs(p[i]!)) keep[j] = true;
  const newIndex: number[] = [];
  const out: Program = [];
  for (let i = 0; i <= root; i++) {
    if (!keep[i]) continue;
    newIndex[i] = out.length;
    out.push(remap(p[i]!, (j) => newIndex[j]!));
  }
  return out;
}

/** The step with its input indices mapped through `f`. */
export function remap(s: Step, f: (i: number) => number): Step {
  if (s.t === 'leaf') return s;
  if (s.t === 'binary' || s.t === 'noGrad') return { ...s, a: f(s.a), b: f(s.b) };
  return { ...s, a: f(s.a) };
}
