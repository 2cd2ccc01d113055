// Each primitive's local derivatives written with Value operations, so a backward pass can record a graph.
//
// The numeric rules in engine/ops.ts compute ∂out/∂input as numbers; these compute the same quantities as
// Values built from the node's own inputs and output, so the gradient is itself differentiable. A test
// checks both forms agree at many points. Blocking (relu where out ≤ 0, pow(·, 0)) is not repeated here:
// the chain rule reads the table's `blocks` rule at every order.

import type { BinaryOpName, OpName, UnaryOpName } from '../engine/ops.js';
import type { Value } from '../engine/value.js';

/**
 * ∂out/∂input as a Value over the node's inputs `a`, `b` (null for one-input ops), its output `out` and its
 * constant `k`; or the number 1 where the derivative is the constant 1 (add, relu where it passes), so the
 * recorded graph passes the upstream gradient through unchanged, as PyTorch's AddBackward and
 * threshold_backward do.
 */
export type ValueLocalGrad = (a: Value, b: Value | null, out: Value, k: number) => Value | 1;

export interface UnaryValueRule {
  readonly da: ValueLocalGrad;
}
export interface BinaryValueRule {
  readonly da: ValueLocalGrad;
  readonly db: ValueLocalGrad;
}
export type ValueRule<K extends OpName = OpName> = K extends BinaryOpName
  ? BinaryValueRule
  : K extends UnaryOpName
    ? UnaryValueRule
    : never;

/** The Value-form rules. A missing op or a missing derivative is a compile error. */
export const VALUE_RULES: { readonly [K in OpName]: ValueRule<K> } = {
  add: {
    da: () => 1, // ∂(a+b)/∂a = 1
    db: () => 1, // ∂(a+b)/∂b = 1
  },
  mul: {
    da: (_a, b) => b!, // ∂(ab)/∂a = b
    db: (a) => a, // ∂(ab)/∂b = a
  },
  // ∂(a^k)/∂a = k·a^(k−1), built as PyTorch's pow_backward builds it (k · a.pow(k − 1)), so its own
  // derivative is k(k−1)·a^(k−2), and 0 when k − 1 = 0 (pow's blocking rule, one order up).
  pow: { da: (a, _b, _out, k) => a.pow(k - 1).mul(k) },
  // tanh' = (1 − t)(1 + t) over the output t, as the numeric rule computes it.
  tanh: { da: (_a, _b, t) => t.rsub(1).mul(t.add(1)) },
  exp: { da: (_a, _b, out) => out }, // exp' = exp
  // relu' = 1 where it does not block (out > 0 or NaN); its own derivative is 0, as PyTorch's.
  relu: { da: () => 1 },
  log: { da: (a) => a.pow(-1) }, // log' = 1/a
  sigmoid: { da: (_a, _b, s) => s.rsub(1).mul(s) }, // σ' = (1 − σ)σ
};
