// The one op table: every primitive op's name, forward rule and local derivatives, defined once.
//
// The eager Value, the compiled tape, the graph picture, the expression parser and the parity suite all
// read this table. The chain rule itself (`child.grad += local * node.grad`) is written once, in backward.

/** A local derivative ∂out/∂input, given the inputs' data, the node's output and its constant. */
export type LocalGrad = (a: number, b: number, out: number, k: number) => number;

/** Ops with two Value inputs. */
export type BinaryOpName = 'add' | 'mul';
/** Ops with one Value input (`pow` also carries a numeric exponent constant `k`). */
export type UnaryOpName = 'pow' | 'tanh' | 'exp' | 'relu' | 'log' | 'sigmoid';
export type OpName = BinaryOpName | UnaryOpName;

interface OpCommon {
  /** Stable small integer, the op's index in OP_NAMES (what the tape stores). */
  readonly code: number;
  /** What the graph picture shows in the op node, e.g. `+`, `**2`, `tanh`. */
  readonly display: (k: number) => string;
  /** out = f(a, b, k); unary ops ignore b, only pow reads k. */
  readonly forward: (a: number, b: number, k: number) => number;
  /** ∂out/∂a. */
  readonly da: LocalGrad;
}
export interface UnaryOpDef extends OpCommon {
  readonly arity: 1;
}
export interface BinaryOpDef extends OpCommon {
  readonly arity: 2;
  /** ∂out/∂b. */
  readonly db: LocalGrad;
}
export type OpDef<K extends OpName = OpName> = K extends BinaryOpName ? BinaryOpDef : UnaryOpDef;

/** Op names in code order; a name's index is its code. */
export const OP_NAMES = [
  'add',
  'mul',
  'pow',
  'tanh',
  'exp',
  'relu',
  'log',
  'sigmoid',
] as const satisfies readonly OpName[];

/**
 * C99/IEEE `pow`, which PyTorch uses. JavaScript's `**` differs only where the base is ±1 and the
 * exponent is ±Infinity or NaN (JS gives NaN, C gives 1).
 */
export function powC(a: number, k: number): number {
  if (a === 1 || (a === -1 && (k === Infinity || k === -Infinity))) return 1;
  return a ** k;
}

const code = (name: OpName): number => (OP_NAMES as readonly string[]).indexOf(name);

/** The table. A missing op or a missing derivative is a compile error. */
export const OPS: { readonly [K in OpName]: OpDef<K> } = {
  add: {
    code: code('add'),
    arity: 2,
    display: () => '+',
    forward: (a, b) => a + b,
    da: () => 1, // ∂(a+b)/∂a = 1
    db: () => 1, // ∂(a+b)/∂b = 1
  },
  mul: {
    code: code('mul'),
    arity: 2,
    display: () => '*',
    forward: (a, b) => a * b,
    da: (_a, b) => b, // ∂(ab)/∂a = b
    db: (a) => a, // ∂(ab)/∂b = a
  },
  pow: {
    code: code('pow'),
    arity: 1,
    display: (k) => `**${k}`,
    forward: (a, _b, k) => powC(a, k),
    // ∂(a^k)/∂a = k·a^(k-1); PyTorch defines it as exactly 0 when k = 0 (even at a = 0).
    da: (a, _b, _out, k) => (k === 0 ? 0 : k * powC(a, k - 1)),
  },
  tanh: {
    code: code('tanh'),
    arity: 1,
    display: () => 'tanh',
    forward: (a) => Math.tanh(a),
    da: (_a, _b, t) => 1 - t * t, // tanh' = 1 − tanh²
  },
  exp: {
    code: code('exp'),
    arity: 1,
    display: () => 'exp',
    forward: (a) => Math.exp(a),
    da: (_a, _b, out) => out, // exp' = exp
  },
  relu: {
    code: code('relu'),
    arity: 1,
    display: () => 'ReLU',
    // NaN passes through, as in PyTorch's clamp_min.
    forward: (a) => (a > 0 || a !== a ? a : 0),
    // PyTorch's threshold_backward on the output: 0 where out <= 0 (so 0 at 0), else 1 (NaN included).
    da: (_a, _b, out) => (out <= 0 ? 0 : 1),
  },
  log: {
    code: code('log'),
    arity: 1,
    display: () => 'log',
    forward: (a) => Math.log(a),
    da: (a) => 1 / a, // log' = 1/a
  },
  sigmoid: {
    code: code('sigmoid'),
    arity: 1,
    display: () => 'sigmoid',
    forward: (a) => 1 / (1 + Math.exp(-a)),
    da: (_a, _b, s) => (1 - s) * s, // σ' = σ(1 − σ)
  },
};

/** The table indexed by op code, for the hot loops of backward and the tape. */
export const OPS_BY_CODE: readonly OpDef[] = OP_NAMES.map((name) => OPS[name]);
