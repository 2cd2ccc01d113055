// Value: a scalar that records the arithmetic done with it, and backward() that fills in every grad.

import { checkOptions } from './checkKeys.js';
import { describe } from './describe.js';
import { JUPYTER_DISPLAY, type MimeBundle } from './display.js';
import { ADD, MUL, blocksA, da1, da2, db2, isBinary } from './kernels.js';
import { checkNotReplayed, leafFieldError } from './leafChecks.js';
import { opDef, opNameOf } from './opRegistry.js';
import { OPS, powC, type OpName } from './ops.js';
import { pyRepr } from './pyRepr.js';

/** The options of `new Value(data, opts)`. */
export interface ValueOptions {
  /** A name for the node, shown in graph pictures. */
  label?: string;
}

/** Anything a Value method accepts where the walkthrough lets Python mix Values and numbers. */
export type Operand = Value | number;

const LEAF = -1;

// Visit stamps for the topological sort. Each sort takes two fresh stamps: `base` marks a node entered,
// `base + 1` marks it finished. Comparing numbers is cheaper than a Set, and nothing needs clearing.
let epoch = 0;
// The first leaf linkOrder met (for backward) whose grad or data is not a number: backward reports it
// before adding anything, rather than letting `+=` concatenate a string ("5" + 3 = "53").
let badLeaf: Value | null = null;

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

/** A Value as `toJSON` gives it: this node's numbers and names (NaN and ±Infinity become null in JSON). */
export interface ValueJson {
  /** The node's value (null in JSON where it is NaN or ±Infinity). */
  data: number;
  /** Its gradient from the last backward pass, 0 before one. */
  grad: number;
  /** Its label, '' when it has none. */
  label: string;
  /** The op as the picture shows it (`+`, `*`, `**-1`, `tanh`, …), '' for a leaf. */
  op: string;
}

// Labels live beside the nodes, not in them: few nodes carry one, and a field on every node of a
// 65,000-node training graph cost 8 bytes each, rebuilt every step.
const labels = new WeakMap<Value, string>();

/**
 * A scalar that records the arithmetic done with it. Each op method (`add`, `mul`, `tanh`, …) returns a new
 * Value that remembers its inputs and its op; `backward()` then walks that graph from the output and fills
 * in every node's `grad` with ∂output/∂node. Numbers are float64, as in PyTorch's float64 tensors.
 *
 * @example The walkthrough's neuron o = tanh(x1·w1 + x2·w2 + b) and its gradients
 * ```ts
 * import { Value } from 'micrograd-ts';
 *
 * const x1 = new Value(2, { label: 'x1' });
 * const x2 = new Value(0, { label: 'x2' });
 * const w1 = new Value(-3, { label: 'w1' });
 * const w2 = new Value(1, { label: 'w2' });
 * const b = new Value(6.88137358, { label: 'b' });
 * const o = x1.mul(w1).add(x2.mul(w2)).add(b).tanh();
 * o.backward();
 * console.log(o.data); // → 0.707106777676776
 * console.log(x1.grad); // → -1.5000000148906993
 * console.log(w1.grad); // → 1.000000009927133
 * console.log(x2.grad, w2.grad); // → 0.5000000049635664 0
 * ```
 * The post's own numbers (b = 6.88137358 puts o a hair below 1/√2): x1.grad -1.5000000148906993, w1.grad
 * 1.000000009927133, x2.grad 0.5000000049635664, w2.grad 0.
 */
export class Value {
  /** The scalar this node holds. */
  data: number;
  /** ∂root/∂this after `backward()`; 0 before. Leaves accumulate across passes, as in PyTorch. */
  grad = 0;
  /** @internal op code (OP_NAMES, then ops registered with defineOp), or -1 for a leaf. */
  _op = LEAF;
  /** @internal first input (null for a leaf). */
  _a: Value | null = null;
  /** @internal second input (null for a leaf or a unary op). */
  _b: Value | null = null;
  /** @internal the op's numeric constant (pow's exponent), else 0. */
  _k = 0;
  /** @internal visit stamp for topological sorts. */
  _mark = 0;
  /** @internal next op node in backward's reverse topological order (null outside backward). */
  _next: Value | null = null;

