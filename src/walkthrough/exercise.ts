// exercise: a small random graph to practise backprop on, drawn from a seed, written in the expression
// language (one `name = expression` line per op) so a link can carry it and the graph page can build it.

import { Rng } from '../data/Rng.js';
import { describe } from '../engine/describe.js';
import { topoSort, type Value } from '../engine/value.js';
import { parse } from '../expr/parse.js';

export type ExerciseLevel = 1 | 2 | 3;
export const EXERCISE_LEVELS: readonly ExerciseLevel[] = [1, 2, 3];

/** The ops an exercise draws from; `-` and `/` are the composites the walkthrough builds. */
export type ExerciseOp = '+' | '*' | '-' | '/' | 'tanh' | 'exp' | 'pow' | 'relu';

export interface ExerciseLine {
  readonly name: string;
  /** The right-hand side: `a * b`, `tanh(c)`, `d**2`. */
  readonly expression: string;
}

export interface Exercise {
  readonly seed: number;
  readonly level: ExerciseLevel;
  /** One op per line, `name = expression`, the output `o` last. */
  readonly lines: readonly ExerciseLine[];
  /** The same as text (what the graph page's editor and link hold). */
  readonly text: string;
  /** Each input's value: an integer, or a number with one decimal. */
  readonly values: Readonly<Record<string, number>>;
}

interface LevelSpec {
  readonly ops: readonly [min: number, max: number];
  readonly kinds: readonly ExerciseOp[];
  readonly inputs: number;
  /** Inputs may have one decimal (else integers only). */
  readonly decimals: boolean;
  /** A value is used twice: always, sometimes (whatever the draw gives), or never. */
  readonly reuse: 'always' | 'sometimes' | 'never';
  /** At least one of tanh, exp, pow, relu. */
  readonly unary: boolean;
}

const LEVELS: { readonly [L in ExerciseLevel]: LevelSpec } = {
  1: { ops: [3, 3], kinds: ['+', '*', '-'], inputs: 2, decimals: false, reuse: 'never', unary: false },
  2: {
    ops: [4, 5],
    kinds: ['+', '*', '-', 'tanh', 'exp', 'pow', 'relu'],
    inputs: 2,
    decimals: true,
    reuse: 'sometimes',
    unary: true,
  },
  3: {
    ops: [6, 8],
    kinds: ['+', '*', '-', '/', 'tanh', 'exp', 'pow', 'relu'],
    inputs: 3,
    decimals: true,
    reuse: 'always',
    unary: true,
  },
};

const UNARY: readonly ExerciseOp[] = ['tanh', 'exp', 'pow', 'relu'];
/** Kept small so the arithmetic can be done by hand. */
const MAX_DATA = 50;
const MAX_GRAD = 100;
const MAX_TRIES = 1000;
const INPUT_NAMES = ['a', 'b', 'c'];
const NODE_NAMES = ['d', 'e', 'f', 'g', 'h', 'k', 'm', 'n', 'p', 'q'];

/** An exercise at a difficulty level, the same for the same seed everywhere (the project's seeded Rng). */
export function makeExercise(seed: number, level: ExerciseLevel = 2): Exercise {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new RangeError(
      `makeExercise(seed): expected an integer from 0 to 4294967295, got ${describe(seed)}`,
    );
  }
  if (!EXERCISE_LEVELS.includes(level)) {
    throw new RangeError(`makeExercise(seed, level): expected level 1, 2 or 3, got ${describe(level)}`);
  }
  const rng = new Rng(seed);
  for (let i = 0; i < MAX_TRIES; i++) {
    const drawn = draw(rng, LEVELS[level]);
    if (drawn !== undefined) return { seed, level, ...drawn };
  }
  // Unreachable in practice (test/walkthrough/exercise.test.ts draws thousands of seeds), but never a hang.
  throw new RangeError(
    `makeExercise: no exercise for seed ${seed} at level ${level} within ${MAX_TRIES} draws`,
  );
}

/** Build an exercise's graph: each input a labelled leaf, each line's node labelled with its name. */
export function buildExercise(ex: Pick<Exercise, 'lines' | 'values'>): Value {
  const named = new Map<string, Value>();
  let root: Value | undefined;
  for (const line of ex.lines) {
    const e = parse(line.expression);
    const bindings = Object.create(null) as Record<string, number | Value>;
    for (const v of e.variables) bindings[v] = named.get(v) ?? ex.values[v]!;
    root = e.build(bindings);
    // An input first used here becomes a leaf of this line's graph: keep it for later lines.
    for (const v of topoSort(root))
      if (v.opName === undefined && v.label !== '' && !named.has(v.label)) named.set(v.label, v);
    root.label = line.name;
    named.set(line.name, root);
  }
  return root!;
}

