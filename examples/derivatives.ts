// Derivatives of derivatives: Newton's method with grad(grad(f)), Rosenbrock's Hessian, a JVP and gradcheck.
import { Value, grad, gradcheck, hessian, jvp } from 'micrograd-ts';

// Newton's method for a minimum of f(x) = x⁴ − 3x² + x: x ← x − f′(x) / f″(x), both from grad.
const f = (x: Value): Value => x.pow(4).sub(x.pow(2).mul(3)).add(x);
const df = grad(f);
const d2f = grad(df);
let x = 2;
for (let step = 1; step <= 6; step++) {
  x -= df(x).data / d2f(x).data;
  console.log(`step ${step}: x = ${x}, f'(x) = ${df(x).data}`);
}
console.log(`f'''(0.5) = ${grad(d2f)(0.5).data}`); // 24x

function rosenbrock(v: Value[]): Value {
  const [x, y] = v as [Value, Value];
  return x
    .rsub(1)
    .pow(2)
    .add(y.sub(x.pow(2)).pow(2).mul(100)); // (1 − x)² + 100(y − x²)²
}
console.log(hessian(rosenbrock, [1, 1])); // at the minimum
console.log(jvp(rosenbrock, [0, 0], [1, 0])); // [value, directional derivative along x]
console.log(gradcheck(rosenbrock, [0.5, -1])); // against central differences, PyTorch's tolerances
