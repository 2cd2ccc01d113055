// agrees/mismatches: the parity rule (NaN for NaN, same infinities, 1e-12) and the graph spec round trip.
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/engine/value.js';
import { agrees, agreesValue, mismatches } from '../../src/oracle/compare.js';
import { evaluateEager, specFromValue, valuesFromSpec } from '../../src/oracle/graphSpec.js';
import { decodeNumber, encodeNumber, encodeSpec } from '../../src/oracle/TorchOracle.js';

describe('agrees', () => {
  it('wants NaN exactly where the reference is NaN', () => {
    expect(agrees(NaN, NaN)).toBe(true);
    expect(agrees(0, NaN)).toBe(false);
    expect(agrees(NaN, 0)).toBe(false);
    expect(agrees(Infinity, NaN)).toBe(false);
  });

  it('wants the same infinity', () => {
    expect(agrees(Infinity, Infinity)).toBe(true);
    expect(agrees(-Infinity, Infinity)).toBe(false);
    expect(agrees(1e308, Infinity)).toBe(false);
    expect(agrees(Infinity, 1e308)).toBe(false);
  });

  it('is relative 1e-12 away from zero and absolute 1e-12 near it', () => {
    expect(agrees(1e6 * (1 + 0.9e-12), 1e6)).toBe(true);
    expect(agrees(1e6 * (1 + 2e-12), 1e6)).toBe(false);
    expect(agrees(0.9e-12, 0)).toBe(true);
    expect(agrees(2e-12, 0)).toBe(false);
    expect(agrees(-0, 0)).toBe(true);
  });

  it('measures a cancelled sum against the size of its terms when given one', () => {
    expect(agrees(3.7e-9, 0, undefined, 3.8e7)).toBe(true); // 1e-16 of terms of size 3.8e7
    expect(agrees(3.7e-9, 0)).toBe(false);
  });
});

describe('agreesValue', () => {
  it('tells -0 from 0 (1/-0 is -Infinity), otherwise is agrees', () => {
    expect(agreesValue(-0, -0)).toBe(true);
    expect(agreesValue(0, -0)).toBe(false);
    expect(agreesValue(-0, 0)).toBe(false);
    expect(agreesValue(0.9e-12, 0)).toBe(true);
    expect(agreesValue(NaN, NaN)).toBe(true);
  });
});

describe('mismatches', () => {
  it('names the node and field that differ', () => {
    const ours = { values: [1, 2], grads: [NaN, 1] };
    const torch = { values: [1, 2.5], grads: [NaN, 1] };
    expect(mismatches(ours, torch)).toEqual([{ node: 1, field: 'value', ours: 2, torch: 2.5 }]);
  });

  it('refuses answers of different sizes', () => {
    expect(() => mismatches({ values: [1], grads: [1] }, { values: [1, 2], grads: [1, 2] })).toThrow(
      RangeError,
    );
  });
});

describe('graph specs', () => {
  it('round-trip a Value graph, `a + a` and a composite included', () => {
    const a = new Value(3);
    const root = a.add(a).div(a.sub(1)).tanh();
    const { spec } = specFromValue(root);
    expect(spec.nodes.map((n) => n.op)).toEqual(['leaf', 'add', 'leaf', 'add', 'pow', 'mul', 'tanh']);
    expect(specFromValue(valuesFromSpec(spec).at(-1)!).spec).toEqual(spec);
    // a - 1 with a number records a + (-1): one leaf, no negation node.
    // Every node's grad as Value.backward leaves it.
    root.backward();
    expect(evaluateEager(spec).grads[0]).toBe(a.grad);
    // Math: d/da tanh(2a / (a - 1)) = (1 - tanh²(2a/(a-1))) · (-2 / (a - 1)²) = -0.5·(1 - tanh²3) at a = 3.
    expect(a.grad).toBeCloseTo(-0.5 * (1 - Math.tanh(3) ** 2), 14);
  });

  it('reject an input that is not an earlier node', () => {
    expect(() =>
      valuesFromSpec({
        nodes: [
          { op: 'leaf', value: 1 },
          { op: 'mul', inputs: [0, 1] },
        ],
      }),
    ).toThrow(/node 1 \(mul\): inputs \[0,1\] must be earlier nodes/);
  });

  it('travel as JSON with NaN, ±Infinity and -0 intact', () => {
    for (const x of [NaN, Infinity, -Infinity, -0, 0, 1.5]) {
      expect(Object.is(decodeNumber(JSON.parse(JSON.stringify(encodeNumber(x)))), x)).toBe(true);
    }
    const spec = {
      nodes: [
        { op: 'leaf' as const, value: -0 },
        { op: 'pow' as const, inputs: [0] as [number], k: -0.5 },
      ],
    };
    expect(JSON.stringify(encodeSpec(spec))).toBe(
      '{"nodes":[{"op":"leaf","value":"-0"},{"op":"pow","inputs":[0],"k":-0.5}]}',
    );
  });
});
