// The parity suite's own defineOp ops, one unary and one binary, registered once for every parity module.
//
// The PyTorch oracle knows them by the same names (oracle/torch_oracle.py), each a torch.autograd.Function
// with these same rules. hypot's forward is torch.hypot, but its backward is the rule's g·(a/out): torch.hypot's
// own g·a/out overflows to ±inf on finite answers (g·a past 1.8e308). Recorded for a second order it is the
// valueDerivative as this engine records it, a·out⁻¹ (division is a composite), not torch's a / out.
import { defineOp } from '../../src/engine/defineOp.js';

/** softplus(x) = ln(1 + eˣ); its derivative σ(x) = (e⁻ˣ + 1)⁻¹, also as Values (second order). */
export const softplus = defineOp({
  name: 'softplus',
  forward: (x) => Math.log1p(Math.exp(x)),
  derivative: (x) => 1 / (1 + Math.exp(-x)),
  valueDerivative: (x) => x.neg().exp().add(1).pow(-1),
  formula: 'σ(x)',
});

/** hypot(a, b) = √(a² + b²); ∂/∂a = a/out, ∂/∂b = b/out (as PyTorch's hypot backward), also as Values. */
export const hypot = defineOp({
  name: 'hypot',
  arity: 2,
  forward: (a, b) => Math.hypot(a, b),
  derivative: (a, b, out) => [a / out, b / out],
  valueDerivative: (a, b, out) => [a.div(out), b.div(out)],
  formula: ['a / out', 'b / out'],
});

/** The custom ops by name, for fuzz programs. */
export const CUSTOM_OPS = { softplus, hypot } as const;
