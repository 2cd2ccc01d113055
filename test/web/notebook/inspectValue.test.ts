// inspectValue: how results and console.log arguments read on the notebook page.
import { expect, it } from 'vitest';
import { Value } from '../../../src/engine/value.js';
import { formatLogArgs, inspectValue } from '../../../web/src/notebook/inspectValue.js';

it('shows results as Deno does: strings quoted, numbers, arrays and objects on one line', () => {
  expect(inspectValue('hi')).toBe('"hi"');
  expect(inspectValue(-0)).toBe('-0');
  expect(inspectValue(10n)).toBe('10n');
  expect(inspectValue([1, 'a', [2]])).toBe("[ 1, 'a', [ 2 ] ]");
  expect(inspectValue({ a: 1, 'b c': null })).toBe('{ a: 1, "b c": null }');
  expect(inspectValue(new Map([['k', 1]]))).toBe("Map(1) { 'k' => 1 }");
  expect(inspectValue(new Float64Array([0.5]))).toBe('Float64Array(1) [ 0.5 ]');
  const loop: Record<string, unknown> = {};
  loop['self'] = loop;
  expect(inspectValue(loop)).toBe('{ self: [Circular] }');
});

it('shows a class with its own toString (a Value) as its text, and console.log strings as they are', () => {
  expect(inspectValue(new Value(-6))).toBe('Value(data=-6.0)');
  expect(inspectValue([new Value(2)])).toBe('[ Value(data=2.0) ]');
  expect(formatLogArgs(['a.grad is', 6, new Value(9)])).toBe('a.grad is 6 Value(data=9.0)');
});
