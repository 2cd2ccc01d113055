// The one op table: every primitive op's name, forward rule and local derivatives, defined once.
//
// The eager Value, the compiled tape, the graph picture, the expression parser and the parity suite all
// read this table. The chain rule itself (`child.grad += local * node.grad`) is written once, in backward.

/** A local derivative ∂out/∂input, given the inputs' data, the node's output and its constant. */
export type LocalGrad = (a: number, b: number, out: number, k: number) => number;

/** Ops with two Value inputs. */
export type BinaryOpName = 'add' | 'mul' | 'powValue';
/** Ops with one Value input (`pow` also carries a numeric exponent constant `k`). */
export type UnaryOpName =
  'pow' | 'tanh' | 'exp' | 'relu' | 'log' | 'sigmoid' | 'sqrt' | 'abs' | 'sin' | 'cos';
/** The built-in ops' names, as `Value.opName` gives them and the op table `OPS` is keyed. */
export type OpName = BinaryOpName | UnaryOpName;

/** What every op table entry has, one input or two. */
export interface OpCommon {
  /** Stable small integer, the op's index in OP_NAMES (what the tape stores). */
  readonly code: number;
  /** What the graph picture shows in the op node, e.g. `+`, `**2`, `tanh`. */
  readonly display: (k: number) => string;
  /** out = f(a, b, k); unary ops ignore b, only pow reads k. */
  readonly forward: (a: number, b: number, k: number) => number;
  /** ∂out/∂a. */
  readonly da: LocalGrad;
  /**
   * Where this is true, no gradient reaches the input: its contribution is 0 even when the upstream
   * gradient is infinite or NaN (where `0 * g` would be NaN). PyTorch selects rather than multiplies
   * for relu (threshold_backward) and for pow with exponent 0; every other rule multiplies.
   */
  readonly blocks?: (a: number, b: number, out: number, k: number) => boolean;
}
/** A one-input op's entry in the table (`tanh`, `pow` with its constant exponent, …). */
export interface UnaryOpDef extends OpCommon {
  /** One input. */
  readonly arity: 1;
}
/** A two-input op's entry in the table (`add`, `mul`, `powValue`). */
export interface BinaryOpDef extends OpCommon {
  /** Two inputs. */
  readonly arity: 2;
  /** ∂out/∂b. */
  readonly db: LocalGrad;
}
/** The table entry of op `K`: a BinaryOpDef for a two-input op, else a UnaryOpDef. */
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
  'sqrt',
  'abs',
  'sin',
  'cos',
  'powValue',
] as const satisfies readonly OpName[];

/**
 * C99/IEEE `pow`, which PyTorch uses. JavaScript's `**` differs only where the base is ±1 and the
 * exponent is ±Infinity or NaN (JS gives NaN, C gives 1).
 *
 * @param a - The base.
 * @param k - The exponent.
 */
export function powC(a: number, k: number): number {
  if (a === 1 || (a === -1 && (k === Infinity || k === -Infinity))) return 1;
  return a ** k;
}

const code = (name: OpName): number => (OP_NAMES as readonly string[]).indexOf(name);

/**
 * `a ** k` as PyTorch computes a tensor to a scalar power in float64: exponents 0.5, -0.5, -1, 2, 3
 * and -2 use dedicated kernels (sqrt, 1/sqrt, 1/a, a·a, a·a·a, 1/(a·a)), every other exponent C `pow`.
 * They differ from `pow` at the edges (sqrt(-0) = -0, sqrt(-Infinity) = NaN) and in the last bit.
 *
 * @param a - The base.
 * @param k - The exponent.
 */
export function powScalar(a: number, k: number): number {
  switch (k) {
    case 0.5:
      return Math.sqrt(a);
    case -0.5:
      return 1 / Math.sqrt(a);
    case -1:
      return 1 / a;
    case 2:
      return a * a;
    case 3:
      return a * a * a;
    case -2:
      return 1 / (a * a);
    default:
      return powC(a, k);
  }
}

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
    forward: (a, _b, k) => powScalar(a, k),
    // ∂(a^k)/∂a = k·a^(k-1), with a^(k-1) computed as the forward pass computes powers.
    da: (a, _b, _out, k) => (k === 0 ? 0 : k * powScalar(a, k - 1)),
    // PyTorch defines the gradient of a^0 as exactly 0, whatever a and the upstream gradient are.
    blocks: (_a, _b, _out, k) => k === 0,
  },
  tanh: {
    code: code('tanh'),
    arity: 1,
    display: () => 'tanh',
    forward: (a) => Math.tanh(a),
    // tanh' = 1 − tanh², as (1 − t)(1 + t): near t = ±1, 1 − t·t loses every digit to the rounding of
    // t·t (at tanh(9) the gradient is off in the 9th digit); PyTorch's fused 1 − t·t keeps them.
    da: (_a, _b, t) => (1 - t) * (1 + t),
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
    // PyTorch's clamp_min, max(a, 0) as `a < 0 ? 0 : a`: NaN passes through and relu(-0) is -0.
    forward: (a) => (a < 0 ? 0 : a),
    // PyTorch's threshold_backward on the output: 0 where out <= 0 (so 0 at 0), else 1 (NaN included).
    da: (_a, _b, out) => (out <= 0 ? 0 : 1),
    // …and it selects, so where out <= 0 even an infinite or NaN upstream gradient gives 0.
    blocks: (_a, _b, out) => out <= 0,
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
  sqrt: {
    code: code('sqrt'),
    arity: 1,
    display: () => 'sqrt',
    forward: (a) => Math.sqrt(a),
    // √' = 1/(2√a) over the output, as PyTorch's grad / (2 · result): ∞ at 0 (−∞ at −0), 0 at ∞.
    da: (_a, _b, out) => 1 / (2 * out),
  },
  abs: {
    code: code('abs'),
    arity: 1,
    display: () => 'abs',
    forward: (a) => Math.abs(a),
    // |a|' = sgn(a), PyTorch's sgn: 0 at ±0 and at NaN (so abs(NaN) passes a 0 gradient, not NaN). It
    // multiplies (grad · sgn), so an infinite upstream gradient at 0 gives NaN, as there.
    da: (a) => (a > 0 ? 1 : a < 0 ? -1 : 0),
  },
  sin: {
    code: code('sin'),
    arity: 1,
    display: () => 'sin',
    forward: (a) => Math.sin(a),
    da: (a) => Math.cos(a), // sin' = cos
  },
  cos: {
    code: code('cos'),
    arity: 1,
    display: () => 'cos',
    forward: (a) => Math.cos(a),
    da: (a) => -Math.sin(a), // cos' = −sin
  },
  powValue: {
    code: code('powValue'),
    arity: 2,
    display: () => '**',
    // a ** b with a Value exponent: PyTorch's pow(Tensor, Tensor), C pow (no special exponents).
    forward: (a, b) => powC(a, b),
    // ∂(a^b)/∂a = b·a^(b−1); exactly 0 where b = 0 (PyTorch selects there, see blocks).
    da: (a, b) => (b === 0 ? 0 : b * powC(a, b - 1)),
    // ∂(a^b)/∂b = a^b·ln a, and 0 where a = 0 and b ≥ 0 (PyTorch's pow_backward_exponent; it multiplies,
    // so a negative base gives ln a = NaN, as there).
    db: (a, b, out) => (a === 0 && b >= 0 ? 0 : out * Math.log(a)),
    blocks: (_a, b) => b === 0,
  },
};

/** The table indexed by op code, for the hot loops of backward and the tape. */
export const OPS_BY_CODE: readonly OpDef[] = OP_NAMES.map((name) => OPS[name]);
