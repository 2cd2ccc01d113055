// BackwardStepper: stepping to the end leaves exactly backward()'s grads, and each step's arithmetic is the
// chain rule with the op table's local derivatives.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/Rng.js';
import { OPS } from '../../src/engine/ops.js';
import { topoSort, Value } from '../../src/engine/value.js';
import { BackwardStepper, type BackwardStep } from '../../src/walkthrough/backwardSteps.js';
import { forwardSteps } from '../../src/walkthrough/forwardSteps.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';

function runAll(root: Value, accumulate = false): BackwardStep[] {
  const stepper = new BackwardStepper(root, { accumulate });
  const steps: BackwardStep[] = [];
  for (let s = stepper.next(); s !== undefined; s = stepper.next()) steps.push(s);
  expect(stepper.done).toBe(true);
  return steps;
}

/** A random graph over every op, built twice from the same seed so the two copies are identical. */
function randomGraph(seed: number): Value {
  const rng = new Rng(seed);
  const pool = [
    new Value(rng.uniform(-2, 2), { label: 'a' }),
    new Value(rng.uniform(0.5, 2), { label: 'b' }),
  ];
  for (let i = 0; i < 12; i++) {
    const x = pool[rng.int(pool.length)]!;
    const y = pool[rng.int(pool.length)]!;
    const pick = rng.int(8);
    const v =
      pick === 0
        ? x.add(y)
        : pick === 1
          ? x.mul(y)
          : pick === 2
            ? x.pow(2)
            : pick === 3
              ? x.tanh()
              : pick === 4
                ? x.mul(0.3).exp()
                : pick === 5
                  ? x.relu()
                  : pick === 6
                    ? x.mul(x).add(1).log()
                    : x.sigmoid();
    pool.push(v);
  }
  return pool[pool.length - 1]!.add(pool[pool.length - 2]!);
}

const grads = (root: Value): number[] => topoSort(root).map((v) => v.grad);

describe('BackwardStepper', () => {
  it('ends with exactly the grads backward() gives, on the walkthrough graphs and random ones', () => {
    // Exact equality: the stepper does the same multiplications and additions in the same order.
    const builders: Array<() => Value> = [
      () => buildNeuron('tanh').o,
      () => buildNeuron('exp').o,
      () => {
        const a = new Value(3, { label: 'a' });
        return a.add(a);
      },
      () => {
        const a = new Value(-2);
        const b = new Value(3);
        return a.mul(b).mul(a.add(b));
      },
      // relu (out ≤ 0) and pow(·, 0) block an infinite or NaN upstream grad: 0, not 0·∞ = NaN (PyTorch).
      () => new Value(-1, { label: 'x' }).relu().mul(new Value(1000).exp()),
      () => new Value(-1, { label: 'x' }).relu().mul(1e308).mul(1e308),
      () => new Value(2, { label: 'x' }).pow(0).mul(1e308).mul(1e308),
      ...Array.from({ length: 30 }, (_, seed) => () => randomGraph(seed)),
    ];
    for (const build of builders) {
      const stepped = build();
      const reference = build();
      runAll(stepped);
      reference.backward();
      expect(grads(stepped)).toEqual(grads(reference));
      // A second fresh pass shows the same grads again, not twice them.
      runAll(stepped);
      expect(grads(stepped)).toEqual(grads(reference));
      // With accumulate, a second pass adds into the leaves exactly as a second backward() does.
      runAll(stepped, true);
      reference.backward();
      expect(grads(stepped)).toEqual(grads(reference));
    }
  });

  it("lays out each step as local × upstream = contribution, with the op table's local derivative", () => {
    const { o, x1, w1 } = buildNeuron('tanh');
    const steps = runAll(o);
    expect(steps[0]).toMatchObject({ kind: 'seed', node: o, contributions: [] });
    expect(o.grad).toBe(1);
    // Reverse topological order visits o, then nn, ..., and x1*w1 last but one or last among computed nodes.
    expect(steps[1]!.node).toBe(o);
    const tanhStep = steps[1]!.contributions[0]!;
    // Math: d tanh(n)/dn = 1 - tanh(n)², the op table's rule; the post prints 0.5 (to rounding).
    expect(tanhStep.local).toBe(1 - o.data * o.data);
    expect(tanhStep.upstream).toBe(1);
    const mulStep = steps.find((s) => s.node.children.includes(x1))!;
    const [toX1, toW1] = mulStep.contributions;
    expect(toX1!.child).toBe(x1);
    expect(toX1!.local).toBe(OPS.mul.da(x1.data, w1.data, mulStep.node.data, 0)); // ∂(x1·w1)/∂x1 = w1 = -3
    expect(toX1!.local).toBe(-3);
    expect(toX1!.contribution).toBe(toX1!.local * toX1!.upstream);
    expect(toW1!.sum).toBe(w1.grad);
    // The post's numbers: x1.grad ≈ -1.5, w1.grad ≈ 1.0 (tolerance: the bias makes o only ≈ 1/√2).
    expect(x1.grad).toBeCloseTo(-1.5, 6);
    expect(w1.grad).toBeCloseTo(1.0, 6);
  });

  it('shows both uses of a node used twice, with the running sum', () => {
    const a = new Value(3, { label: 'a' });
    const b = a.add(a);
    const steps = runAll(b);
    expect(steps).toHaveLength(2);
    const [first, second] = steps[1]!.contributions;
    expect([first!.input, first!.contribution, first!.sum]).toEqual([0, 1, 1]);
    expect([second!.input, second!.contribution, second!.sum]).toEqual([1, 1, 2]);
  });

  it('seeds a leaf root with +1 and has nothing else to do', () => {
    const x = new Value(5);
    const steps = runAll(x);
    expect(steps.map((s) => s.kind)).toEqual(['seed']);
    expect(x.grad).toBe(1);
  });

  it('rejects a root that is not a Value', () => {
    expect(() => new BackwardStepper(3 as unknown as Value)).toThrow(
      /new BackwardStepper\(root\): expected a Value, got number 3/,
    );
  });
});

