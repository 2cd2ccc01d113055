// Rich display and JSON of the root's objects: Value and MLP, through the public API.
import { expect, it } from 'vitest';
import { JUPYTER_DISPLAY, MLP, Value, type MimeBundle } from '../../src/index.js';

const display = (x: unknown): MimeBundle =>
  (x as Record<symbol, () => MimeBundle>)[Symbol.for('Jupyter.display')]!.call(x);

it('JUPYTER_DISPLAY is the global Symbol.for key a kernel looks up', () => {
  expect(JUPYTER_DISPLAY).toBe(Symbol.for('Jupyter.display'));
});

it('a Value displays as it prints, Value(data=…)', () => {
  const o = new Value(0.8813735870195432).tanh();
  expect(display(o)).toEqual({ 'text/plain': String(o) });
  expect(display(new Value(-6))['text/plain']).toBe('Value(data=-6.0)');
});

it('JSON.stringify of a Value is that node alone, not its graph', () => {
  const a = new Value(2, { label: 'a' });
  let v = a;
  for (let i = 0; i < 1000; i++) v = v.mul(1.001).add(0.5);
  v.label = 'v';
  v.backward();
  const json = JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
  expect(json).toEqual({ data: v.data, grad: 1, label: 'v', op: '+' });
  expect(JSON.parse(JSON.stringify(a))).toEqual({ data: 2, grad: a.grad, label: 'a', op: '' });
  expect(JSON.stringify([a, v]).length).toBeLessThan(200);
  expect(JSON.parse(JSON.stringify(new Value(NaN)))).toEqual({ data: null, grad: 0, label: '', op: '' });
});

it('an MLP displays its printed form and a table of layers with parameter counts', () => {
  const model = new MLP(2, [16, 16, 1], { seed: 1 });
  const bundle = display(model);
  expect(bundle['text/plain']).toBe(String(model));
  const html = bundle['text/html']!;
  // Parameters by the formula nout·(nin+1) per layer: 16·3 + 16·17 + 1·17 = 48 + 272 + 17 = 337.
  expect(html).toContain('337 parameters');
  expect(html.match(/<tr>/g)).toHaveLength(4); // a header row and three layers
  expect(html).toContain('<td>2 → 16</td><td>relu</td><td>48</td>');
  expect(html).toContain('<td>16 → 1</td><td>linear</td><td>17</td>');
});
