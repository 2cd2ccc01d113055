// The formula record beside the op table: every op has one, and each formula, evaluated as plain
// arithmetic (not through the op table), equals the table's local derivative at many points.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/Rng.js';
import { OP_FORMULAS, writeFormula } from '../../src/engine/opFormulas.js';
import { OP_NAMES, OPS } from '../../src/engine/ops.js';

/** Evaluate a formula's text as JavaScript over a, b, out, k: the record's syntax is a subset of JS. */
function evaluate(text: string, a: number, b: number, out: number, k: number): number {
  return (new Function('a', 'b', 'out', 'k', `return ${text};`) as (...x: number[]) => number)(a, b, out, k);
}

/** Inputs inside each op's domain (log needs a > 0). */
function point(rng: Rng, op: string): { a: number; b: number; k: number } {
  const a = op === 'log' ? rng.uniform(0.05, 5) : rng.uniform(-4, 4);
  return { a, b: rng.uniform(-4, 4), k: [2, 3, -1, 0.5, -2, 1.5, 4][rng.int(7)]! };
}

describe('OP_FORMULAS', () => {
  it('has exactly the ops of the table, with db for the binary ones', () => {
    expect(Object.keys(OP_FORMULAS).sort()).toEqual([...OP_NAMES].sort());
    for (const name of OP_NAMES) {
      expect('db' in OP_FORMULAS[name], name).toBe(OPS[name].arity === 2);
    }
  });

  it("evaluates to the op table's derivative at 200 points per op", () => {
    const rng = new Rng(10);
    for (const name of OP_NAMES) {
      const def = OPS[name];
      const f = OP_FORMULAS[name];
      for (let i = 0; i < 200; i++) {
        const { a, b, k } = point(rng, name);
        const x = name === 'pow' && !Number.isInteger(k) ? Math.abs(a) : a;
        const out = def.forward(x, b, k);
        // The table writes tanh' as (1 − t)(1 + t) and pow through its kernels: the same math, rounded
        // differently, so compare to 1e-12 relative (absolute below 1).
        const close = (got: number, want: number, what: string): void => {
          if (Object.is(got, want)) return;
          expect(Math.abs(got - want), `${what}: ${got} vs ${want}`).toBeLessThanOrEqual(
            1e-12 * Math.max(1, Math.abs(want)),
          );
        };
        close(evaluate(f.da, x, b, out, k), def.da(x, b, out, k), `${name} da at a=${x} k=${k}`);
        if (def.arity === 2 && 'db' in f)
          close(evaluate(f.db, x, b, out, k), def.db(x, b, out, k), `${name} db`);
      }
    }
  });

  it('writes formulas out with names and numbers as a reader writes them', () => {
    expect(writeFormula(OP_FORMULAS.tanh.da, { a: 'nn', out: 'o' })).toBe('1 − o**2');
    expect(writeFormula(OP_FORMULAS.tanh.da, { a: '0.8814', out: '0.7071' })).toBe('1 − 0.7071**2');
    expect(writeFormula(OP_FORMULAS.mul.da, { a: 'x1', b: 'w1', out: 'x1*w1' })).toBe('w1');
    expect(writeFormula(OP_FORMULAS.mul.db, { a: 'x1*w1 + b', b: 'w1', out: 't' })).toBe('x1*w1 + b');
    expect(writeFormula(OP_FORMULAS.pow.da, { a: 'e', out: 't', k: -1 })).toBe('(-1)·e**-2');
    expect(writeFormula(OP_FORMULAS.pow.da, { a: '-2.0000', out: 't', k: 3 })).toBe('3·(-2.0000)**2');
    // Powers read one way everywhere, as the picture's `**-1` op node: no `^((-1))`, no `²` beside `**-1`.
    expect(writeFormula(OP_FORMULAS.pow.da, { a: 'a', out: 't', k: 0.5 })).toBe('0.5·a**-0.5');
    expect(writeFormula(OP_FORMULAS.pow.da, { a: 'a', out: 't', k: 1.1 })).toBe('1.1·a**0.1');
    expect(writeFormula(OP_FORMULAS.pow.da, { a: 'a', out: 't', k: 2 })).toBe('2·a');
    expect(writeFormula('a**k', { a: 't15', out: 't', k: -1 })).toBe('t15**-1');
    expect(writeFormula('b * a**(b - 1)', { a: 'x', b: 'y', out: 't' })).toBe('y·x**(y − 1)');
    expect(writeFormula(OP_FORMULAS.log.da, { a: 'x', out: 'y' })).toBe('1 / x');
    expect(writeFormula(OP_FORMULAS.sigmoid.da, { a: 'x', out: 's' })).toBe('s·(1 − s)');
    expect(writeFormula(OP_FORMULAS.relu.da, { a: 'x', out: 'r' })).toBe('1 if r > 0 else 0');
    expect(writeFormula(OP_FORMULAS.tanh.da, { a: 'x', out: 'x1*w1 + b' })).toBe('1 − (x1*w1 + b)**2');
  });
});
