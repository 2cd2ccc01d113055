// sum/mean of Values in Python's order: ((start + v0) + v1) + …, so graphs match micrograd's sum().

import { Value, type Operand } from '../engine/value.js';

/**
 * Python's `sum(values, start)`: starts from `start` (a Value 0 by default) and adds left to right, so the
 * graph has micrograd's shape.
 *
 * @param values - The Values to add.
 * @param start - The first term, a number or a Value; default 0.
 */
export function sum(values: readonly Value[], start: Operand = 0): Value {
  let acc = typeof start === 'number' ? new Value(start) : start;
  for (let i = 0; i < values.length; i++) acc = acc.add(values[i]!);
  return acc;
}

/**
 * micrograd's mean: `sum(values) * (1.0 / len(values))`.
 *
 * @param values - The Values to average (an empty list gives NaN, as 0 · (1/0)).
 */
export function mean(values: readonly Value[]): Value {
  return sum(values).mul(1 / values.length);
}
