// GraphSpec: a Value graph as plain JSON nodes (what the PyTorch oracle builds), and the way back.

import { applyOp } from '../engine/applyOp.js';
import { opCodeOf, opDef } from '../engine/opRegistry.js';
import type { OpName } from '../engine/ops.js';
import { topoSort, Value } from '../engine/value.js';

/** A leaf with its value. */
export interface LeafSpec {
  op: 'leaf';
  value: number;
}
/**
 * An op node: inputs are indices of earlier nodes; `k` is the op's constant (pow's exponent). `op` is a
 * built-in op's name or one registered with defineOp (the oracle must know it too).
 */
export interface OpSpec {
  op: OpName | (string & {});
  inputs: [number] | [number, number];
  k?: number;
}
export type SpecNode = LeafSpec | OpSpec;

/** True for a leaf. (`op === 'leaf'` cannot narrow: a registered op's name is any string.) */
export function isLeafSpec(n: SpecNode): n is LeafSpec {
  return n.op === 'leaf';
}

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

/** The root's index in `spec.nodes`. */
export function specRoot(spec: GraphSpec): number {
  return spec.root ?? spec.nodes.length - 1;
}

/**
 * Build the spec as a Value graph; returns the Values in spec order. Backward is not run. `leaves` puts
 * given Values in place of some leaves (by spec index), so the spec can be a function of them.
 */
export function valuesFromSpec(spec: GraphSpec, leaves?: ReadonlyMap<number, Value>): Value[] {
  const out: Value[] = [];
  spec.nodes.forEach((n, i) => {
    if (isLeafSpec(n)) {
      out.push(leaves?.get(i) ?? new Value(n.value));
      return;
    }
    const code = opCodeOf(n.op);
    if (code < 0) throw new RangeError(`graph spec node ${i}: unknown op ${JSON.stringify(n.op)}`);
    const def = opDef(code);
    const [ia, ib] = n.inputs;
    const a = out[ia];
    const b = def.arity === 2 ? out[ib ?? -1] : a;
    if (a === undefined || b === undefined) {
      throw new RangeError(
        `graph spec node ${i} (${n.op}): inputs ${JSON.stringify(n.inputs)} must be earlier nodes`,
      );
    }
    out.push(applyOp(code, a, def.arity === 2 ? b : null, n.k ?? 0));
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
    const n: OpSpec = { op: name, inputs: opDef(v._op).arity === 2 ? [a, index.get(v._b!)!] : [a] };
    if (name === 'pow') n.k = v._k;
    return n;
  });
  return { spec: { nodes: specNodes }, nodes };
}

/** Every Value's data and grad, in order. */
export function answerOf(values: readonly Value[]): GraphAnswer {
  return { values: values.map((v) => v.data), grads: values.map((v) => v.grad) };
}

export interface EvaluateOptions {
  /**
   * Set every op node's data to NaN before `run`, for engines that recompute values from the leaves
   * (the tape): a value the engine fails to compute then shows up instead of the eager one.
   */
  recompute?: boolean;
}

/** Build the spec as Values, let `run(root)` fill in data and grads, and read them back in spec order. */
export function evaluateWith(
  spec: GraphSpec,
  run: (root: Value) => void,
  opts: EvaluateOptions = {},
): GraphAnswer {
  const vs = valuesFromSpec(spec);
  if (opts.recompute === true) for (const v of vs) if (v.opName !== undefined) v.data = NaN;
  run(vs[specRoot(spec)]!);
  return answerOf(vs);
}

/** Run the eager engine on a spec: every node's value and gradient of the root. */
export function evaluateEager(spec: GraphSpec): GraphAnswer {
  return evaluateWith(spec, (root) => root.backward());
}
