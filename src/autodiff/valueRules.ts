// Each primitive's local derivatives written with Value operations, so a backward pass can record a graph.
//
// The numeric rules in engine/ops.ts compute ∂out/∂input as numbers; these compute the same quantities as
// Values built from the node's own inputs and output, so the gradient is itself differentiable. A test
// checks both forms agree at many points. Blocking (relu where out ≤ 0, pow(·, 0)) is not repeated here:
// the chain rule reads the table's `blocks` rule at every order.

import { opNameOf, registeredOp } from '../engine/opRegistry.js';
import { OP_NAMES, type BinaryOpName, type OpName, type UnaryOpName } from '../engine/ops.js';
import type { Value } from '../engine/value.js';

/**
 * ∂out/∂input as a Value over the node's inputs `a`, `b` (null for one-input ops), its output `out` and its
 * constant `k`; or the number 1 where the derivative is the constant 1 (add), so the recorded graph passes
 * the upstream gradient through unchanged, as PyTorch's AddBackward does.
 */
export type ValueLocalGrad = (a: Value, b: Value | null, out: Value, k: number) => Value | 1;

/** A one-input op's derivative written with Value ops. */
export interface UnaryValueRule {
  /** ∂out/∂a as a Value. */
  readonly da: ValueLocalGrad;
  /**
   * What the recorded pass adds to the input where the table's `blocks` rule holds, given the upstream
   * gradient `g`: a Value equal to 0 whatever `g` is. Default: a constant 0 (PyTorch's zeros_like).
   */
  readonly blocked?: (g: Value, a: Value, out: Value) => Value;
}
/** A two-input op's derivatives written with Value ops. */
export interface BinaryValueRule {
  /** ∂out/∂a as a Value. */
  readonly da: ValueLocalGrad;
  /** ∂out/∂b as a Value. */
  readonly db: ValueLocalGrad;
  /** As a unary rule's `blocked`, for a binary op that blocks its first input; `b` is its second. */
  readonly blocked?: (g: Value, a: Value, out: Value, b: Value) => Value;
}
/**
 * The Value-form rule of op `K` (a BinaryValueRule for a two-input op, else a UnaryValueRule): what
 * `gradients(…, { createGraph: true })` records, so that gradients can be differentiated again.
 */
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
  // tanh' = 1 − t² over the output t. Near t = 0 it is recorded as 1 − t·t, whose derivative −2t·t' is one
  // term, as PyTorch's tanh double backward (−2·y·g) is: (1 − t)(1 + t) would differentiate into −(1 + t) +
  // (1 − t), two terms near ±1 that cancel to 2t and lose its digits (tanh″(1e-12) off by 3e-5, tanh″(1e-17)
  // = 0). Where |t| ≥ ½ the factored form keeps 1 − t² accurate as t → ±1 (the numeric rule's form), and
  // its two terms cancel by at most a bit.
  tanh: { da: (_a, _b, t) => (Math.abs(t.data) < 0.5 ? t.mul(t).rsub(1) : t.rsub(1).mul(t.add(1))) },
  exp: { da: (_a, _b, out) => out }, // exp' = exp
  relu: {
    // relu' = 1 where it does not block (out > 0 or NaN), recorded as out⁰: exactly 1, and its derivative
    // by out is pow(·, 0)'s blocked 0. PyTorch's threshold_backward(g, out) likewise reads out with a zero
    // derivative, so a 0 reaches out's inputs at the next order (where 0 · ∞ makes NaN, as in PyTorch).
    da: (_a, _b, out) => out.pow(0),
    // Where it blocks, threshold_backward still records a 0 that reads g and out: g⁰ − out⁰ is exactly 0,
    // and sends a 0 (not nothing) to both at the next order.
    blocked: (g, _a, out) => g.pow(0).sub(out.pow(0)),
  },
  log: { da: (a) => a.pow(-1) }, // log' = 1/a
  // σ' = (1 − σ)σ. Near σ = ½ it is recorded as ¼ − d² with d = σ − ½ (exact there), whose derivative −2d·σ'
  // is one term, PyTorch's (1 − 2σ)·σ': the product form's two terms −σσ' and (1 − σ)σ' nearly cancel.
  // Away from ½ the product form keeps σ' accurate as σ → 0 or 1.
  sigmoid: {
    da: (_a, _b, s) => {
      if (!(Math.abs(s.data - 0.5) < 0.25)) return s.rsub(1).mul(s);
      const d = s.sub(0.5);
      return d.mul(d).rsub(0.25);
    },
  },
  // √' = (2·out)⁻¹, PyTorch's grad / (2 · result) over the output.
  sqrt: { da: (_a, _b, out) => out.mul(2).pow(-1) },
  // |a|' = sgn(a), whose own derivative is 0: a⁰·sgn(a) is that number, and sends a 0 (not nothing) to a at
  // the next order, as PyTorch's sgn backward (zeros_like) does.
  abs: { da: (a) => a.pow(0).mul(a.data > 0 ? 1 : a.data < 0 ? -1 : 0) },
  sin: { da: (a) => a.cos() }, // sin' = cos
  cos: { da: (a) => a.sin().neg() }, // cos' = −sin
  powValue: {
    // ∂(a^b)/∂a = b·a^(b−1), as PyTorch's pow_backward_self (exponent · self.pow(exponent − 1)).
    da: (a, b) => b!.mul(a.pow(b!.sub(1))),
    // ∂(a^b)/∂b = a^b·ln a; where a = 0 and b ≥ 0 PyTorch's where() picks 0 and sends a 0 into
    // result·log(self) at the next order: (out·ln a)⁰ − 1 is exactly 0 and does the same.
    db: (a, b, out) => (a.data === 0 && b!.data >= 0 ? out.mul(a.log()).pow(0).sub(1) : out.mul(a.log())),
    // Where b = 0 (the table's blocks rule) PyTorch's where() picks 0 over g·b·a^(b−1), which it still
    // builds and sends a 0 at the next order: (g·b·a^(b−1))⁰ − 1 is exactly 0 and does the same.
    blocked: (g, a, _out, b) =>
      g
        .mul(b.mul(a.pow(b.sub(1))))
        .pow(0)
        .sub(1),
  },
};

/**
 * Value-form derivatives of a registered op defined without `valueDerivative`: refused, with the reason.
 * Thrown by grad of grad, `hessian`, `hvp`, `gradgradcheck` and `gradients(…, { createGraph: true })` when
 * the graph holds such an op.
 */
export class NoValueDerivativeError extends TypeError {
  /** `'NoValueDerivativeError'`, as stack traces and `String(err)` show it. */
  override name = 'NoValueDerivativeError';
}

/**
 * The Value-form rule of the op with this code: the table's for a built-in, a registered op's own (from
 * defineOp's `valueDerivative`). A registered op without one cannot be differentiated twice: a TypeError.
 */
export function valueRuleOf(code: number): {
  readonly da: ValueLocalGrad;
  readonly db?: ValueLocalGrad;
  readonly blocked?: (g: Value, a: Value, out: Value, b: Value) => Value;
} {
  const custom = registeredOp(code);
  if (custom === undefined) return VALUE_RULES[OP_NAMES[code]!] as BinaryValueRule;
  if (custom.valueRule === undefined) {
    throw new NoValueDerivativeError(
      `op '${opNameOf(code)}' was defined without valueDerivative, so its derivative cannot be differentiated ` +
        'again (grad of grad, hessian, hvp, gradgradcheck): give defineOp a valueDerivative written with Value ops',
    );
  }
  return custom.valueRule;
}
