// micrograd's own README example, written with micrograd-ts (the walkthrough guide's first program).
import { Value } from 'micrograd-ts';

const a = new Value(-4.0);
const b = new Value(2.0);
let c = a.add(b);
let d = a.mul(b).add(b.pow(3));
c = c.add(c.add(1));
c = c.add(c.add(1).add(a.neg()));
d = d.add(d.mul(2).add(b.add(a).relu()));
d = d.add(d.mul(3).add(b.sub(a).relu()));
const e = c.sub(d);
const f = e.pow(2);
let g = f.div(2.0);
g = g.add(f.rdiv(10.0));
console.log(g.data.toFixed(4)); // the outcome of this forward pass
g.backward();
console.log(a.grad.toFixed(4)); // dg/da
console.log(b.grad.toFixed(4)); // dg/db
console.log(g); // Value(data=...) as Python prints it
