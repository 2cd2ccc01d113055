// backwardSteps: the backward pass one node at a time, with the chain rule's arithmetic written out.
//
// The same walk as Value.backward (reverse topological order, the same additions in the same order), so
// stepping to the end leaves exactly the grads one backward() leaves. Local derivatives come from the op
// table; each is written out from the formula record beside it (engine/opFormulas.ts).

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import { OP_FORMULAS, writeFormula, type BinaryOpFormula, type FormulaText } from '../engine/opFormulas.js';
import { OPS } from '../engine/ops.js';
import { topoSort, Value } from '../engine/value.js';
import { formatCompact } from '../viz/formatCompact.js';
import { defaultName, partial, wrapName, type NameNode } from './nodeNames.js';

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
  /** `∂o/∂nn`: what `local` is. */
  readonly derivative: string;
  /** The op's local derivative with the nodes' names: `1 − o²`, `w1`. */
  readonly formula: string;
  /** The same with their numbers: `1 − 0.7071²` (equal to `formula` when that is a constant). */
  readonly numbers: string;
  /** The whole row: `∂o/∂nn = 1 − o² = 1 − 0.7071² = 0.5000;  × upstream ∂o/∂o = 1.0000  →  nn.grad += 0.5000`. */
  readonly text: string;
}

/** The seed (root.grad set to 1) or one node passing its grad to its inputs. */
export interface BackwardStep {
  readonly kind: 'seed' | 'node';
  readonly node: Value;
  /** The node's name in the written-out formulas. */
  readonly name: string;
  readonly contributions: readonly Contribution[];
  /** The step in one line (the seed's sentence, or the node and its op). */
  readonly text: string;
}

export interface StepperOptions {
  /**
   * Add into the leaves' grads as `backward()` does (PyTorch's behaviour). Default false: the pass starts
   * from zero grads everywhere, so it shows exactly what one backward() on a fresh graph gives.
   */
  readonly accumulate?: boolean;
  /** A node's name in formulas; default its label, else `t<i>` (its position in topological order). */
  readonly name?: NameNode;
}

/** Steps backward from `root` on demand; `next()` returns undefined when the pass is complete. */
export class BackwardStepper {
  readonly root: Value;
  /** Every node, children before parents (the order backward walks in reverse). */
  readonly order: readonly Value[];
  readonly accumulate: boolean;
  private readonly names: Map<Value, string>;
  private pos = -1;

  constructor(root: Value, opts: StepperOptions = {}) {
    if (!(root instanceof Value)) {
      throw new TypeError(`new BackwardStepper(root): expected a Value, got ${describe(root)}`);
    }
    checkStepperOptions(opts);
    this.root = root;
    this.order = topoSort(root);
    this.accumulate = opts.accumulate ?? false;
    const name = opts.name ?? defaultName;
    this.names = new Map(this.order.map((v, i) => [v, name(v, i)]));
  }

  /** The name a node goes by in this pass's formulas. */
  nameOf(v: Value): string {
    return this.names.get(v) ?? v.label;
  }

  /** True once every node has passed its grad on. */
  get done(): boolean {
    return this.pos >= 0 && this.nextNodeIndex() < 0;
  }

  /** Computed nodes still to pass their grad on after the last step. */
  get remaining(): number {
    let n = 0;
    const end = this.pos < 0 ? this.order.length : this.pos;
    for (let i = 0; i < end; i++) if (this.order[i]!.opName !== undefined) n++;
    return n;
  }

  /** Take one step: the seed first, then each computed node from the root down. */
  next(): BackwardStep | undefined {
    if (this.pos < 0) return this.seed();
    const i = this.nextNodeIndex();
    if (i < 0) return undefined;
    this.pos = i;
    const node = this.order[i]!;
    return {
      kind: 'node',
      node,
      name: this.nameOf(node),
      contributions: this.passGrad(node),
      text: this.opText(node),
    };
  }

  private seed(): BackwardStep {
    // As backward(): computed nodes restart from 0; leaves too unless this pass accumulates.
    for (const v of this.order) if (!this.accumulate || v.opName !== undefined) v.grad = 0;
    if (this.root.opName === undefined) this.root.grad += 1;
    else this.root.grad = 1;
    this.pos = this.order.length;
    const r = this.nameOf(this.root);
    return {
      kind: 'seed',
      node: this.root,
      name: r,
      contributions: [],
      text: `${partial(r, r)} = 1: ${wrapName(r)}.grad = ${formatCompact(this.root.grad)}, the output's derivative with respect to itself.`,
    };
  }

