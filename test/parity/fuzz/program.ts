// Program: a fuzz graph as a list of Value API calls, lowered to a graph spec and printed as TypeScript.
import { Value } from '../../../src/engine/value.js';
import { specFromValue, type GraphSpec } from '../../../src/oracle/graphSpec.js';

export type UnaryMethod = 'neg' | 'tanh' | 'exp' | 'relu' | 'log' | 'sigmoid';
/** Binary methods, composites included: `sub div rsub rdiv` lower to add/mul/pow inside Value. */
export type BinaryMethod = 'add' | 'mul' | 'sub' | 'div' | 'rsub' | 'rdiv';

/** One call; `a`, `b` index earlier steps, `c` is a plain number operand (`v.sub(3)`, `v.rdiv(2)`). */
export type Step =
  | { t: 'leaf'; value: number }
  | { t: 'unary'; op: UnaryMethod; a: number }
  | { t: 'pow'; a: number; k: number }
  | { t: 'binary'; op: BinaryMethod; a: number; b: number }
  | { t: 'const'; op: BinaryMethod; a: number; c: number };

/** Steps in order; the last one is the root. */
export type Program = Step[];

/** Make the Value for step `s` on top of the Values of the steps before it, labelled `v<i>`. */
export function applyStep(vs: Value[], s: Step): Value {
  let v: Value;
  if (s.t === 'leaf') v = new Value(s.value);
  else if (s.t === 'unary') v = vs[s.a]![s.op]();
  else if (s.t === 'pow') v = vs[s.a]!.pow(s.k);
  else if (s.t === 'binary') v = vs[s.a]![s.op](vs[s.b]!);
  else v = vs[s.a]![s.op](s.c);
  v.label = `v${vs.length}`;
  vs.push(v);
  return v;
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
          ? `v${s.a}.${s.op}()`
          : s.t === 'pow'
            ? `v${s.a}.pow(${tsNumber(s.k)})`
            : s.t === 'binary'
              ? `v${s.a}.${s.op}(v${s.b})`
              : `v${s.a}.${s.op}(${tsNumber(s.c)})`;
    return `const v${i} = ${rhs};`;
  });
  lines.push(`v${p.length - 1}.backward();`);
  return lines.join('\n');
}

/** The steps a step reads. */
export function stepInputs(s: Step): number[] {
  if (s.t === 'leaf') return [];
  if (s.t === 'binary') return [s.a, s.b];
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
  if (s.t === 'binary') return { ...s, a: f(s.a), b: f(s.b) };
  return { ...s, a: f(s.a) };
}