  /**
   * A leaf: a number you give, such as an input or a parameter. Its `grad` starts at 0.
   *
   * @param data - The scalar the node holds.
   * @param opts - `label`, a name shown in graph pictures.
   * @throws TypeError when `data` is not a number, `opts` is not an object, has a key other than `label`,
   * or its `label` is not a string.
   * @example
   * ```ts
   * import { Value } from 'micrograd-ts';
   *
   * const a = new Value(2, { label: 'a' });
   * console.log(String(a), a.label, a.grad); // → Value(data=2.0) a 0
   * ```
   */
  constructor(data: number, opts?: ValueOptions) {
    if (typeof data !== 'number') {
      throw new TypeError(`new Value(data): expected data to be a number, got ${describe(data)}`);
    }
    this.data = data;
    if (opts !== undefined) {
      const label = checkOptions(opts, ['label'], 'new Value(data, opts)')['label'] ?? '';
      if (typeof label !== 'string') {
        throw new TypeError(
          `new Value(data, opts): expected opts.label to be a string, got ${describe(label)}`,
        );
      }
      if (label !== '') labels.set(this, label);
    }
  }

  /**
   * A name for pictures; assignable, as the walkthrough does (`x1w1.label = 'x1*w1'`). Assigning a
   * non-string throws a TypeError.
   */
  get label(): string {
    return labels.get(this) ?? '';
  }

  set label(label: string) {
    if (typeof label !== 'string') {
      throw new TypeError(`Value.label: expected a string, got ${describe(label)}`);
    }
    if (label === '') labels.delete(this);
    else labels.set(this, label);
  }

  /** The op that produced this node as the picture shows it (`+`, `*`, `**-1`, `tanh`, …); '' for a leaf. */
  get op(): string {
    return this._op === LEAF ? '' : opDef(this._op).display(this._k);
  }

  /** The op's name (`add`, `mul`, `pow`, …, or a defineOp op's own name), or undefined for a leaf. */
  get opName(): OpName | (string & {}) | undefined {
    return this._op === LEAF ? undefined : opNameOf(this._op);
  }

  /** The op's numeric constant (the exponent of a `pow` node); 0 otherwise. */
  get constant(): number {
    return this._k;
  }

  /** The distinct inputs of this node, in order (`a + a` has one child, as micrograd's set does). */
  get children(): Value[] {
    const a = this._a;
    const b = this._b;
    if (a === null) return [];
    if (b === null || b === a) return [a];
    return [a, b];
  }

  /**
   * `this + other`, recorded as a `+` node. Derivatives: ∂out/∂this = 1, ∂out/∂other = 1.
   *
   * @param other - A Value, or a number (it becomes a new leaf).
   * @returns The new node.
   * @throws TypeError when `other` is neither a Value nor a number, or an input's `data` was assigned a
   * non-number.
   * @example
   * ```ts
   * import { Value } from 'micrograd-ts';
   *
   * const a = new Value(2);
   * const b = new Value(-3);
   * const c = a.add(b);
   * c.backward();
   * console.log(String(c), a.grad, b.grad); // → Value(data=-1.0) 1 1
   * ```
   */
  add(other: Operand): Value {
    checkData(this, 'add');
    const o = operand(other, 'add');
    return node(OPS.add.forward(this.data, o.data, 0), OPS.add.code, this, o, 0);
  }

  /**
   * `this * other`, recorded as a `*` node. Derivatives: ∂out/∂this = other, ∂out/∂other = this.
   *
   * @param other - A Value, or a number (it becomes a new leaf).
   * @returns The new node.
   * @throws TypeError when `other` is neither a Value nor a number, or an input's `data` was assigned a
   * non-number.
   * @example
   * ```ts
   * import { Value } from 'micrograd-ts';
   *
   * const x1 = new Value(2);
   * const w1 = new Value(-3);
   * const x1w1 = x1.mul(w1);
   * x1w1.backward();
   * console.log(String(x1w1)); // → Value(data=-6.0)
   * console.log(x1.grad, w1.grad); // → -3 2
   * ```
   */
  mul(other: Operand): Value {
    checkData(this, 'mul');
    const o = operand(other, 'mul');
    return node(OPS.mul.forward(this.data, o.data, 0), OPS.mul.code, this, o, 0);
  }