  private nextNodeIndex(): number {
    for (let i = this.pos - 1; i >= 0; i--) if (this.order[i]!.opName !== undefined) return i;
    return -1;
  }

  /** `o = tanh(nn)`, `x1*w1 = x1·w1`: the node and the op that made it, in names. */
  private opText(node: Value): string {
    return `${this.nameOf(node)} = ${writeOp(node, (v) => this.nameOf(v))}`;
  }

  /** Add a computed node's contributions to its inputs' grads, in backward's order (first input first). */
  private passGrad(node: Value): Contribution[] {
    const def = OPS[node.opName!];
    const formulas = OP_FORMULAS[node.opName!];
    const children = node.children;
    const a = children[0]!;
    // `children` lists distinct inputs: a binary op with one child used it twice (`a + a`).
    const b = def.arity === 2 ? (children[1] ?? a) : null;
    const bData = b === null ? 0 : b.data;
    const k = node.constant;
    const upstream = node.grad;
    const nodeName = this.nameOf(node);
    const rootName = this.nameOf(this.root);
    const byName = { a: this.nameOf(a), out: nodeName, k, ...(b === null ? {} : { b: this.nameOf(b) }) };
    const byNumber = {
      a: formatCompact(a.data),
      out: formatCompact(node.data),
      k,
      ...(b === null ? {} : { b: formatCompact(bData) }),
    };
    const out: Contribution[] = [];
    const add = (child: Value, input: 0 | 1, local: number, text: FormulaText, blocked = false): void => {
      // Where the table's `blocks` rule holds (relu where out ≤ 0, pow with exponent 0) backward passes
      // exactly 0 even when the upstream grad is ∞ or NaN, as PyTorch selects rather than multiplies.
      const contribution = blocked ? 0 : local * upstream;
      if (!blocked) child.grad += contribution;
      const childName = this.nameOf(child);
      const derivative = partial(nodeName, childName);
      const formula = writeFormula(text, byName);
      const numbers = writeFormula(text, byNumber);
      // A constant derivative (`∂nn/∂b = 1`) is written once; `w1 = -3.0000` skips the repeated number.
      const steps = /^\d+$/.test(formula)
        ? [derivative, formula]
        : [derivative, formula, numbers, formatCompact(local)].filter(
            (s, j, all) => j === 0 || s !== all[j - 1],
          );
      out.push({
        child,
        input,
        local,
        upstream,
        contribution,
        sum: child.grad,
        derivative,
        formula,
        numbers,
        text:
          `${steps.join(' = ')};  × upstream ${partial(rootName, nodeName)} = ${formatCompact(upstream)}` +
          `  →  ${wrapName(childName)}.grad += ${formatCompact(contribution)} (now ${formatCompact(child.grad)})` +
          (blocked ? ' (blocked: exactly 0, whatever comes from above)' : ''),
      });
    };
    add(
      a,
      0,
      def.da(a.data, bData, node.data, k),
      formulas.da,
      def.blocks?.(a.data, bData, node.data, k) === true,
    );
    if (b !== null && def.arity === 2)
      add(b, 1, def.db(a.data, bData, node.data, k), (formulas as BinaryOpFormula).db);
    return out;
  }
}

/** A computed node's op over its inputs: `x1·w1`, `a + b`, `e**-1`, `tanh(nn)`. */
export function writeOp(node: Value, name: (v: Value) => string): string {
  const [a, b] = node.children;
  if (a === undefined) return name(node);
  const bindings = { a: name(a), out: name(node), k: node.constant, b: name(b ?? a) };
  switch (node.opName) {
    case 'add':
      return writeFormula('a + b', bindings);
    case 'mul':
      return writeFormula('a * b', bindings);
    case 'pow':
      return writeFormula('a**k', bindings);
    default:
      return `${node.op}(${name(a)})`;
  }
}

function checkStepperOptions(opts: StepperOptions): void {
  checkOptions(opts, ['accumulate', 'name'], 'new BackwardStepper(root, opts)');
  if (opts.accumulate !== undefined && typeof opts.accumulate !== 'boolean') {
    throw new TypeError(
      `new BackwardStepper: expected opts.accumulate to be a boolean, got ${describe(opts.accumulate)}`,
    );
  }
  if (opts.name !== undefined && typeof opts.name !== 'function') {
    throw new TypeError(
      `new BackwardStepper: expected opts.name to be a function, got ${describe(opts.name)}`,
    );
  }
}
