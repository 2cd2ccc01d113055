// `micrograd graph EXPR --explain`: the passes written out, each row's numbers those of the library's
// own backward() on the same expression.
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/expr/parse.js';
import { runCli } from './runCli.js';

describe('micrograd graph --explain', () => {
  const set = 'x1=2,x2=0,w1=-3,w2=1,b=6.88137358';
  const r = runCli(['graph', 'tanh(x1*w1 + x2*w2 + b)', '--set', set, '--explain']);
  const lines = r.stdout.split('\n');

  it('exits 0 and prints forward steps, then backward rows with formulas', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lines).toContain('x1*w1 = x1·w1 = 2.0000·(-3.0000) = -6.0000');
    expect(
      lines.some((l) =>
        /∂\(tanh\(.*\)\)\/∂\(x1\*w1 \+ x2\*w2 \+ b\) = 1 − \(tanh\(.*\)\)\*\*2 = 1 − 0\.7071\*\*2 = 0\.5000/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(lines.some((l) => l.includes('∂(x1*w1)/∂x1 = w1 = -3.0000;'))).toBe(true);
  });

  it("ends with the leaves' grads of one backward() (the post's -1.5, 1, 0.5, 0, 0.5)", () => {
    const root = parse('tanh(x1*w1 + x2*w2 + b)').build({ x1: 2, x2: 0, w1: -3, w2: 1, b: 6.88137358 });
    root.backward();
    const byLabel = new Map<string, number>();
    for (const line of lines) {
      const m = /^(\w+)\.grad = (-?\d+\.\d{4})$/.exec(line);
      if (m !== null) byLabel.set(m[1]!, Number(m[2]));
    }
    expect([...byLabel.keys()].sort()).toEqual(['b', 'w1', 'w2', 'x1', 'x2']);
    const leaves = new Map<string, number>();
    const stack = [root];
    while (stack.length > 0) {
      const v = stack.pop()!;
      if (v.children.length === 0) leaves.set(v.label, v.grad);
      stack.push(...v.children);
    }
    for (const [name, grad] of byLabel) expect(grad, name).toBe(Number(leaves.get(name)!.toFixed(4)));
    expect(byLabel.get('x1')).toBe(-1.5);
  });
});

describe('micrograd walkthrough --explain', () => {
  it("writes out the post's neuron pass with its names (nn, o) and still prints the post's grads", () => {
    const r = runCli(['walkthrough', '--explain']);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n').map((l) => l.trim());
    expect(lines).toContain('o = tanh(nn) = tanh(0.8814) = 0.7071');
    expect(lines).toContain(
      '∂o/∂nn = 1 − o**2 = 1 − 0.7071**2 = 0.5000;  × upstream ∂o/∂o = 1.0000  →  nn.grad += 0.5000 (now 0.5000)',
    );
    expect(lines).toContain('x1.grad = -1.5000');
    // The walkthrough's own lines after backward are unchanged (Python's float repr of one pass).
    expect(lines.find((l) => l.startsWith('x1.grad = -1.5') && !l.endsWith('0000'))).toBeDefined();
  });
});