  /**
   * `this ** exponent`. A number exponent is a constant, as in the walkthrough (a `**k` node); a Value
   * exponent is an input too (a `**` node), as PyTorch's pow(Tensor, Tensor). Derivatives:
   * ∂out/∂this = exponent·this**(exponent − 1) (exactly 0 where the exponent is 0), and for a Value
   * exponent ∂out/∂exponent = out·log(this) (0 where this = 0 and exponent ≥ 0).
   *
   * @param exponent - A number (a constant `k`), or a Value (differentiated too).
   * @returns The new node.
   * @throws TypeError when `exponent` is neither a number nor a Value, or an input's `data` was assigned a
   * non-number.
   * @example
   * ```ts
   * import { Value } from 'micrograd-ts';
   *
   * const a = new Value(3);
   * const b = a.pow(2);
   * b.backward();
   * console.log(b.op, b.data, a.grad); // → **2 9 6
   * ```
   */
  pow(exponent: Operand): Value {
    checkData(this, 'pow');
    if (exponent instanceof Value) {
      checkData(exponent, 'pow');
      return node(OPS.powValue.forward(this.data, exponent.data, 0), OPS.powValue.code, this, exponent, 0);
    }
    if (typeof exponent !== 'number') {
      throw new TypeError(
        `Value.pow(exponent): expected exponent to be a number or a Value, got ${describe(exponent)}`,
      );
    }
    return node(OPS.pow.forward(this.data, 0, exponent), OPS.pow.code, this, null, exponent);
  }

  /**
   * `-this`, recorded as `this * -1`: ∂out/∂this = -1 through the `*` node.
   *
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  neg(): Value {
    return this.mul(-1);
  }

  /**
   * `this - other`, recorded as `this + (-other)`; a number is negated as a number, as Python does.
   * ∂out/∂this = 1, ∂out/∂other = -1.
   *
   * @param other - A Value, or a number.
   * @throws TypeError when `other` is neither a Value nor a number, or an input's `data` was assigned a
   * non-number.
   */
  sub(other: Operand): Value {
    return this.add(typeof other === 'number' ? -other : operand(other, 'sub').neg());
  }

  /**
   * `other - this`, recorded as `(-this) + other` (Python's `__rsub__`, for `2 - a`).
   * ∂out/∂this = -1, ∂out/∂other = 1.
   *
   * @param other - A Value, or a number.
   * @throws TypeError when `other` is neither a Value nor a number, or an input's `data` was assigned a
   * non-number.
   */
  rsub(other: Operand): Value {
    const o = operand(other, 'rsub');
    return this.neg().add(o);
  }

  /**
   * `this / other`, recorded as `this * other**-1`; a number is inverted as a number, as Python does.
   * ∂out/∂this = 1/other, ∂out/∂other = -this/other**2.
   *
   * @param other - A Value, or a number.
   * @throws TypeError when `other` is neither a Value nor a number, or an input's `data` was assigned a
   * non-number.
   */
  div(other: Operand): Value {
    return this.mul(typeof other === 'number' ? powC(other, -1) : operand(other, 'div').pow(-1));
  }

  /**
   * `other / this`, recorded as `this**-1 * other` (Python's `__rtruediv__`, for `1 / a`).
   * ∂out/∂this = -other/this**2, ∂out/∂other = 1/this.
   *
   * @param other - A Value, or a number.
   * @throws TypeError when `other` is neither a Value nor a number, or an input's `data` was assigned a
   * non-number.
   */
  rdiv(other: Operand): Value {
    const o = operand(other, 'rdiv');
    return this.pow(-1).mul(o);
  }

