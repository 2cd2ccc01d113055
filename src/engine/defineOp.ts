// defineOp: a user's own primitive op (forward, derivative, optional Value-form derivative), usable like any other.

import { checkOptions } from './checkKeys.js';
import { describe } from './describe.js';
import { opCodeOf, registerOp, type ValueGrad } from './opRegistry.js';
import { node, Value, type Operand } from './value.js';

/** A one-input op: `out = forward(x)`, `∂out/∂x = derivative(x, out)`. */
export interface UnaryOpSpec {
  /** The op's name: an identifier, shown on its picture node and callable in expressions. */
  name: string;
  /** 1, the default: one input. */
  arity?: 1;
  /** `out` from the input's number. */
  forward: (x: number) => number;
  /** ∂out/∂x from the input and the output, as a number. */
  derivative: (x: number, out: number) => number;
  /** The same derivative written with Value ops: enables second order (grad of grad, hessian, hvp). */
  valueDerivative?: (x: Value, out: Value) => Value;
  /** The derivative as the stepper writes it, over `x` and `out` (e.g. `σ(x)`). */
  formula?: string;
}

/** A two-input op: `out = forward(a, b)`, `[∂out/∂a, ∂out/∂b] = derivative(a, b, out)`. */
export interface BinaryOpSpec {
  /** The op's name: an identifier, shown on its picture node and callable in expressions. */
  name: string;
  /** 2: two inputs (required, so a two-input spec is never read as a one-input one). */
  arity: 2;
  /** `out` from the inputs' numbers. */
  forward: (a: number, b: number) => number;
  /** `[∂out/∂a, ∂out/∂b]` (a plain array type, so `() => [1, 1]` infers; its length is checked at the call). */
  derivative: (a: number, b: number, out: number) => readonly number[];
  /** `[∂out/∂a, ∂out/∂b]` written with Value ops: enables second order (grad of grad, hessian, hvp). */
  valueDerivative?: (a: Value, b: Value, out: Value) => readonly Value[];
  /** The two derivatives as the stepper writes them, over `a`, `b` and `out`. */
  formula?: readonly [string, string];
}

/**
 * A one-input op made by `defineOp`: called with a Value or a number, it records one node. It throws a
 * TypeError when `x` is neither, or when the spec's `forward` does not return a number.
 */
export type UnaryOp = (x: Operand) => Value;
/** A two-input op made by `defineOp`: called with Values or numbers, it records one node with both inputs. */
export type BinaryOp = (a: Operand, b: Operand) => Value;

const KEYS = ['name', 'arity', 'forward', 'derivative', 'valueDerivative', 'formula'];
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Define a primitive op of your own (PyTorch's `torch.autograd.Function`, JAX's `custom_vjp`): its forward
 * rule and its derivative, from which backward(), compile()d tapes, gradients, jvp, gradcheck, drawDot and
 * the stepper all work; with `valueDerivative`, second order too. Returns the op as a function of Values or
 * numbers. Names are global and unique: a built-in op's, a Value method's or an earlier defineOp's name is
 * refused.
 *
 * ```ts
 * const softplus = defineOp({
 *   name: 'softplus',
 *   forward: (x) => Math.log1p(Math.exp(x)),
 *   derivative: (x) => 1 / (1 + Math.exp(-x)),
 *   valueDerivative: (x) => x.neg().exp().add(1).pow(-1),
 *   formula: 'σ(x)',
 * });
 * softplus(new Value(0.5)).backward();
 * ```
 *
 * @param spec - The op: `name`, `arity` (1 or 2), `forward`, `derivative`, and optionally
 * `valueDerivative` and `formula`.
 * @returns The op, a function of Values or numbers that records one node.
 * @throws TypeError when `spec` is not an object or has an unknown key, `name` is not an identifier, a
 * rule is not a function, or `formula` has the wrong shape.
 * @throws RangeError when the name is taken (a built-in op, a Value method, an earlier defineOp), `arity`
 * is not 1 or 2, or a rule takes more parameters than its arity passes.
 */
export function defineOp(spec: UnaryOpSpec): UnaryOp;
export function defineOp(spec: BinaryOpSpec): BinaryOp;
export function defineOp(spec: UnaryOpSpec | BinaryOpSpec): UnaryOp | BinaryOp {
  const o = checkOptions(spec, KEYS, 'defineOp(spec)', 'spec');
  if (spec === undefined) throw new TypeError('defineOp(spec): expected spec to be an object, got undefined');
  const name = o['name'];
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new TypeError(
      `defineOp(spec): expected spec.name to be an identifier (letters, digits, _), got ${describe(name)}`,
    );
  }
  const where = `defineOp('${name}')`;
  if (opCodeOf(name) >= 0 || name === 'leaf' || name in Value.prototype) {
    throw new RangeError(
      `${where}: the name '${name}' is taken by ${opCodeOf(name) >= 0 ? 'an existing op' : 'a Value method'}; choose another`,
    );
  }
  const arity = o['arity'] ?? 1;
  if (arity !== 1 && arity !== 2) {
    throw new RangeError(`${where}: expected spec.arity to be 1 or 2, got ${describe(arity)}`);
  }
  const fn = (key: string, params: number, optional = false): void => {
    const f = o[key];
    if (optional && f === undefined) return;
    if (typeof f !== 'function') {
      throw new TypeError(`${where}: expected spec.${key} to be a function, got ${describe(f)}`);
    }
    // A declared parameter count above what the op passes is a definition for another arity.
    if (f.length > params) {
      throw new RangeError(
        `${where}: spec.${key} takes ${f.length} parameters, but an op of arity ${arity} passes ${params}`,
      );
    }
  };
  fn('forward', arity);
  fn('derivative', arity + 1);
  fn('valueDerivative', arity + 1, true);
  const formula = checkFormula(o['formula'], arity, where);
  return arity === 1
    ? defineUnary(spec as UnaryOpSpec, name, formula)
    : defineBinary(spec as BinaryOpSpec, name, formula);
}

