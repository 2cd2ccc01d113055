// forwardSteps: the forward pass one node at a time, in topological order, as the post narrates it.

import { describe } from '../engine/describe.js';
import { topoSort, Value } from '../engine/value.js';
import { formatCompact } from '../viz/formatCompact.js';
import { writeOp } from './backwardSteps.js';
import { defaultName, type NameNode } from './nodeNames.js';

/** One node's value appearing: an input's number, or an op applied to values already shown. */
export interface ForwardStep {
  readonly node: Value;
  /** Its position in topological order (children before parents). */
  readonly index: number;
  readonly name: string;
  /** `x1*w1 = x1·w1 = 2.0000·(-3.0000) = -6.0000`, or `x1 = 2.0000 (an input)`. */
  readonly text: string;
}

/** Every node's forward step, children before parents; names as in BackwardStepper. */
export function forwardSteps(root: Value, name: NameNode = defaultName): ForwardStep[] {
  if (!(root instanceof Value))
    throw new TypeError(`forwardSteps(root): expected a Value, got ${describe(root)}`);
  const order = topoSort(root);
  const names = new Map(order.map((v, i) => [v, name(v, i)]));
  const nameOf = (v: Value): string => names.get(v)!;
  return order.map((node, index) => {
    const value = formatCompact(node.data);
    const text =
      node.opName === undefined
        ? `${nameOf(node)} = ${value} (an input)`
        : `${nameOf(node)} = ${writeOp(node, nameOf)} = ${writeOp(node, (v) => formatCompact(v.data))} = ${value}`;
    return { node, index, name: nameOf(node), text };
  });
}
