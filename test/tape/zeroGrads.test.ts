// A fused sum whose grad is 0 (a dead ReLU) may be skipped by the tape's backward only where adding its zeros
// changes nothing: the grads must equal eager backward()'s bit for bit, signed zeros and NaN included.
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/engine/value.js';
import { compile } from '../../src/tape/index.js';

/** One ReLU neuron (dead for these numbers) plus a live path through w1: root = relu(b + w1·x1 + w2·x2) + 2·w1. */
function graph(x1v: number, w2Grad: number) {
  const w1 = new Value(-0.5);
  const w2 = new Value(-2);
  const b = new Value(0.1);
  const x1 = new Value(x1v);
  const x2 = new Value(3);
  const root = b.add(w1.mul(x1)).add(w2.mul(x2)).relu().add(w1.mul(2));
  const leaves = [w1, w2, b, x1, x2];
  const start = (): void => {
    for (const l of leaves) l.grad = 0;
    w2.grad = w2Grad;
  };
  return { root, leaves, start };
}

/** Eager backward()'s leaf grads, then the compiled tape's, from the same starting grads. */
function both(x1v: number, w2Grad: number): { eager: number[]; tape: number[] } {
  const g = graph(x1v, w2Grad);
  g.start();
  g.root.backward();
  const eager = g.leaves.map((l) => l.grad);
  const tape = compile(g.root);
  g.start();
  tape.forward();
  tape.backward();
  return { eager, tape: g.leaves.map((l) => l.grad) };
}

const bits = (xs: number[]): string[] => xs.map((x) => (Object.is(x, -0) ? '-0' : String(x)));

describe('tape backward through a dead ReLU', () => {
  it("gives eager backward()'s grads (+0 for the dead neuron's leaves)", () => {
    const { eager, tape } = both(1, 0);
    expect(eager[1]).toBe(0); // the math: relu is flat at a negative input, so ∂root/∂w2 = 0
    expect(bits(tape)).toEqual(bits(eager));
  });

  it('turns a leaf grad of -0 into +0 as eager does (-0 + 3·0 is +0)', () => {
    const { eager, tape } = both(1, -0);
    expect(bits(eager)[1]).toBe('0');
    expect(bits(tape)).toEqual(bits(eager));
  });

  it('gives NaN where eager does (an infinite input times the zero grad)', () => {
    const { eager, tape } = both(Infinity, 0);
    expect(Number.isNaN(eager[0])).toBe(true); // ∞·0 reaches w1.grad in eager backward()
    expect(bits(tape)).toEqual(bits(eager));
  });
});