  /**
   * The hyperbolic tangent, recorded as a `tanh` node: the neuron's activation in the walkthrough.
   * Derivative: ∂out/∂this = 1 − out**2.
   *
   * @returns The new node.
   * @throws TypeError when this node's `data` was assigned a non-number.
   * @example
   * ```ts
   * import { Value } from 'micrograd-ts';
   *
   * const n = new Value(0.88137358, { label: 'n' });
   * const o = n.tanh();
   * o.backward();
   * console.log(o.data); // → 0.707106777676776
   * console.log(n.grad); // → 0.5000000049635664
   * ```
   * (1 − 0.707106777676776**2 = 0.5000000049635664, as the post prints it.)
   */
  tanh(): Value {
    checkData(this, 'tanh');
    return node(OPS.tanh.forward(this.data, 0, 0), OPS.tanh.code, this, null, 0);
  }

  /**
   * e to the power `this`, recorded as an `exp` node. Derivative: ∂out/∂this = out.
   *
   * @returns The new node.
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  exp(): Value {
    checkData(this, 'exp');
    return node(OPS.exp.forward(this.data, 0, 0), OPS.exp.code, this, null, 0);
  }

  /**
   * `max(this, 0)`, recorded as a `ReLU` node (PyTorch's: NaN passes through, relu(-0) is -0).
   * Derivative: ∂out/∂this = 1 where out > 0, else 0; where out ≤ 0 no gradient passes at all, so an
   * infinite or NaN upstream gradient gives 0 there, as PyTorch's threshold_backward does.
   *
   * @returns The new node.
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  relu(): Value {
    checkData(this, 'relu');
    return node(OPS.relu.forward(this.data, 0, 0), OPS.relu.code, this, null, 0);
  }

  /**
   * The natural logarithm, recorded as a `log` node (NaN below 0, -Infinity at 0, as `Math.log`).
   * Derivative: ∂out/∂this = 1/this.
   *
   * @returns The new node.
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  log(): Value {
    checkData(this, 'log');
    return node(OPS.log.forward(this.data, 0, 0), OPS.log.code, this, null, 0);
  }

  /**
   * The logistic function 1/(1 + exp(-this)), recorded as a `sigmoid` node.
   * Derivative: ∂out/∂this = out·(1 − out).
   *
   * @returns The new node.
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  sigmoid(): Value {
    checkData(this, 'sigmoid');
    return node(OPS.sigmoid.forward(this.data, 0, 0), OPS.sigmoid.code, this, null, 0);
  }

  /**
   * The square root, recorded as a `sqrt` node (NaN below 0).
   * Derivative: ∂out/∂this = 1/(2·out): Infinity at 0, as PyTorch's.
   *
   * @returns The new node.
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  sqrt(): Value {
    checkData(this, 'sqrt');
    return node(OPS.sqrt.forward(this.data, 0, 0), OPS.sqrt.code, this, null, 0);
  }

  /**
   * The absolute value, recorded as an `abs` node.
   * Derivative: ∂out/∂this = sgn(this): 1 above 0, -1 below, 0 at ±0 (and at NaN), as PyTorch's.
   *
   * @returns The new node.
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  abs(): Value {
    checkData(this, 'abs');
    return node(OPS.abs.forward(this.data, 0, 0), OPS.abs.code, this, null, 0);
  }

  /**
   * The sine (radians), recorded as a `sin` node. Derivative: ∂out/∂this = cos(this).
   *
   * @returns The new node.
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  sin(): Value {
    checkData(this, 'sin');
    return node(OPS.sin.forward(this.data, 0, 0), OPS.sin.code, this, null, 0);
  }

  /**
   * The cosine (radians), recorded as a `cos` node. Derivative: ∂out/∂this = −sin(this).
   *
   * @returns The new node.
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  cos(): Value {
    checkData(this, 'cos');
    return node(OPS.cos.forward(this.data, 0, 0), OPS.cos.code, this, null, 0);
  }

  /**
   * A new leaf with this node's data and no history (PyTorch's `detach`): gradients stop here.
   *
   * @throws TypeError when this node's `data` was assigned a non-number.
   */
  detach(): Value {
    checkData(this, 'detach');
    return new Value(this.data);
  }