interface Drawn {
  readonly lines: ExerciseLine[];
  readonly text: string;
  readonly values: Record<string, number>;
}

/** One attempt: undefined when it breaks a rule (too big, a near-zero divisor, unused inputs …). */
function draw(rng: Rng, spec: LevelSpec): Drawn | undefined {
  const values = Object.create(null) as Record<string, number>;
  for (const name of INPUT_NAMES.slice(0, spec.inputs)) values[name] = drawInput(rng, spec.decimals);
  const data = new Map<string, number>(Object.entries(values));
  const uses = new Map<string, number>();
  const n = spec.ops[0] + rng.int(spec.ops[1] - spec.ops[0] + 1);
  const unaryAt = spec.unary ? 1 + rng.int(n - 1) : -1;
  const lines: ExerciseLine[] = [];
  let last = INPUT_NAMES[0]!;
  for (let i = 0; i < n; i++) {
    const kinds = i === unaryAt ? UNARY : i === 0 ? spec.kinds.filter((k) => !UNARY.includes(k)) : spec.kinds;
    const op = kinds[rng.int(kinds.length)]!;
    const name = i === n - 1 ? 'o' : NODE_NAMES[i]!;
    const x = last;
    let expression: string;
    let y: string | undefined;
    if (UNARY.includes(op)) {
      const k = 2 + rng.int(2);
      expression = op === 'pow' ? `${x}**${k}` : `${op}(${x})`;
    } else {
      const unused = [...data.keys()].filter((v) => v !== x && !uses.has(v) && v in values);
      const others = [...data.keys()].filter((v) => v !== x);
      // Every input gets used; after that a value used again, or now and then (always, where the level
      // has no reuse) a small constant.
      const constant = unused.length === 0 && (spec.reuse === 'never' || rng.int(4) === 0);
      y = constant
        ? String(2 + rng.int(2))
        : unused.length > 0
          ? unused[rng.int(unused.length)]!
          : others[rng.int(others.length)]!;
      const [l, r] = rng.int(2) === 0 || op === '/' || constant ? [x, y] : [y, x];
      expression = `${l} ${op} ${r}`;
      if (constant) y = undefined;
    }
    for (const v of [x, y]) if (v !== undefined) uses.set(v, (uses.get(v) ?? 0) + 1);
    const value = evaluate(expression, data);
    if (value === undefined) return undefined;
    data.set(name, value);
    lines.push({ name, expression });
    last = name;
  }
  if (Object.keys(values).some((v) => !uses.has(v))) return undefined;
  const reused = [...uses.values()].some((u) => u > 1);
  if ((spec.reuse === 'always' && !reused) || (spec.reuse === 'never' && reused)) return undefined;
  const root = buildExercise({ lines, values });
  root.backward();
  const nodes = topoSort(root);
  if (nodes.some((v) => !(Math.abs(v.grad) <= MAX_GRAD))) return undefined;
  // A pass where every input's grad is 0 (a ReLU that blocks all) teaches one thing only: draw again.
  if (nodes.every((v) => v.opName !== undefined || v.grad === 0)) return undefined;
  return { lines, values, text: lines.map((l) => `${l.name} = ${l.expression}`).join('\n') };
}

/** An integer from -3 to 3, or a one-decimal number in [-3, 3]; never 0 (it hides too much). */
function drawInput(rng: Rng, decimals: boolean): number {
  if (decimals && rng.int(2) === 0) {
    const tenths = 1 + rng.int(30);
    return ((rng.int(2) === 0 ? -1 : 1) * tenths) / 10;
  }
  const k = 1 + rng.int(3);
  return rng.int(2) === 0 ? -k : k;
}

/** A line's value, or undefined when it breaks a rule: exp of more than 3, a divisor under 0.5 in size, … */
function evaluate(expression: string, data: ReadonlyMap<string, number>): number | undefined {
  const e = parse(expression);
  const tree = e.tree;
  const arg = (name: string): number => data.get(name)!;
  if (tree.kind === 'call' && tree.arg.kind === 'var') {
    const x = arg(tree.arg.name);
    if (tree.fn === 'exp' && Math.abs(x) > 3) return undefined;
    if (tree.fn === 'relu' && Math.abs(x) < 0.1) return undefined;
  }
  if (
    tree.kind === 'bin' &&
    tree.op === '/' &&
    tree.right.kind === 'var' &&
    Math.abs(arg(tree.right.name)) < 0.5
  )
    return undefined;
  const bindings = Object.create(null) as Record<string, number>;
  for (const v of e.variables) bindings[v] = arg(v);
  const out = e.evaluate(bindings);
  return Number.isFinite(out) && Math.abs(out) <= MAX_DATA ? out : undefined;
}
