// The backprop walkthrough, cell by cell, in TypeScript. Run: npx tsx examples/walkthrough.ts
import { Value } from 'micrograd-ts';

// A simple two-input neuron.
{
  const x1 = new Value(2.0, { label: 'x1' });
  const x2 = new Value(0.0, { label: 'x2' });
  const w1 = new Value(-3.0, { label: 'w1' });
  const w2 = new Value(1.0, { label: 'w2' });
  const b = new Value(6.88137358, { label: 'b' });
  const x1w1 = x1.mul(w1); x1w1.label = 'x1*w1'; console.log(x1w1); // Value(data=-6.0)
  const x2w2 = x2.mul(w2); x2w2.label = 'x2*w2'; console.log(x2w2); // Value(data=0.0)
  const x1w1x2w2 = x1w1.add(x2w2); x1w1x2w2.label = 'x1*w1 + x2*w2'; console.log(x1w1x2w2); // Value(data=-6.0)
  const n = x1w1x2w2.add(b); n.label = 'nn'; console.log(n); // Value(data=0.88137358)
  const o = n.tanh(); o.label = 'o'; console.log(o); // Value(data=0.707106777676776)

  o.backward();
  for (const v of [x1, w1, x2, w2, b]) console.log(`${v.label}.grad = ${v.grad}`);
}

// The same neuron with tanh broken down into exp, pow and div: tanh(n) = (e^2n - 1) / (e^2n + 1).
{
  const x1 = new Value(2.0, { label: 'x1' });
  const x2 = new Value(0.0, { label: 'x2' });
  const w1 = new Value(-3.0, { label: 'w1' });
  const w2 = new Value(1.0, { label: 'w2' });
  const b = new Value(6.88137358, { label: 'b' });
  const n = x1.mul(w1).add(x2.mul(w2)).add(b);
  const e = n.mul(2).exp(); console.log(e); // Value(data=5.828427042920401)
  const o = e.sub(1).div(e.add(1));
  o.backward();
  for (const v of [x1, w1, x2, w2, b]) console.log(`${v.label}.grad = ${v.grad}`); // the same gradients
}

// Rough work.
{
  const a = new Value(2.0);
  const b = new Value(4.0);
  console.log(a.div(b)); // Value(data=0.5)
}
{
  const a = new Value(3.0, { label: 'a' });
  const b = a.add(a); b.label = 'b';
  b.backward();
  console.log(a.grad); // 2: a is used twice and gets both contributions
}
{
  const a = new Value(-2.0, { label: 'a' });
  const b = new Value(3.0, { label: 'b' });
  const d = a.mul(b); d.label = 'd';
  const e = a.add(b); e.label = 'e';
  const f = d.mul(e); f.label = 'f';
  f.backward();
  console.log(a.grad, b.grad); // -3 -8
}
{
  const a = new Value(2.0);
  console.log(a.mul(2)); // Value(data=4.0): Python's 2 * a
}