function checkFormula(f: unknown, arity: 1 | 2, where: string): string[] | undefined {
  if (f === undefined) return undefined;
  if (arity === 1 && typeof f === 'string') return [f];
  if (arity === 2 && Array.isArray(f) && f.length === 2 && f.every((x) => typeof x === 'string')) {
    return f as string[];
  }
  throw new TypeError(
    `${where}: expected spec.formula to be ${arity === 1 ? 'a string' : 'two strings [∂out/∂a, ∂out/∂b]'}, got ${describe(f)}`,
  );
}

function number(x: unknown, what: string, where: string): number {
  if (typeof x !== 'number')
    throw new TypeError(`${where}: expected ${what} to return a number, got ${describe(x)}`);
  return x;
}

function value(x: unknown, what: string, where: string): Value {
  if (!(x instanceof Value))
    throw new TypeError(`${where}: expected ${what} to return a Value, got ${describe(x)}`);
  return x;
}

function operand(x: unknown, where: string, which: string): Value {
  if (x instanceof Value) return x;
  if (typeof x === 'number') return new Value(x);
  throw new TypeError(`${where}: expected ${which} to be a Value or a number, got ${describe(x)}`);
}

// The user's formula names its input x (one input) as the stepper's record names it a.
const asPlaceholders = (text: string): string => text.replace(/(?<![\w])x(?![\w])/g, 'a');

function defineUnary(spec: UnaryOpSpec, name: string, formula: string[] | undefined): UnaryOp {
  const where = `${name}(x)`;
  const { forward, derivative, valueDerivative: vd } = spec;
  const op = registerOp((code) => ({
    name,
    def: {
      code,
      arity: 1,
      display: () => name,
      forward: (a) => number(forward(a), 'forward', where),
      da: (a, _b, out) => number(derivative(a, out), 'derivative', where),
    },
    ...(vd === undefined
      ? {}
      : { valueRule: { da: ((a, _b, out) => value(vd(a, out), 'valueDerivative', where)) as ValueGrad } }),
    formula: { da: formula === undefined ? `${name}′(a)` : asPlaceholders(formula[0]!) },
  }));
  return (x: Operand): Value => {
    const a = operand(x, where, 'x');
    return node(op.def.forward(a.data, 0, 0), op.code, a, null, 0);
  };
}

function defineBinary(spec: BinaryOpSpec, name: string, formula: string[] | undefined): BinaryOp {
  const where = `${name}(a, b)`;
  const { forward, derivative, valueDerivative: vd } = spec;
  // Backward asks for ∂/∂a then ∂/∂b at the same point: one call of the user's derivative serves both.
  let last: { a: number; b: number; out: number; d: readonly [number, number] } | undefined;
  const both = (a: number, b: number, out: number): readonly [number, number] => {
    if (last !== undefined && Object.is(last.a, a) && Object.is(last.b, b) && Object.is(last.out, out)) {
      return last.d;
    }
    const d = derivative(a, b, out) as unknown;
    if (!Array.isArray(d) || d.length !== 2 || typeof d[0] !== 'number' || typeof d[1] !== 'number') {
      throw new TypeError(
        `${where}: expected derivative to return [∂out/∂a, ∂out/∂b], two numbers, got ${describe(d)}`,
      );
    }
    last = { a, b, out, d: d as [number, number] };
    return last.d;
  };
  // The same for the Value form, so one node's two derivatives share one recorded graph.
  let lastValues: { a: Value; b: Value; out: Value; d: readonly [Value, Value] } | undefined;
  const valuePair = (a: Value, b: Value, out: Value): readonly [Value, Value] => {
    if (lastValues !== undefined && lastValues.a === a && lastValues.b === b && lastValues.out === out) {
      return lastValues.d;
    }
    const d = vd!(a, b, out) as unknown;
    if (!Array.isArray(d) || d.length !== 2 || !(d[0] instanceof Value) || !(d[1] instanceof Value)) {
      throw new TypeError(
        `${where}: expected valueDerivative to return [∂out/∂a, ∂out/∂b], two Values, got ${describe(d)}`,
      );
    }
    lastValues = { a, b, out, d: d as [Value, Value] };
    return lastValues.d;
  };
  const op = registerOp((code) => ({
    name,
    def: {
      code,
      arity: 2,
      display: () => name,
      forward: (a, b) => number(forward(a, b), 'forward', where),
      da: (a, b, out) => both(a, b, out)[0],
      db: (a, b, out) => both(a, b, out)[1],
    },
    ...(vd === undefined
      ? {}
      : {
          valueRule: {
            da: ((a, b, out) => valuePair(a, b!, out)[0]) as ValueGrad,
            db: ((a, b, out) => valuePair(a, b!, out)[1]) as ValueGrad,
          },
        }),
    formula:
      formula === undefined
        ? { da: `∂₁${name}(a, b)`, db: `∂₂${name}(a, b)` }
        : { da: formula[0]!, db: formula[1]! },
  }));
  return (x: Operand, y: Operand): Value => {
    const a = operand(x, where, 'a');
    const b = operand(y, where, 'b');
    return node(op.def.forward(a.data, b.data, 0), op.code, a, b, 0);
  };
}
