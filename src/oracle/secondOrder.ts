// Second-order answers: a graph's value, gradient, Hessian and JVP by its inputs, ours or PyTorch's.

import { gradients } from '../autodiff/gradients.js';
import { hessian } from '../autodiff/hessian.js';
import { jvp } from '../autodiff/jvp.js';
import { Value } from '../engine/value.js';
import { isLeafSpec, specRoot, valuesFromSpec, type GraphSpec } from './graphSpec.js';
import { decodeNumber, encodeNumber, encodeSpec, type TorchOracle } from './TorchOracle.js';

/** A graph to differentiate: `inputs` are the spec indices of the leaves that vary (others are constants). */
export interface SecondOrderCase {
  spec: GraphSpec;
  inputs: number[];
  tangent: number[];
}

export interface SecondOrderAnswer {
  value: number;
  grad: number[];
  /** hessian[i][j] = ∂²root/∂input_i∂input_j */
  hessian: number[][];
  /** ∇root · tangent */
  jvp: number;
  /** PyTorch's answers only: ∇root · tangent by its forward-mode AD (torch.autograd.forward_ad). */
  jvpForward?: number;
  /** PyTorch's answers only: every node's value, in spec order. */
  values?: number[];
}

/**
 * The case's root as a function of its inputs' Values (constants rebuilt as they are). With `pinned`, each
 * op node's data is then set to that number (by spec index): derivatives are taken from those values, so
 * a comparison sees the rules alone, not rounding carried in from the forward pass.
 */
export function caseFunction(c: SecondOrderCase, pinned?: readonly number[]): (xs: Value[]) => Value {
  return (xs) => {
    const vs = valuesFromSpec(c.spec, new Map(c.inputs.map((i, j) => [i, xs[j]!])));
    if (pinned !== undefined) vs.forEach((v, i) => v.opName !== undefined && (v.data = pinned[i]!));
    return vs[specRoot(c.spec)]!;
  };
}

/** Our answer: gradients(), hessian() from a recorded gradient, jvp() by forward mode (`pinned`: see caseFunction). */
export function evaluateSecondOrder(c: SecondOrderCase, pinned?: readonly number[]): SecondOrderAnswer {
  const f = caseFunction(c, pinned);
  const point = c.inputs.map((i) => {
    const n = c.spec.nodes[i]!;
    if (!isLeafSpec(n)) throw new RangeError(`second-order case: input node ${i} is not a leaf`);
    return n.value;
  });
  const xs = point.map((x) => new Value(x));
  const y = f(xs);
  return {
    value: y.data,
    grad: gradients(y, xs).map((g) => g.data),
    hessian: hessian(f, point),
    jvp: jvp(f, point, c.tangent)[1],
  };
}

type Raw = {
  value: unknown;
  grad: unknown[];
  hessian: unknown[][];
  jvp: unknown;
  jvpForward?: unknown;
  values?: unknown[];
};

export function decodeSecondOrder(raw: Raw): SecondOrderAnswer {
  return {
    value: decodeNumber(raw.value),
    grad: raw.grad.map(decodeNumber),
    hessian: raw.hessian.map((row) => row.map(decodeNumber)),
    jvp: decodeNumber(raw.jvp),
    ...(raw.jvpForward === undefined ? {} : { jvpForward: decodeNumber(raw.jvpForward) }),
    ...(raw.values === undefined ? {} : { values: raw.values.map(decodeNumber) }),
  };
}

export function encodeSecondOrder(a: SecondOrderAnswer): Record<string, unknown> {
  return {
    value: encodeNumber(a.value),
    grad: a.grad.map(encodeNumber),
    hessian: a.hessian.map((row) => row.map(encodeNumber)),
    jvp: encodeNumber(a.jvp),
    ...(a.jvpForward === undefined ? {} : { jvpForward: encodeNumber(a.jvpForward) }),
    ...(a.values === undefined ? {} : { values: a.values.map(encodeNumber) }),
  };
}

/** PyTorch's answer (oracle kind "second_order"). */
export async function torchSecondOrder(oracle: TorchOracle, c: SecondOrderCase): Promise<SecondOrderAnswer> {
  const raw = await oracle.request<Raw>('second_order', {
    ...encodeSpec(c.spec),
    inputs: c.inputs,
    tangent: c.tangent.map(encodeNumber),
  });
  return decodeSecondOrder(raw);
}
