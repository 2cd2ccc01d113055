// backwardSteps: the backward pass one node at a time, with the chain rule's arithmetic laid out.
//
// The same walk as Value.backward (reverse topological order, the same resets, the same additions in the
// same order), so stepping to the end leaves exactly the grads backward() leaves. Local derivatives come
// from the op table; nothing here re-derives them.

import { describe } from '../engine/describe.js';
import { OPS } from '../engine/ops.js';
import { topoSort, Value } from '../engine/value.js';

/** One input's share of a node's gradient: `local × upstream = contribution`, added into `child.grad`. */
export interface Contribution {
  /** The input the gradient flows into. */
  readonly child: Value;
  /** Which input of the op it is: 0 for the first, 1 for the second (`a + a` has both, same child). */
  readonly input: 0 | 1;
  /** ∂node/∂child, from the op table. */
  readonly local: number;
  /** The node's grad: ∂root/∂node. */
  readonly upstream: number;
  /** local × upstream. */
  readonly contribution: number;
  /** child.grad right after adding the contribution: the running sum. */
  readonly sum: number;
}

/** The seed (root.grad set to 1) or one node passing its grad to its inputs. */
export interface BackwardStep {
  readonly kind: 'seed' | 'node';
  readonly node: Value;
  readonly contributions: readonly Contribution[];
}

/** Steps backward from `root` on demand; `next()` returns undefined when the pass is complete. */
export class BackwardStepper {
  readonly root: Value;
  /** Every node, children before parents (the order backward walks in reverse). */
  readonly order: readonly Value[];
  private pos = -1;

  constructor(root: Value) {
    if (!(root instanceof Value)) {
      throw new TypeError(`new BackwardStepper(root): expected a Value, got ${describe(root)}`);
    }
    this.root = root;
    this.order = topoSort(root);
  }

  /** True once every node has passed its grad on. */
  get done(): boolean {
    return this.pos >= 0 && this.nextNodeIndex() < 0;
  }

  /** Take one step: the seed first, then each computed node from the root down. */
  next(): BackwardStep | undefined {
    if (this.pos < 0) {
      // As backward(): computed nodes restart from 0, leaves keep what earlier passes left.
      for (const v of this.order) if (v.opName !== undefined) v.grad = 0;
      if (this.root.opName === undefined) this.root.grad += 1;
      else this.root.grad = 1;
      this.pos = this.order.length;
      return { kind: 'seed', node: this.root, contributions: [] };
    }
    const i = this.nextNodeIndex();
    if (i < 0) return undefined;
    this.pos = i;
    return { kind: 'node', node: this.order[i]!, contributions: passGrad(this.order[i]!) };
  }

  private nextNodeIndex(): number {
    for (let i = this.pos - 1; i >= 0; i--) if (this.order[i]!.opName !== undefined) return i;
    return -1;
  }
}

/** Add a computed node's contributions to its inputs' grads, in backward's order (first input first). */
function passGrad(node: Value): Contribution[] {
  const def = OPS[node.opName!];
  const children = node.children;
  const a = children[0]!;
  // `children` lists distinct inputs: a binary op with one child used it twice (`a + a`).
  const b = def.arity === 2 ? (children[1] ?? a) : null;
  const bData = b === null ? 0 : b.data;
  const k = node.constant;
  const upstream = node.grad;
  const out: Contribution[] = [];
  const add = (child: Value, input: 0 | 1, local: number): void => {
    const contribution = local * upstream;
    child.grad += contribution;
    out.push({ child, input, local, upstream, contribution, sum: child.grad });
  };
  add(a, 0, def.da(a.data, bData, node.data, k));
  if (b !== null && def.arity === 2) add(b, 1, def.db(a.data, bData, node.data, k));
  return out;
}
