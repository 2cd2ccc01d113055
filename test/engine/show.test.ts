// show: a cell's values and pictures handed to the notebook's display while the cell runs, text grouped as
// print() groups it; outside a notebook, printed.
import { afterEach, expect, it, vi } from 'vitest';
import { JUPYTER_DISPLAY } from '../../src/engine/display.js';
import { show } from '../../src/engine/show.js';
import { Value } from '../../src/engine/value.js';

const picture = { [JUPYTER_DISPLAY]: async () => ({ 'text/plain': 'a picture', 'image/svg+xml': '<svg/>' }) };
const g = globalThis as { display?: unknown };
afterEach(() => {
  delete g.display;
  vi.restoreAllMocks();
});

it('sends a run of values and strings as one block of lines, a picture on its own, in order', async () => {
  const shown: unknown[] = [];
  g.display = (bundle: unknown, options: unknown) => shown.push([bundle, options]);
  await show(new Value(-6), 'x1.grad = -1.5', picture, new Value(0.5));
  expect(shown).toEqual([
    [{ 'text/plain': 'Value(data=-6.0)\nx1.grad = -1.5' }, { raw: true }],
    [{ 'text/plain': 'a picture', 'image/svg+xml': '<svg/>' }, { raw: true }],
    [{ 'text/plain': 'Value(data=0.5)' }, { raw: true }],
  ]);
});

it('resolves only after a pause, so the kernel can send the outputs before the cell ends', async () => {
  g.display = () => {};
  const order: string[] = [];
  setTimeout(() => order.push('a task queued before'), 50);
  await show('x');
  order.push('show resolved');
  expect(order).toEqual(['a task queued before', 'show resolved']);
});

it('prints the text with console.log where there is no notebook', async () => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  await show(new Value(2), 'b', picture);
  expect(log.mock.calls).toEqual([['Value(data=2.0)\nb'], ['a picture']]);
});
