// Exercises: the same seed draws the same exercise, and every draw keeps the rules of its level.
import { describe, expect, it } from 'vitest';
import { topoSort } from '../../src/engine/value.js';
import type { ExprNode } from '../../src/expr/ast.js';
import { parse } from '../../src/expr/parse.js';
import {
  buildExercise,
  EXERCISE_LEVELS,
  makeExercise,
  type ExerciseLevel,
  type ExerciseOp,
} from '../../src/walkthrough/exercise.js';

const SEEDS = 300;

/** The op a line writes (its tree's top), as the exercise names ops. */
function opOf(tree: ExprNode): ExerciseOp {
  if (tree.kind === 'bin') return tree.op;
  if (tree.kind === 'pow') return 'pow';
  if (tree.kind === 'call') {
    const fn: string = tree.fn;
    if (fn === 'tanh' || fn === 'exp' || fn === 'relu') return fn;
  }
  throw new Error(`unexpected line ${JSON.stringify(tree)}`);
}

/** How many times each name is used across the lines (a variable twice in one line counts twice). */
function uses(lines: readonly { expression: string }[]): Map<string, number> {
  const n = new Map<string, number>();
  const walk = (t: ExprNode): void => {
    if (t.kind === 'var') n.set(t.name, (n.get(t.name) ?? 0) + 1);
    else if (t.kind === 'bin') {
      walk(t.left);
      walk(t.right);
    } else if (t.kind === 'pow') walk(t.base);
    else if (t.kind === 'call' || t.kind === 'neg') walk(t.arg);
  };
  for (const l of lines) walk(parse(l.expression).tree);
  return n;
}

describe('makeExercise', () => {
  it('draws the same exercise from the same seed, and different ones from different seeds', () => {
    for (const level of EXERCISE_LEVELS) {
      expect(makeExercise(42, level)).toEqual(makeExercise(42, level));
      const texts = new Set(Array.from({ length: 50 }, (_, s) => makeExercise(s, level).text));
      expect(texts.size, `level ${level}`).toBeGreaterThan(40);
    }
  });

  it('keeps a fixed draw for a fixed seed (a shared link must keep meaning the same graph)', () => {
    // Pinned from this generator; if the draw changes on purpose, old links change with it.
    expect(makeExercise(1, 1)).toEqual({
      seed: 1,
      level: 1,
      values: { a: 2, b: -2 },
      lines: [
        { name: 'd', expression: 'a * b' },
        { name: 'e', expression: 'd - 3' },
        { name: 'o', expression: 'e - 2' },
      ],
      text: 'd = a * b\ne = d - 3\no = e - 2',
    });
  });

  const LIMITS: Record<ExerciseLevel, { ops: [number, number]; allowed: ExerciseOp[] }> = {
    1: { ops: [3, 3], allowed: ['+', '*', '-'] },
    2: { ops: [4, 5], allowed: ['+', '*', '-', 'tanh', 'exp', 'pow', 'relu'] },
    3: { ops: [6, 8], allowed: ['+', '*', '-', '/', 'tanh', 'exp', 'pow', 'relu'] },
  };

  it.each(EXERCISE_LEVELS)(
    'level %i: op count, ops, inputs, reuse and sizes stay within its rules',
    (level) => {
      const seen = new Set<ExerciseOp>();
      let reused = 0;
      for (let seed = 0; seed < SEEDS; seed++) {
        const ex = makeExercise(seed, level);
        const { ops, allowed } = LIMITS[level];
        expect(ex.lines.length).toBeGreaterThanOrEqual(ops[0]);
        expect(ex.lines.length).toBeLessThanOrEqual(ops[1]);
        expect(ex.lines.at(-1)!.name).toBe('o');
        for (const l of ex.lines) {
          const op = opOf(parse(l.expression).tree);
          expect(allowed).toContain(op);
          seen.add(op);
        }
        for (const [name, x] of Object.entries(ex.values)) {
          // Integer or one decimal, never 0; level 1 integers only.
          expect(Math.round(x * 10) / 10, name).toBe(x);
          expect(x).not.toBe(0);
          if (level === 1) expect(Number.isInteger(x)).toBe(true);
          expect(Math.abs(x)).toBeLessThanOrEqual(3);
        }
        const u = uses(ex.lines);
        for (const name of Object.keys(ex.values))
          expect(u.get(name), `${name} unused in ${ex.text}`).toBeGreaterThan(0);
        if ([...u.values()].some((k) => k > 1)) reused++;
        expect(ex.text).toBe(ex.lines.map((l) => `${l.name} = ${l.expression}`).join('\n'));
        const root = buildExercise(ex);
        root.backward();
        for (const v of topoSort(root)) {
          expect(Math.abs(v.data)).toBeLessThanOrEqual(50);
          expect(Math.abs(v.grad)).toBeLessThanOrEqual(100);
        }
      }
      // Every op of the level turns up; reuse: never at 1, sometimes at 2, always at 3.
      expect([...seen].sort()).toEqual([...LIMITS[level].allowed].sort());
      if (level === 1) expect(reused).toBe(0);
      if (level === 2) expect(reused).toBeGreaterThan(0);
      if (level === 2) expect(reused).toBeLessThan(SEEDS);
      if (level === 3) expect(reused).toBe(SEEDS);
    },
  );

  it('builds each line as a labelled node, the inputs as labelled leaves shared by every line', () => {
    const ex = makeExercise(7, 3);
    const root = buildExercise(ex);
    const nodes = topoSort(root);
    const labels = nodes.map((v) => v.label).filter((l) => l !== '');
    for (const l of ex.lines) expect(labels.filter((x) => x === l.name)).toHaveLength(1);
    for (const name of Object.keys(ex.values)) expect(labels.filter((x) => x === name)).toHaveLength(1);
  });

  it('refuses a seed or level it cannot use, naming it', () => {
    expect(() => makeExercise(-1)).toThrow(/expected an integer from 0 to 4294967295, got number -1/);
    expect(() => makeExercise(1.5)).toThrow(RangeError);
    expect(() => makeExercise(1, 4 as ExerciseLevel)).toThrow(/expected level 1, 2 or 3, got number 4/);
  });
});
