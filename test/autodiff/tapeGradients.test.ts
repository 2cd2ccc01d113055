// The tape replays gradient graphs: a Hessian-vector product compiled once, replayed as parameters move.
import { describe, expect, it } from 'vitest';
import { gradients, hessian } from '../../src/autodiff/index.js';
import { Rng } from '../../src/data/Rng.js';
import { Value } from '../../src/engine/value.js';
import { compile } from '../../src/tape/index.js';

/** A smooth loss over three parameters (every op but relu, whose selection would be fixed when recorded). */
const loss = ([a, b, c]: Value[]): Value =>
  a!.mul(b!).tanh().add(b!.pow(2).mul(c!.exp())).add(a!.sigmoid().log()).add(c!.pow(3).mul(0.1));

/** ∇loss · v with the gradient recorded, differentiated again: the Hessian-vector product, as Values. */
function hvp(params: Value[], v: readonly number[]): Value[] {
  const g = gradients(loss(params), params, { createGraph: true });
  let dot: Value = new Value(0);
  g.forEach((gi, i) => (dot = dot.add(gi.mul(v[i]!))));
  return gradients(dot, params, { createGraph: true });
}

describe('compile() on gradient graphs', () => {
  it('replays a Hessian-vector product as parameters move; tape and eager agree', () => {
    const rng = new Rng(15);
    const params = [0.3, -0.8, 0.5].map((x) => new Value(x));
    const v = [0.7, -1.1, 0.4];
    const tapes = hvp(params, v).map((h) => compile(h));
    for (let step = 0; step < 20; step++) {
      for (const p of params) p.data += rng.uniform(-0.2, 0.2);
      const replayed = tapes.map((t) => t.forward());
      // Eager: record everything afresh at the new point; and the independent Hessian · v.
      const fresh = hvp(
        params.map((p) => new Value(p.data)),
        v,
      ).map((h) => h.data);
      const H = hessian(
        loss,
        params.map((p) => p.data),
      );
      const Hv = H.map((row) => row.reduce((s, h, j) => s + h * v[j]!, 0));
      replayed.forEach((r, i) => {
        // Same graph, same ops in the same order: the tape reproduces eager to the last bit.
        expect(r).toBe(fresh[i]);
        expect(Math.abs(r - Hv[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(Hv[i]!)));
      });
    }
  });

  it('backward through a compiled gradient graph gives third derivatives (tape vs eager gradients)', () => {
    const x = new Value(0.6);
    const g2 = gradients(gradients(x.tanh().mul(x.exp()), [x], { createGraph: true })[0]!, [x], {
      createGraph: true,
    })[0]!;
    const tape = compile(g2, { fuse: false });
    for (const at of [0.6, -0.4, 1.3]) {
      x.data = at;
      x.grad = 0;
      tape.forward();
      tape.backward();
      const y = new Value(at);
      const g2Eager = gradients(gradients(y.tanh().mul(y.exp()), [y], { createGraph: true })[0]!, [y], {
        createGraph: true,
      })[0]!;
      const [g3] = gradients(g2Eager, [y]);
      expect(Math.abs(x.grad - g3!.data)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(g3!.data)));
    }
  });
});
