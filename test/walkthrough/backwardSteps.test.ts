// BackwardStepper: stepping to the end leaves exactly backward()'s grads, and each step's arithmetic is the
// chain rule with the op table's local derivatives.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/data/Rng.js';
import { OPS } from '../../src/engine/ops.js';
import { topoSort, Value } from '../../src/engine/value.js';
import { BackwardStepper, type BackwardStep } from '../../src/walkthrough/backwardSteps.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';

function runAll(root: Value): BackwardStep[] {
  const stepper = new BackwardStepper(root);
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
      ...Array.from({ length: 30 }, (_, seed) => () => randomGraph(seed)),
    ];
    for (const build of builders) {
      const stepped = build();
      const reference = build();
      runAll(stepped);
      reference.backward();
      expect(grads(stepped)).toEqual(grads(reference));
      // A second pass accumulates into the leaves exactly as a second backward() does.
      runAll(stepped);
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
