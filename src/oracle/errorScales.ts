// errorScales: how large each node's rounding error can be, so cancellation is not mistaken for a bug.

import { OPS } from '../engine/ops.js';
import { specRoot, type GraphAnswer, type GraphSpec } from './graphSpec.js';

/**
 * A first-order running error bound (Wilkinson) for every node's value and gradient, in units of one
 * rounding: a value's bound is |∂out/∂a|·S_a + |∂out/∂b|·S_b + |out| (leaf: |value|), a gradient's is
 * Σ over consumers |local derivative|·G_consumer (root: 1). Where terms cancel, as in tanh(x)/tanh(x)
 * whose gradient is 1/x − x/x² = 0, the bound stays at the size of the terms while the result is ~0:
 * two engines whose tanh differ in the last bit then legitimately differ by ~1e-16 of the terms.
 * Computed from PyTorch's values, with the op table's derivatives.
 */
export function errorScales(spec: GraphSpec, torch: GraphAnswer): GraphAnswer {
  const n = spec.nodes.length;
  const v = torch.values;
  const values = new Array<number>(n).fill(0);
  const grads = new Array<number>(n).fill(0);
  const local = (i: number): [number, number] => {
    const node = spec.nodes[i]!;
    if (node.op === 'leaf') return [0, 0];
    const def = OPS[node.op];
    const a = v[node.inputs[0]]!;
    const b = node.inputs.length === 2 ? v[node.inputs[1]]! : 0;
    const k = node.k ?? 0;
    const da = Math.abs(def.da(a, b, v[i]!, k));
    const db = def.arity === 2 ? Math.abs(def.db(a, b, v[i]!, k)) : 0;
    return [da, db];
  };
  const locals = spec.nodes.map((_, i) => local(i));
  for (let i = 0; i < n; i++) {
    const node = spec.nodes[i]!;
    const [da, db] = locals[i]!;
    values[i] =
      node.op === 'leaf'
        ? Math.abs(node.value)
        : da * values[node.inputs[0]]! +
          (node.inputs.length === 2 ? db * values[node.inputs[1]]! : 0) +
          Math.abs(v[i]!);
  }
  grads[specRoot(spec)] = 1;
  for (let i = specRoot(spec); i >= 0; i--) {
    const node = spec.nodes[i]!;
    if (node.op === 'leaf' || grads[i] === 0) continue;
    const [da, db] = locals[i]!;
    grads[node.inputs[0]]! += da * grads[i]!;
    if (node.inputs.length === 2) grads[node.inputs[1]]! += db * grads[i]!;
  }
  return { values, grads };
}