  /**
   * Backpropagate from this node: every node it was computed from gets ∂this/∂node in `grad`.
   * Leaves accumulate (a second call adds the same gradients again, as PyTorch does); intermediate
   * nodes are reset first, so they show the gradients of the latest pass. This node's own grad is set
   * to 1 (∂this/∂this). The walk is iterative: a graph millions of nodes deep does not overflow the stack.
   *
   * @throws TypeError when a leaf's `data` or `grad` was assigned a non-number (named by its label).
   * @throws Error when this node's `data` was last computed by `Tape.forward` from changed leaves (its
   * intermediate nodes hold older values; use `tape.backward()`).
   * @example The walkthrough's neuron, each gradient ∂o/∂leaf
   * ```ts
   * import { Value } from 'micrograd-ts';
   *
   * const x1 = new Value(2);
   * const x2 = new Value(0);
   * const w1 = new Value(-3);
   * const w2 = new Value(1);
   * const b = new Value(6.88137358);
   * const n = x1.mul(w1).add(x2.mul(w2)).add(b);
   * const o = n.tanh();
   * o.backward();
   * console.log(n.grad); // → 0.5000000049635664
   * console.log(x1.grad); // → -1.5000000148906993
   * console.log(w1.grad); // → 1.000000009927133
   * o.backward(); // leaves add the same gradients again
   * console.log(w1.grad); // → 2.000000019854266
   * ```
   */
  backward(): void {
    checkNotReplayed(this, 'Value.backward()');
    if (this._op === LEAF) {
      if (typeof this.grad !== 'number') throw leafFieldError(this, 'grad', 'Value.backward()');
      this.grad += 1;
      return;
    }
    let v: Value | null = linkOrder(this, true);
    if (badLeaf !== null) {
      const leaf = badLeaf;
      badLeaf = null;
      for (let u: Value | null = v; u !== null;) {
        const next: Value | null = u._next;
        u._next = null;
        u = next;
      }
      const field = typeof leaf.grad !== 'number' ? 'grad' : 'data';
      throw leafFieldError(leaf, field, 'Value.backward()');
    }
    this.grad = 1;
    while (v !== null) {
      const next: Value | null = v._next;
      v._next = null; // drop the link as we go: a kept node must not hold on to this graph's order
      const op = v._op;
      const a = v._a!;
      const b = v._b;
      const g = v.grad;
      // The chain rule, written once: child.grad += local derivative × upstream grad. The kernels call
      // the op table's own rules from monomorphic call sites (see kernels.ts).
      if (b !== null && (op === ADD || op === MUL || isBinary(op))) {
        const ad = a.data;
        const bd = b.data;
        if (!blocksA(op, ad, bd, v.data, 0)) a.grad += da2(op, ad, bd, v.data) * g;
        b.grad += db2(op, ad, bd, v.data) * g;
      } else if (!blocksA(op, a.data, 0, v.data, v._k)) {
        a.grad += da1(op, a.data, v.data, v._k) * g;
      }
      v = next;
    }
  }

  /** Set `grad` to 0 on this node and every node it was computed from. */
  zeroGrad(): void {
    const topo = topoSort(this);
    for (let i = 0; i < topo.length; i++) topo[i]!.grad = 0;
  }

  /**
   * `Value(data=…)` with the number as Python prints a float, as the walkthrough shows a Value.
   *
   * @example
   * ```ts
   * import { Value } from 'micrograd-ts';
   *
   * console.log(String(new Value(2).mul(-3))); // → Value(data=-6.0)
   * ```
   */
  toString(): string {
    return `Value(data=${pyRepr(this.data)})`;
  }

  /** `JSON.stringify` gives this node alone (data, grad, label, op), never the graph behind it. */
  toJSON(): ValueJson {
    return { data: this.data, grad: this.grad, label: this.label, op: this.op };
  }

  /** The last line of a Jupyter cell shows `Value(data=…)`, as the walkthrough's notebook prints it. */
  [JUPYTER_DISPLAY](): MimeBundle {
    return { 'text/plain': this.toString() };
  }

  /** What Node's `console.log` and `util.inspect` show: the same `Value(data=…)` as `toString()`. */
  [inspectSymbol](): string {
    return this.toString();
  }
}

