// Random Value graphs over every op of the table, for checking the tape against the eager engine.
import { Rng } from '../../src/data/Rng.js';
import { Value } from '../../src/engine/value.js';

export interface RandomGraph {
  leaves: Value[];
  nodes: Value[];
  root: Value;
}

const EXPONENTS = [2, 3, -1, 0.5, 0, -2];

/**
 * `size` ops over `nLeaves` leaves; inputs lean towards recent nodes so graphs get deep, and reuse is
 * common. `shift(i)` is added to leaf i's drawn value (same graph shape, other numbers).
 */
export function randomGraph(rng: Rng, nLeaves: number, size: number, shift = (_i: number) => 0): RandomGraph {
  const leaves = Array.from(
    { length: nLeaves },
    (_, i) => new Value(rng.uniform(-2, 2) + shift(i), { label: `l${i}` }),
  );
  const nodes: Value[] = [...leaves];
  const pick = (): Value => {
    const back = Math.min(nodes.length, 1 + rng.int(rng.random() < 0.7 ? 6 : nodes.length));
    return nodes[nodes.length - back]!;
  };
  for (let i = 0; i < size; i++) {
    const a = pick();
    let v: Value;
    switch (rng.int(14)) {
      case 0:
      case 1:
      case 2:
        v = a.add(pick());
        break;
      case 3:
      case 4:
        v = a.mul(pick());
        break;
      case 5:
        // a linear combination with a bias, as a neuron builds it
        v = pick();
        for (let j = 0; j < 1 + rng.int(4); j++) v = v.add(pick().mul(pick()));
        break;
      case 6:
        v = a.pow(EXPONENTS[rng.int(EXPONENTS.length)]!);
        break;
      case 7:
        v = a.tanh();
        break;
      case 8:
        v = a.exp();
        break;
      case 9:
        v = a.relu();
        break;
      case 10:
        v = a.log();
        break;
      case 11:
        v = a.sigmoid();
        break;
      case 12:
        v = a.sub(rng.random() < 0.5 ? pick() : rng.uniform(-1, 1));
        break;
      default:
        v = a.div(pick());
    }
    nodes.push(v);
  }
  let root = nodes[nodes.length - 1]!;
  for (let j = 2; j <= Math.min(4, nodes.length); j++) root = root.add(nodes[nodes.length - j]!);
  return { leaves, nodes, root };
}
