// Functional-transform answers (vjp, jacobian, hvp) of a graph with several outputs, ours or PyTorch's.

import { hvp } from '../autodiff/hvp.js';
import { jacobian } from '../autodiff/jacobian.js';
import { vjp } from '../autodiff/vjp.js';
import type { Value } from '../engine/value.js';
import { isLeafSpec, valuesFromSpec, type GraphSpec } from './graphSpec.js';
import { decodeNumber, encodeNumber, encodeSpec, type TorchOracle } from './TorchOracle.js';

/**
 * A graph as a function of its `inputs` leaves (spec indices) returning the nodes `outputs`: vjp along `v`
 * (one number per output), the Jacobian, and the Hessian-vector product of the node `root` along `hv`
 * (one number per input).
 */
export interface FunctionalCase {
  spec: GraphSpec;
  inputs: number[];
  outputs: number[];
  v: number[];
  root: number;
  hv: number[];
}

export interface FunctionalAnswer {
  outputs: number[];
  vjp: number[];
  jacobian: number[][];
  value: number;
  hvp: number[];
  /** PyTorch's answers only: H·hv from functional.hessian (where hvp's double backward gives NaN, it may not). */
  hvpHessian?: number[];
  /**
   * PyTorch's answers only: H·hv by forward over reverse (fwAD through a create_graph gradient), as ours is
   * computed: where a tangent of exactly 0 meets an infinite partial it has 0·∞ = NaN and hvp may not.
   */
  hvpForward?: number[];
  /** PyTorch's answers only: every node's value, in spec order. */
  values?: number[];
}

/**
 * The case's outputs as a function of its inputs' Values (constants rebuilt as they are). With `pinned`,
 * each op node's data is then set to that number (by spec index), as secondOrder's caseFunction does.
 */
export function functionalOf(
  c: FunctionalCase,
  which: readonly number[],
  pinned?: readonly number[],
): (xs: Value[]) => Value[] {
  return (xs) => {
    const vs = valuesFromSpec(c.spec, new Map(c.inputs.map((i, j) => [i, xs[j]!])));
    if (pinned !== undefined) vs.forEach((v, i) => v.opName !== undefined && (v.data = pinned[i]!));
    return which.map((o) => vs[o]!);
  };
}

/** The case's input leaves' values. */
export function casePoint(c: FunctionalCase): number[] {
  return c.inputs.map((i) => {
    const n = c.spec.nodes[i]!;
    if (!isLeafSpec(n)) throw new RangeError(`functional case: input node ${i} is not a leaf`);
    return n.value;
  });
}

/** Our answer: vjp(), jacobian() and hvp() of the library (`pinned`: see functionalOf). */
export function evaluateFunctional(c: FunctionalCase, pinned?: readonly number[]): FunctionalAnswer {
  const point = casePoint(c);
  const f = functionalOf(c, c.outputs, pinned);
  const [outputs, vj] = vjp(f, point, c.v);
  const root = functionalOf(c, [c.root], pinned);
  const [value, hv] = hvp((xs) => root(xs)[0]!, point, c.hv);
  return { outputs, vjp: vj, jacobian: jacobian(f, point), value, hvp: hv };
}

type Raw = { [K in keyof FunctionalAnswer]-?: unknown };
const nums = (xs: unknown): number[] => (xs as unknown[]).map(decodeNumber);

export function decodeFunctional(raw: Raw): FunctionalAnswer {
  return {
    outputs: nums(raw.outputs),
    vjp: nums(raw.vjp),
    jacobian: (raw.jacobian as unknown[]).map(nums),
    value: decodeNumber(raw.value),
    hvp: nums(raw.hvp),
    ...(raw.hvpHessian === undefined ? {} : { hvpHessian: nums(raw.hvpHessian) }),
    ...(raw.hvpForward === undefined ? {} : { hvpForward: nums(raw.hvpForward) }),
    ...(raw.values === undefined ? {} : { values: nums(raw.values) }),
  };
}

export function encodeFunctional(a: FunctionalAnswer): Record<string, unknown> {
  return {
    outputs: a.outputs.map(encodeNumber),
    vjp: a.vjp.map(encodeNumber),
    jacobian: a.jacobian.map((row) => row.map(encodeNumber)),
    value: encodeNumber(a.value),
    hvp: a.hvp.map(encodeNumber),
    ...(a.hvpHessian === undefined ? {} : { hvpHessian: a.hvpHessian.map(encodeNumber) }),
    ...(a.hvpForward === undefined ? {} : { hvpForward: a.hvpForward.map(encodeNumber) }),
    ...(a.values === undefined ? {} : { values: a.values.map(encodeNumber) }),
  };
}

/** PyTorch's answer (oracle kind "functional": torch.autograd.functional's vjp, jacobian and hvp). */
export async function torchFunctional(oracle: TorchOracle, c: FunctionalCase): Promise<FunctionalAnswer> {
  const raw = await oracle.request<Raw>('functional', {
    ...encodeSpec(c.spec),
    inputs: c.inputs,
    outputs: c.outputs,
    v: c.v.map(encodeNumber),
    root: c.root,
    hv: c.hv.map(encodeNumber),
  });
  return decodeFunctional(raw);
}