// V8 picks a field's representation from the first values stored in it (small integer, then double; null,
// then an object) and, when a later store needs a wider one, deprecates the shape and migrates every live
// node one by one: the first backward over a million nodes took seconds longer. Settle the number fields on the general
// representation once, before any real node exists.
{
  const warm = new Value(0.5) as unknown as Record<
    'data' | 'grad' | '_k' | '_a' | '_b' | '_next' | '_op' | '_mark',
    unknown
  >;
  warm.data = warm.grad = warm._k = null;
  // The link fields hold null and Values: let them see both now, not first in a ten-million-node backward.
  warm._a = warm._b = warm._next = warm;
  warm._a = warm._b = warm._next = null;
  warm._op = warm._mark = 1; // and both small-integer fields are written after construction
  warm._op = warm._mark = 0;
}

// False inside noGrad(fn): ops then make leaves, recording no graph (PyTorch's no_grad).
let recording = true;

/** @internal Turn graph recording on or off; returns the previous setting (noGrad restores it). */
export function setRecording(on: boolean): boolean {
  const was = recording;
  recording = on;
  return was;
}

/** True unless inside noGrad(fn): ops record the graph they build. */
export function isGradEnabled(): boolean {
  return recording;
}

/**
 * @internal Build an op node (or, inside noGrad, a leaf holding the result). The public constructor only
 * makes leaves; Value's methods and defineOp's ops come here.
 */
export function node(data: number, op: number, a: Value, b: Value | null, k: number): Value {
  const v = new Value(data);
  if (!recording) return v;
  v._op = op;
  v._a = a;
  v._b = b;
  v._k = k;
  return v;
}

/**
 * Checked at the top of every op: an input whose data was assigned a non-number (`x.data = '2'`) is the
 * culprit, named before `+` coerces it into a string, a throw about primitives, or a new node's complaint.
 */
function checkData(v: Value, method: string): void {
  if (typeof v.data !== 'number') {
    throw new TypeError(
      `Value.${method}: an input's data is ${describe(v.data)}, expected a number (was .data assigned something else?)`,
    );
  }
}

function operand(x: unknown, method: string): Value {
  if (x instanceof Value) {
    checkData(x, method);
    return x;
  }
  if (typeof x === 'number') return new Value(x);
  throw new TypeError(`Value.${method}(other): expected other to be a Value or a number, got ${describe(x)}`);
}

/**
 * Every node reachable from `root`, children before parents (iterative DFS post-order, so a graph
 * millions of nodes deep cannot overflow the call stack).
 *
 * @param root - The graph's output.
 * @returns The nodes, leaves first, `root` last; each once.
 */
export function topoSort(root: Value): Value[] {
  const order: Value[] = [];
  for (let v = linkOrder(root, false); v !== null;) {
    order.push(v);
    const next: Value | null = v._next;
    v._next = null;
    v = next;
  }
  return order.reverse();
}

/**
 * The DFS behind topoSort and backward: reachable nodes threaded through `_next` in reverse topological
 * order, the root first. A list through the nodes costs a quarter less than pushing a 65,000-entry array.
 * For backward (`forBackward`), leaves are left out and each op node's grad is zeroed on the way.
 */
function linkOrder(root: Value, forBackward: boolean): Value | null {
  epoch += 2;
  const entered = epoch;
  const done = epoch + 1;
  let head: Value | null = null;
  const stack: Value[] = [root];
  while (stack.length > 0) {
    const v = stack[stack.length - 1]!;
    if (v._mark < entered) {
      v._mark = entered;
      // Push b first so a is visited first: the order matches a left-to-right recursive sort.
      const b = v._b;
      if (b !== null && b._mark < entered) stack.push(b);
      const a = v._a;
      if (a !== null && a._mark < entered) stack.push(a);
    } else {
      stack.pop();
      if (v._mark === entered) {
        v._mark = done;
        if (forBackward) {
          if (v._op === LEAF) {
            if (typeof v.grad !== 'number' || typeof v.data !== 'number') badLeaf ??= v;
            continue;
          }
          v.grad = 0;
        }
        v._next = head;
        head = v;
      }
    }
  }
  return head;
}
