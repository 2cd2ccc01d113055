// Argument checks shared by the functional transforms: each names the argument and what was expected.

import { describe, describeAt } from '../engine/describe.js';
import { Value } from '../engine/value.js';

/** A function argument, else a TypeError naming it. */
export function checkFunction(f: unknown, where: string): void {
  if (typeof f !== 'function') {
    throw new TypeError(`${where}: expected f to be a function, got ${describe(f)}`);
  }
}

/** What `f` returned, when it is a Value; else a TypeError saying f must return one. */
export function checkReturnsValue(y: unknown, where: string): Value {
  if (!(y instanceof Value)) {
    throw new TypeError(`${where}: expected f to return a Value, got ${describe(y)}`);
  }
  return y;
}

/** An array of finite-or-not numbers (IEEE values are allowed, as PyTorch allows them), with no holes. */
export function checkPoint(p: unknown, name: string, where: string): number[] {
  if (!Array.isArray(p)) {
    throw new TypeError(`${where}: expected ${name} to be an array of numbers, got ${describe(p)}`);
  }
  for (let i = 0; i < p.length; i++) {
    if (typeof p[i] !== 'number') {
      throw new TypeError(`${where}: expected ${name}[${i}] to be a number, got ${describeAt(p, i)}`);
    }
  }
  return p as number[];
}

/** Leaves holding `point`'s numbers, labelled x0, x1, … for pictures. */
export function leavesAt(point: readonly number[]): Value[] {
  return point.map((x, i) => new Value(x, { label: `x${i}` }));
}

/** What a vector-valued `f` returned: a Value (one output) or an array of Values; else a TypeError. */
export function checkReturnsValues(y: unknown, where: string): { outputs: Value[]; single: boolean } {
  if (y instanceof Value) return { outputs: [y], single: true };
  if (!Array.isArray(y) || y.length === 0) {
    throw new TypeError(
      `${where}: expected f to return a Value or a non-empty array of Values, got ${describe(y)}`,
    );
  }
  y.forEach((v, i) => {
    if (!(v instanceof Value)) {
      throw new TypeError(`${where}: expected f's output [${i}] to be a Value, got ${describe(v)}`);
    }
  });
  return { outputs: y as Value[], single: false };
}

/** A vector `v` of numbers with `n` entries (one per output or input, as `what` says). */
export function checkVector(v: unknown, n: number, name: string, what: string, where: string): number[] {
  const xs = checkPoint(v, name, where);
  if (xs.length !== n) {
    throw new RangeError(
      `${where}: expected ${name} to have ${n} entries (one per ${what}), got ${xs.length}`,
    );
  }
  return xs;
}