describe('written-out steps', () => {
  it("writes the post's neuron out with its names, formulas and numbers", () => {
    const { o } = buildNeuron('tanh');
    const steps = runAll(o);
    expect(steps[0]!.text).toMatch(/^∂o\/∂o = 1: o\.grad = 1\.0000/);
    const tanh = steps[1]!.contributions[0]!;
    expect(steps[1]!.text).toBe('o = tanh(nn)');
    expect(tanh.text).toBe(
      '∂o/∂nn = 1 − o**2 = 1 − 0.7071**2 = 0.5000;  × upstream ∂o/∂o = 1.0000  →  nn.grad += 0.5000 (now 0.5000)',
    );
    const mul = steps.find((s) => s.name === 'x1*w1')!;
    expect(mul.text).toBe('x1*w1 = x1·w1');
    expect(mul.contributions[0]!.text).toMatch(
      /^∂\(x1\*w1\)\/∂x1 = w1 = -3\.0000; {2}× upstream ∂o\/∂\(x1\*w1\) = 0\.5000/,
    );
    // An add's local derivative is the constant 1: written once, not `1 = 1 = 1`.
    const sum = steps.find((s) => s.name === 'nn')!;
    expect(sum.contributions[1]!.text).toMatch(/^∂nn\/∂b = 1;/);
  });

  it('names unlabelled nodes t<i> by topological position, the same in every row', () => {
    const a = new Value(-2, { label: 'a' });
    const b = new Value(3, { label: 'b' });
    const root = a.div(b); // a * b**-1: the power node has no label
    const order = topoSort(root);
    const pw = order.find((v) => v.opName === 'pow')!;
    const t = `t${order.indexOf(pw)}`;
    const steps = runAll(root);
    expect(steps[1]!.text).toBe(`t${order.length - 1} = a·${t}`);
    const toB = steps[2]!.contributions[0]!;
    expect(toB.derivative).toBe(`∂${t}/∂b`);
    expect(toB.formula).toBe('(-1)·b**-2');
    expect(toB.numbers).toBe('(-1)·3.0000**-2');
  });

  it("every row's numbers are the op table's local derivative, and its sum the child's grad then", () => {
    for (let seed = 0; seed < 10; seed++) {
      const root = randomGraph(seed);
      const stepper = new BackwardStepper(root);
      for (let s = stepper.next(); s !== undefined; s = stepper.next()) {
        for (const c of s.contributions) {
          const def = OPS[s.node.opName!];
          const [a, b] = s.node.children;
          const local =
            c.input === 0
              ? def.da(a!.data, (b ?? a)!.data, s.node.data, s.node.constant)
              : (def as typeof OPS.mul).db(a!.data, (b ?? a)!.data, s.node.data, s.node.constant);
          expect(c.local).toBe(local);
          expect(c.text).toContain(`+= ${c.contribution.toFixed(4)}`);
        }
      }
    }
  });

  it('rejects unknown or mistyped options', () => {
    const x = new Value(1);
    expect(() => new BackwardStepper(x, { acumulate: true } as never)).toThrow(/unknown option "acumulate"/);
    expect(() => new BackwardStepper(x, { accumulate: 1 } as never)).toThrow(
      /opts.accumulate to be a boolean/,
    );
  });
});

describe('forwardSteps', () => {
  it('shows each value in topological order, written out from the values before it', () => {
    const { o } = buildNeuron('tanh');
    const steps = forwardSteps(o);
    expect(steps.map((s) => s.node)).toEqual(topoSort(o));
    expect(steps.find((s) => s.name === 'x1')!.text).toBe('x1 = 2.0000 (an input)');
    expect(steps.find((s) => s.name === 'x1*w1')!.text).toBe('x1*w1 = x1·w1 = 2.0000·(-3.0000) = -6.0000');
    expect(steps.at(-1)!.text).toBe('o = tanh(nn) = tanh(0.8814) = 0.7071');
  });
});
