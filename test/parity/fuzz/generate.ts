// generateProgram: seeded random DAGs over every op, valued so most nodes stay finite but edges occur.
import { Rng } from '../../../src/data/Rng.js';
import { OP_NAMES, OPS, type OpName, type UnaryOpName } from '../../../src/engine/ops.js';
import type { Value } from '../../../src/engine/value.js';
import { applyStep, type BinaryMethod, type Program, type Step, type UnaryMethod } from './program.js';

const SPECIAL_LEAVES = [0, -0, 1, -1, 2, -2, 0.5, 1e-8, -1e-8, 30, -30, 800, -800, 1e200, -1e200];
const RARE_LEAVES = [NaN, Infinity, -Infinity];
const CONSTANTS = [0, 1, -1, 2, -2, 0.5, 3, -0.25, 10];
const EXPONENTS = [0, 1, 2, 3, 4, -1, -2, -3, 0.5, -0.5, 1.5, -1.5, 1 / 3, 2.5];
// Every one-input op of the table is fuzzed as soon as it exists (its Value method has its name).
const isUnaryMethod = (op: OpName): op is Exclude<UnaryOpName, 'pow'> => OPS[op].arity === 1 && op !== 'pow';
// …with detach (a leaf in the graph) and the suite's defineOp ops (customOps.ts).
const UNARY: readonly UnaryMethod[] = ['neg', 'detach', 'softplus', ...OP_NAMES.filter(isUnaryMethod)];
const BINARY: readonly BinaryMethod[] = ['add', 'mul', 'sub', 'div', 'rsub', 'rdiv', 'pow', 'hypot'];

function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[rng.int(xs.length)]!;
}

function leafValue(rng: Rng): number {
  const r = rng.random();
  if (r < 0.45) return (rng.int(49) - 24) / 8; // exact eighths in [-3, 3]: sums and products stay exact
  if (r < 0.85) return rng.uniform(-3, 3);
  if (r < 0.98) return pick(rng, SPECIAL_LEAVES);
  return pick(rng, RARE_LEAVES);
}

/**
 * Choose an input for a new step. Mostly the newest node (chains grow), else any earlier one
 * (shared subexpressions). `want` steers towards inputs where the op is defined, most of the time.
 */
function chooseInput(rng: Rng, vs: readonly Value[], want?: (x: number) => boolean): number {
  const n = vs.length;
  const draw = (): number => (rng.random() < 0.45 ? n - 1 : rng.int(n));
  let i = draw();
  if (want !== undefined && rng.random() < 0.85) {
    for (let tries = 0; tries < 6 && !want(vs[i]!.data); tries++) i = draw();
  }
  return i;
}

const positive = (x: number): boolean => x > 0 && x < 1e100;
const moderate = (x: number): boolean => Math.abs(x) < 30;

function randomStep(rng: Rng, vs: readonly Value[]): Step {
  const r = rng.random();
  if (r < 0.08) return { t: 'leaf', value: leafValue(rng) };
  if (r < 0.45) {
    const op = pick(rng, UNARY);
    const want = op === 'log' || op === 'sqrt' ? positive : op === 'exp' ? moderate : undefined;
    return { t: 'unary', op, a: chooseInput(rng, vs, want) };
  }
  if (r < 0.55) {
    const k = pick(rng, EXPONENTS);
    const want = Number.isInteger(k) ? (k < 0 ? (x: number) => x !== 0 && moderate(x) : moderate) : positive;
    return { t: 'pow', a: chooseInput(rng, vs, want), k };
  }
  const op = pick(rng, BINARY);
  // pow with a Value exponent: mostly a positive base and a small exponent, sometimes anything (a ≤ 0).
  const a = chooseInput(rng, vs, op === 'pow' ? positive : moderate);
  if (op === 'pow' && rng.random() >= 0.3) {
    const b = chooseInput(rng, vs, (x) => Math.abs(x) < 4);
    return rng.random() < 0.1 ? { t: 'noGrad', op, a, b } : { t: 'binary', op, a, b };
  }
  if (rng.random() < 0.3) {
    const c = rng.random() < 0.7 ? pick(rng, CONSTANTS) : rng.uniform(-5, 5);
    return { t: 'const', op, a, c };
  }
  const divides = op === 'div' || op === 'rdiv';
  const nonzero = (x: number): boolean => x !== 0 && moderate(x);
  // `a + a`, `a * a`, `a / a`: the same node as both inputs.
  const b = rng.random() < 0.12 ? a : chooseInput(rng, vs, divides ? nonzero : moderate);
  // Now and then the call is made inside noGrad(): its result is a leaf.
  return rng.random() < 0.04 ? { t: 'noGrad', op, a, b } : { t: 'binary', op, a, b };
}

/** Append `p[i]` for every step nobody reads, summed, so every node reaches the root. */
function sumDangling(p: Program): void {
  const used = new Array<boolean>(p.length).fill(false);
  for (const s of p)
    if (s.t !== 'leaf')
      for (const j of s.t === 'binary' || s.t === 'noGrad' ? [s.a, s.b] : [s.a]) used[j] = true;
  const dangling = p.map((_, i) => i).filter((i) => !used[i]);
  let acc = dangling[0]!;
  for (const j of dangling.slice(1)) {
    p.push({ t: 'binary', op: 'add', a: acc, b: j });
    acc = p.length - 1;
  }
}

/** Shapes: mixed DAGs mostly, plus long chains and wide sums. */
export function generateProgram(rng: Rng): Program {
  const shape = rng.random();
  const p: Program = [];
  const vs: Value[] = [];
  const push = (s: Step): void => {
    p.push(s);
    applyStep(vs, s);
  };
  const leaves = 1 + rng.int(5);
  for (let i = 0; i < leaves; i++) push({ t: 'leaf', value: leafValue(rng) });
  if (shape < 0.1) {
    // A long chain: each step reads the one before.
    const len = 30 + rng.int(50);
    for (let i = 0; i < len; i++) {
      const s = randomStep(rng, [vs[vs.length - 1]!]);
      push(s.t === 'leaf' ? s : remapLast(s, p.length - 1, rng, p.length));
    }
  } else if (shape < 0.2) {
    // A wide sum over many terms of a few leaves.
    const terms = 20 + rng.int(40);
    let acc = -1;
    for (let i = 0; i < terms; i++) {
      push(randomStep(rng, vs.slice(0, leaves)));
      const t = p.length - 1;
      if (acc >= 0) {
        push({ t: 'binary', op: 'add', a: acc, b: t });
        acc = p.length - 1;
      } else acc = t;
    }
  } else {
    const n = 3 + rng.int(25);
    for (let i = 0; i < n; i++) push(randomStep(rng, vs));
  }
  sumDangling(p);
  return p;
}

/** A step drawn against a one-node view, pointed at the real last node (binary b: any earlier). */
function remapLast(s: Step, last: number, rng: Rng, n: number): Step {
  if (s.t === 'leaf') return s;
  if (s.t === 'binary' || s.t === 'noGrad')
    return { ...s, a: last, b: rng.random() < 0.2 ? last : rng.int(n) };
  return { ...s, a: last };
}
