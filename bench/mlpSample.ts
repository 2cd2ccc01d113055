// mlpSample: one sample through a tanh MLP built from plain Values, the graph size a picture must handle.

import { Rng } from '../src/data/Rng.js';
import { Value } from '../src/engine/value.js';

/**
 * `MLP(nin, sizes)` as micrograd builds it (each neuron `sum(w*x) + b`, tanh on every layer but the last),
 * applied to one input and back-propagated. MLP(2, [16, 16, 1]) gives 979 Values, 1,619 DOT nodes.
 */
export function mlpSample(nin: number, sizes: readonly number[], seed = 1): Value {
  const rng = new Rng(seed);
  let h = Array.from({ length: nin }, (_, i) => new Value(rng.uniform(-1, 1), { label: `x${i + 1}` }));
  sizes.forEach((n, layer) => {
    h = Array.from({ length: n }, () => {
      let act: Value = new Value(rng.uniform(-1, 1), { label: 'b' });
      for (const x of h) act = new Value(rng.uniform(-1, 1), { label: 'w' }).mul(x).add(act);
      return layer === sizes.length - 1 ? act : act.tanh();
    });
  });
  const out = h[0]!;
  out.backward();
  return out;
}
