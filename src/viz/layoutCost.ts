// layoutCost: how much work Graphviz's dot layout will do for drawDot's graph, known before running it.
//
// dot gives every node a rank (a column in LR) and splits each edge spanning k ranks into k - 1 virtual
// nodes, then orders and positions real and virtual nodes alike. A leaf used at many depths (`x+x+…+x`)
// has one long edge per use: 100 terms make ~300 nodes but ~10,000 virtual ones, and the positioning
// pass (network simplex) grows much faster than linearly in them. So the cost counts both.

import type { Value } from '../engine/value.js';

/** What Graphviz would have to place for a graph picture (`GraphDrawing.layoutCost`), known before layout. */
export interface LayoutCost {
  /** DOT nodes: one per Value plus one op node per computed Value. */
  nodes: number;
  /** Edges between them (op → Value, and each distinct input → the op node it feeds). */
  edges: number;
  /** Virtual nodes dot inserts for long edges: the edges' rank spans beyond 1, summed. */
  virtualNodes: number;
}

/**
 * The cost of laying out drawDot's picture of `nodes` (children before parents, as `trace` gives them;
 * `ids` their positions). Two feasible rankings are tried (computed nodes early with leaves late, and
 * everything late); dot's optimal ranking is no longer than the shorter, so this can only overestimate.
 */
export function layoutCost(nodes: readonly Value[], ids: ReadonlyMap<Value, number>): LayoutCost {
  const n = nodes.length;
  const index = (c: Value): number => ids.get(c)!;
  // Ranks of each Value's record node; its op node sits one rank before it. Computed nodes as early as
  // their inputs allow, leaves just before their first use (pulling a leaf later only shortens edges).
  const early = new Float64Array(n);
  let nodeCount = 0;
  let edges = 0;
  for (let i = 0; i < n; i++) {
    const v = nodes[i]!;
    if (v.opName === undefined) {
      nodeCount += 1;
      continue;
    }
    nodeCount += 2;
    const children = v.children;
    edges += 1 + children.length;
    let op = 0;
    for (const c of children) op = Math.max(op, early[index(c)]! + 1);
    early[i] = op + 1;
  }
  const leavesLate = Float64Array.from(early, (r, j) => (nodes[j]!.opName === undefined ? Infinity : r));
  for (let i = 0; i < n; i++) {
    for (const c of nodes[i]!.children) {
      const j = index(c);
      if (nodes[j]!.opName === undefined) leavesLate[j] = Math.min(leavesLate[j]!, early[i]! - 2);
    }
  }
  const span = (rank: Float64Array): number => {
    let total = 0;
    for (let i = 0; i < n; i++) {
      for (const c of nodes[i]!.children) total += rank[i]! - 2 - rank[index(c)]!;
    }
    return total;
  };
  // Every node as late as its uses allow, the root last.
  const late = new Float64Array(n).fill(Infinity);
  for (let i = n - 1; i >= 0; i--) {
    if (late[i] === Infinity) late[i] = early[i]!; // the root
    for (const c of nodes[i]!.children) {
      const j = index(c);
      late[j] = Math.min(late[j]!, late[i]! - 2);
    }
  }
  return { nodes: nodeCount, edges, virtualNodes: Math.min(span(leavesLate), span(late)) };
}
