// A leaf's data or grad assigned a non-number, and a tape replayed from changed leaves: clear errors, never
// silent 0/NaN/3, a string "53" for a grad, or eager gradients from stale intermediate nodes.
import { describe, expect, it } from 'vitest';
import { gradients } from '../../src/autodiff/index.js';
import { Value } from '../../src/engine/value.js';
import { compile } from '../../src/tape/index.js';

/** s = w·x + tanh(w), with x an input of the tape. */
function graph(): { w: Value; x: Value; s: Value } {
  const w = new Value(0.5, { label: 'w' });
  const x = new Value(2, { label: 'x' });
  return { w, x, s: w.mul(x).add(w.tanh()) };
}

describe('a leaf whose data was assigned a non-number', () => {
  it.each([null, 'abc', '3', undefined, {}])(
    'Tape.forward() throws a TypeError naming %s, as eager ops do',
    (bad) => {
      const { w, s } = graph();
      const tape = compile(s);
      (w as { data: unknown }).data = bad;
      expect(() => w.add(1)).toThrow(TypeError);
      expect(() => tape.forward()).toThrow(TypeError);
      expect(() => tape.forward()).toThrow(/Tape\.forward\(\): leaf "w" has data .*expected a number/);
      expect(() => tape.backward()).toThrow(TypeError);
    },
  );

  it('Tape.batch throws the same', () => {
    const { w, x, s } = graph();
    const tape = compile(s, { inputs: [x] });
    (w as { data: unknown }).data = '3';
    expect(() => tape.batch([[1], [2]])).toThrow(/Tape\.batch\(rows, opts\): leaf "w" has data string "3"/);
  });
});

describe('a leaf whose grad was assigned a non-number', () => {
  it('eager backward throws instead of concatenating ("5" + 3 = "53")', () => {
    const { w, s } = graph();
    (w as { grad: unknown }).grad = '5';
    expect(() => s.backward()).toThrow(TypeError);
    expect(() => s.backward()).toThrow(
      /Value\.backward\(\): leaf "w" has grad string "5", expected a number/,
    );
    expect(w.grad).toBe('5'); // left as it was: nothing was added
  });

  it('eager backward from a leaf itself throws too', () => {
    const w = new Value(1);
    (w as { grad: unknown }).grad = '5';
    expect(() => w.backward()).toThrow(/grad string "5"/);
  });

  it('Tape.backward and Tape.batch throw instead of reading "5" as 5', () => {
    const { w, x, s } = graph();
    const tape = compile(s, { inputs: [x] });
    (w as { grad: unknown }).grad = '5';
    expect(() => tape.backward()).toThrow(/Tape\.backward\(\): leaf "w" has grad string "5"/);
    expect(() => tape.batch([[1]])).toThrow(/leaf "w" has grad string "5"/);
  });
});

describe('eager backward after a tape replayed the graph from changed leaves', () => {
  it('throws: the intermediate nodes still hold the old values (tape.forward([-3]) then s.backward())', () => {
    const { w, x, s } = graph();
    const tape = compile(s, { inputs: [x] });
    tape.forward([-3]);
    expect(s.data).toBe(0.5 * -3 + Math.tanh(0.5));
    expect(() => s.backward()).toThrow(/Value\.backward\(\): .*Tape/);
    expect(() => gradients(s, [w])).toThrow(/gradients\(output, inputs, opts\): .*Tape/);
    // The tape's own backward is right: ∂s/∂w = x + (1 − tanh²w) at x = −3.
    w.grad = 0;
    tape.backward();
    expect(w.grad).toBeCloseTo(-3 + (1 - Math.tanh(0.5) ** 2), 15);
  });

  it('also after a leaf changed by hand and tape.forward()', () => {
    const { w, s } = graph();
    const tape = compile(s);
    w.data = 2;
    tape.forward();
    expect(() => s.backward()).toThrow(/Tape/);
  });

  it('is allowed again once the leaves are back to the values the graph was built with', () => {
    const { x, s } = graph();
    const tape = compile(s, { inputs: [x] });
    tape.forward([-3]);
    tape.forward([2]);
    expect(() => s.backward()).not.toThrow();
  });

  it('is allowed with writeBack, which keeps every node up to date, and gives the right gradient', () => {
    const { w, x, s } = graph();
    const tape = compile(s, { inputs: [x], writeBack: true });
    tape.forward([-3]);
    w.grad = 0;
    s.backward();
    // Math: ∂s/∂w = x + (1 − tanh²w), at x = −3.
    expect(w.grad).toBeCloseTo(-3 + (1 - Math.tanh(0.5) ** 2), 15);
  });

  it('a tape of a lone leaf: its backward stays allowed (nothing in between can be stale)', () => {
    const w = new Value(1);
    const tape = compile(w, { inputs: [w] });
    tape.forward([5]);
    w.backward();
    expect(w.grad).toBe(1);
  });

  it('an output of the tape is refused too', () => {
    const { x, s } = graph();
    const inner = s._a!; // w·x
    const tape = compile(s, { inputs: [x], outputs: [inner] });
    tape.forward([-3]);
    expect(inner.data).toBe(-1.5);
    expect(() => inner.backward()).toThrow(/Tape/);
  });

  it('a tape replayed with unchanged leaves leaves eager backward alone', () => {
    const { w, s } = graph();
    compile(s).forward();
    s.backward();
    expect(w.grad).toBeCloseTo(2 + (1 - Math.tanh(0.5) ** 2), 15);
  });
});
