// gradients(output, inputs, { createGraph }): ∂output/∂input for each input, as PyTorch's torch.autograd.grad.

import { describe, describeAt } from '../engine/describe.js';
import { opDef } from '../engine/opRegistry.js';
import { Value, topoSort } from '../engine/value.js';
import { checkOptions } from '../engine/checkKeys.js';
import { checkNotReplayed } from '../engine/leafChecks.js';
import { valueRuleOf } from './valueRules.js';

/** The options of `gradients(output, inputs, opts)`. */
export interface GradientsOptions {
  /**
   * Record the backward pass as a graph, so the returned gradients can be differentiated again
   * (PyTorch's `create_graph=True`). Default false: the gradients are fresh leaves.
   */
  createGraph?: boolean;
}

const WHERE = 'gradients(output, inputs, opts)';

/**
 * ∂output/∂input for each of `inputs`, as Values (PyTorch's `torch.autograd.grad`). No `.grad` field is
 * read or written. With `createGraph: true` each result is a node of a graph that reaches back to the
 * inputs and can be differentiated again; without it each is a fresh leaf. An input that `output` does not
 * depend on gets `Value(0)`.
 *
 * @param output - The Value to differentiate.
 * @param inputs - The Values to differentiate by, each once.
 * @param opts - `createGraph`: record the backward pass so the results can be differentiated again.
 * @returns One gradient per input, in order.
 * @throws TypeError when `output` is not a Value, `inputs` is not an array of Values, or `opts` is bad;
 * RangeError when an input appears twice; NoValueDerivativeError with `createGraph` through a `defineOp`
 * op defined without `valueDerivative`.
 * @example First and second derivative of x**3 at 3 (3·x**2 = 27, 6·x = 18)
 * ```ts
 * import { Value, gradients } from 'micrograd-ts';
 *
 * const x = new Value(3);
 * const [dy] = gradients(x.pow(3), [x], { createGraph: true });
 * const [d2y] = gradients(dy!, [x]);
 * console.log(dy!.data, d2y!.data); // → 27 18
 * ```
 */
export function gradients(output: Value, inputs: readonly Value[], opts?: GradientsOptions): Value[] {
  if (!(output instanceof Value)) {
    throw new TypeError(`${WHERE}: expected output to be a Value, got ${describe(output)}`);
  }
  checkNotReplayed(output, WHERE);
  if (!Array.isArray(inputs)) {
    throw new TypeError(`${WHERE}: expected inputs to be an array of Values, got ${describe(inputs)}`);
  }
  const seen = new Map<Value, number>();
  for (let i = 0; i < inputs.length; i++) {
    const x: unknown = inputs[i];
    if (!(x instanceof Value)) {
      throw new TypeError(`${WHERE}: expected inputs[${i}] to be a Value, got ${describeAt(inputs, i)}`);
    }
    const j = seen.get(x);
    if (j !== undefined) {
      throw new RangeError(`${WHERE}: inputs[${i}] is the same Value as inputs[${j}] (each input once)`);
    }
    seen.set(x, i);
  }
  const o = checkOptions(opts, ['createGraph'], WHERE);
  const createGraph = o['createGraph'] ?? false;
  if (typeof createGraph !== 'boolean') {
    throw new TypeError(`${WHERE}: expected opts.createGraph to be a boolean, got ${describe(createGraph)}`);
  }
  if (createGraph) {
    const gs = recordedGrads(output);
    return inputs.map((x) => gs.get(x) ?? new Value(0));
  }
  const gs = numericGrads([output], [1]);
  return inputs.map((x) => new Value(gs.get(x) ?? 0));
}

/**
 * Σᵢ seeds[i] · ∂outputs[i]/∂x for every x below the outputs, by one reverse pass seeded with each output's
 * number (PyTorch's `torch.autograd.grad(outputs, inputs, grad_outputs)`): what vjp, jacobian and hvp need.
 */
export function seededGrads(outputs: readonly Value[], seeds: readonly number[]): Map<Value, number> {
  return numericGrads(outputs, seeds);
}

/**
 * The chain rule over numbers, with the table's numeric rules: what `backward()` computes, kept in a map
 * instead of the `.grad` fields. Every node gets at least 0 and passes `local × 0` on, so a 0 meeting an
 * infinite local derivative gives NaN, as in PyTorch.
 */
function numericGrads(outputs: readonly Value[], seeds: readonly number[]): Map<Value, number> {
  const order = jointOrder(outputs);
  const gs = new Map<Value, number>();
  outputs.forEach((y, i) => gs.set(y, (gs.get(y) ?? 0) + seeds[i]!));
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    if (v._op < 0) continue;
    const g = gs.get(v) ?? 0;
    const def = opDef(v._op);
    const a = v._a!;
    const b = v._b;
    const bd = b === null ? 0 : b.data;
    const add = (x: Value, c: number): void => {
      gs.set(x, (gs.get(x) ?? 0) + c);
    };
    add(a, def.blocks?.(a.data, bd, v.data, v._k) === true ? 0 : def.da(a.data, bd, v.data, v._k) * g);
    if (def.arity === 2) add(b!, def.db(a.data, bd, v.data, v._k) * g);
  }
  return gs;
}

/** Every node below any of `outputs`, children before parents (each one's order, first sighting kept). */
export function jointOrder(outputs: readonly Value[]): Value[] {
  if (outputs.length === 1) return topoSort(outputs[0]!);
  const seen = new Set<Value>();
  const order: Value[] = [];
  for (const y of outputs) {
    for (const v of topoSort(y)) {
      if (!seen.has(v)) {
        seen.add(v);
        order.push(v);
      }
    }
  }
  return order;
}

/**
 * The chain rule over Values, with the Value-form rules: every contribution `local × upstream` is a new
 * node, so the result is a graph. Where the table's `blocks` rule holds, the contribution is exactly 0
 * whatever the upstream gradient is: the rule's `blocked` Value, else a constant 0.
 */
function recordedGrads(output: Value): Map<Value, Value> {
  const order = topoSort(output);
  const gs = new Map<Value, Value>();
  gs.set(output, new Value(1));
  const add = (x: Value, c: Value): void => {
    const prev = gs.get(x);
    gs.set(x, prev === undefined ? c : prev.add(c));
  };
  const times = (local: Value | 1, g: Value): Value => (local === 1 ? g : g.mul(local));
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    if (v._op < 0) continue;
    // A node nothing reached holds a 0 gradient that still flows on (0 × ∞ is NaN, as in PyTorch).
    const g = gs.get(v) ?? new Value(0);
    const def = opDef(v._op);
    const rule = valueRuleOf(v._op);
    const a = v._a!;
    const b = v._b;
    const blocked = def.blocks?.(a.data, b === null ? 0 : b.data, v.data, v._k) === true;
    if (!blocked) add(a, times(rule.da(a, b, v, v._k), g));
    else add(a, rule.blocked !== undefined ? rule.blocked(g, a, v, b ?? a) : new Value(0));
    if (rule.db !== undefined) add(b!, times(rule.db(a, b, v, v._k), g));
  }
  return gs;
}
