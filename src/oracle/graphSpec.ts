// GraphSpec: a Value graph as plain JSON nodes (what the PyTorch oracle builds), and the way back.

import { OPS, type OpName } from '../engine/ops.js';
import { topoSort, Value } from '../engine/value.js';

/** A leaf with its value. */
export interface LeafSpec {
  op: 'leaf';
  value: number;
}
/** An op node: inputs are indices of earlier nodes; `k` is the op's constant (pow's exponent). */
export interface OpSpec {
  op: OpName;
  inputs: [number] | [number, number];
  k?: number;
}
export type SpecNode = LeafSpec | OpSpec;

/** Nodes in topological order (inputs before the node); `root` defaults to the last node. */
export interface GraphSpec {
  nodes: SpecNode[];
  root?: number;
}

/** Every node's value and ∂root/∂node, in spec order (0 for nodes the root does not depend on). */
export interface GraphAnswer {
  values: number[];
  grads: number[];
}

/** Build each op with the primitive Value methods; a missing op is a compile error. */
const BUILD: { readonly [K in OpName]: (a: Value, b: Value, k: number) => Value } = {
  add: (a, b) => a.add(b),
  mul: (a, b) => a.mul(b),
  pow: (a, _b, k) => a.pow(k),
  tanh: (a) => a.tanh(),
  exp: (a) => a.exp(),
  relu: (a) => a.relu(),
  log: (a) => a.log(),
  sigmoid: (a) => a.sigmoid(),
};

/** The root's index in `spec.nodes`. */
export function specRoot(spec: GraphSpec): number {
  return spec.root ?? spec.nodes.length - 1;
}

/** Build the spec as a Value graph; returns the Values in spec order. Backward is not run. */
export function valuesFromSpec(spec: GraphSpec): Value[] {
  const out: Value[] = [];
  spec.nodes.forEach((n, i) => {
    if (n.op === 'leaf') {
      out.push(new Value(n.value));
      return;
    }
    const def = OPS[n.op];
    if (def === undefined) throw new RangeError(`graph spec node ${i}: unknown op ${JSON.stringify(n.op)}`);
    const [ia, ib] = n.inputs;
    const a = out[ia];
    const b = def.arity === 2 ? out[ib ?? -1] : a;
    if (a === undefined || b === undefined) {
      throw new RangeError(
        `graph spec node ${i} (${n.op}): inputs ${JSON.stringify(n.inputs)} must be earlier nodes`,
      );
    }
    out.push(BUILD[n.op](a, b, n.k ?? 0));
  });
  return out;
}

/** The graph below `root` as a spec (topological order, root last) and the Values in that order. */
export function specFromValue(root: Value): { spec: GraphSpec; nodes: Value[] } {
  const nodes = topoSort(root);
  const index = new Map<Value, number>(nodes.map((v, i) => [v, i]));
  const specNodes = nodes.map((v): SpecNode => {
    const name = v.opName;
    if (name === undefined) return { op: 'leaf', value: v.data };
    const a = index.get(v._a!)!;
    const n: OpSpec = { op: name, inputs: OPS[name].arity === 2 ? [a, index.get(v._b!)!] : [a] };
    if (name === 'pow') n.k = v._k;
    return n;
  });
  return { spec: { nodes: specNodes }, nodes };
}

/** Run the eager engine on a spec: every node's value and gradient of the root. */
export function evaluateEager(spec: GraphSpec): GraphAnswer {
  const vs = valuesFromSpec(spec);
  vs[specRoot(spec)]!.backward();
  return { values: vs.map((v) => v.data), grads: vs.map((v) => v.grad) };
}
