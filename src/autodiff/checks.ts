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
