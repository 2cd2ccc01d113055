// trace: every node and edge of a Value graph, in a deterministic order (children before parents).

import { describe } from '../engine/describe.js';
import { topoSort, Value } from '../engine/value.js';

/** A Value graph as lists: what {@link trace} returns. */
export interface Trace {
  /** Every Value reachable from the root, children before parents; the root is last. */
  nodes: Value[];
  /** `[child, parent]` for each distinct input of each node, in node order (`a + a` gives one edge). */
  edges: Array<[child: Value, parent: Value]>;
  /** Each node's position in `nodes`: a stable id for pictures (the same graph gives the same ids). */
  ids: Map<Value, number>;
}

/** Walk the graph under `root`. The same graph gives the same order on every run. */
export function trace(root: Value): Trace {
  if (!(root instanceof Value)) throw new TypeError(`trace(root): expected a Value, got ${describe(root)}`);
  const nodes = topoSort(root);
  const ids = new Map<Value, number>();
  nodes.forEach((v, i) => ids.set(v, i));
  const edges: Array<[Value, Value]> = [];
  for (const v of nodes) for (const child of v.children) edges.push([child, v]);
  return { nodes, edges, ids };
}
