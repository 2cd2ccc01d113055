// Add your own op: softplus with its derivative, checked with gradcheck, used in a neuron and drawn.
import { Value, defineOp, gradcheck, gradgradcheck } from 'micrograd-ts';
import { drawDot } from 'micrograd-ts/viz';

// softplus(x) = ln(1 + eˣ), a smooth relu; its derivative is the sigmoid σ(x) = 1 / (1 + e⁻ˣ).
const softplus = defineOp({
  name: 'softplus',
  forward: (x) => Math.log1p(Math.exp(x)),
  derivative: (x) => 1 / (1 + Math.exp(-x)), // ∂out/∂x, from the input (and the output, unused here)
  valueDerivative: (x) => x.neg().exp().add(1).pow(-1), // the same with Value ops: enables grad of grad
  formula: 'σ(x)', // what the stepper and --explain write
});

// The exercise: check the derivative against central differences, at first and second order.
console.log(
  gradcheck(([x]) => softplus(x!), [0.5]),
  gradgradcheck(([x]) => softplus(x!), [0.5]),
);

// A neuron with softplus as its activation, like any other op.
const x1 = new Value(2, { label: 'x1' });
const w1 = new Value(-3, { label: 'w1' });
const b = new Value(6.5, { label: 'b' });
const x1w1 = x1.mul(w1);
x1w1.label = 'x1*w1';
const n = x1w1.add(b);
n.label = 'n';
const o = softplus(n);
o.label = 'o';
o.backward();
console.log(`o = ${o.data.toFixed(4)}, do/dw1 = ${w1.grad.toFixed(4)}`);

// The picture: the op node shows the op's name. (`npx tsx examples/customOp.ts docs/custom-op.png`)
const out = process.argv[2];
if (out !== undefined) await drawDot(o).save(out);
