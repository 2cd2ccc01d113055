// The per-op cases: every op of the table at representative points and at its edges.
import { OP_NAMES, type BinaryOpName, type OpName, type UnaryOpName } from '../../src/engine/ops.js';
import { Value } from '../../src/engine/value.js';
import { specFromValue, type GraphSpec } from '../../src/oracle/graphSpec.js';
import { CUSTOM_OPS } from './customOps.js';
import { tsNumber } from './fuzz/program.js';

export interface OpCase {
  /** Unique, readable: `pow(-8, k=0.3333333333333333)`. */
  name: string;
  spec: GraphSpec;
}

const n = tsNumber;
const NONFINITE = [NaN, Infinity, -Infinity];
const ORDINARY = [-2.5, -1, -0.5, 0.3, 1, 2.75];

/** Points for each unary op: ordinary ones, the op's own edges, and NaN/±Infinity. */
const UNARY_POINTS: { readonly [K in UnaryOpName]: readonly number[] } = {
  // pow's points are crossed with its exponents below.
  pow: [-8, -2, -1, -0.5, -0, 0, 0.5, 1, 2, 1e-300, 1e300, -1e300, ...NONFINITE],
  tanh: [...ORDINARY, 0, -0, 1e-10, 19, -19, 20, 1000, -1000, ...NONFINITE],
  exp: [...ORDINARY, 0, -0, 709, 709.8, 710, -745, -746, 1000, -1000, ...NONFINITE],
  relu: [...ORDINARY, 0, -0, 1e-320, -1e-320, ...NONFINITE],
  log: [...ORDINARY, 0, -0, 1e-320, 1e300, ...NONFINITE],
  sigmoid: [...ORDINARY, 0, -0, 36, 37, -37, 40, -40, 709, 710, -745, -746, 1000, -1000, ...NONFINITE],
  sqrt: [...ORDINARY, 0, -0, 4, 1e-320, 1e300, ...NONFINITE],
  abs: [...ORDINARY, 0, -0, 1e-320, -1e-320, ...NONFINITE],
  sin: [...ORDINARY, 0, -0, Math.PI, Math.PI / 2, 1e-10, 1e6, 1e22, 1e300, ...NONFINITE],
  cos: [...ORDINARY, 0, -0, Math.PI, Math.PI / 2, 1e-10, 1e6, 1e22, 1e300, ...NONFINITE],
};
/** Bases and exponents of pow with a Value exponent, crossed: a ≤ 0 and b = 0 are PyTorch's special cases. */
const POW_VALUE_BASES = [-8, -2, -1, -0.5, -0, 0, 0.5, 1, 2, 1e300, ...NONFINITE];
const POW_VALUE_EXPONENTS = [0, -0, 1, 2, 3, -1, -2, 0.5, -0.5, 1 / 3, 2.5, ...NONFINITE];
const EXPONENTS = [0, -0, 1, 2, 3, -1, -2, -3, 0.5, -0.5, 1 / 3, 2.5, -2.5, Infinity, -Infinity, NaN];
const BINARY_POINTS = [0, -0, 1.5, -2, 1e308, -1e308, 1e-320, ...NONFINITE];

const leaf = (value: number): GraphSpec['nodes'][number] => ({ op: 'leaf', value });

function unaryCases(op: UnaryOpName): OpCase[] {
  if (op === 'pow') {
    return UNARY_POINTS.pow.flatMap((x) =>
      EXPONENTS.map((k) => ({
        name: `pow(${n(x)}, k=${n(k)})`,
        spec: { nodes: [leaf(x), { op: 'pow', inputs: [0], k }] },
      })),
    );
  }
  return UNARY_POINTS[op].map((x) => ({
    name: `${op}(${n(x)})`,
    spec: { nodes: [leaf(x), { op, inputs: [0] }] },
  }));
}

function powValueCases(): OpCase[] {
  const cases = POW_VALUE_BASES.flatMap((a) =>
    POW_VALUE_EXPONENTS.map((b) => ({
      name: `powValue(${n(a)}, ${n(b)})`,
      spec: { nodes: [leaf(a), leaf(b), { op: 'powValue', inputs: [0, 1] }] } as GraphSpec,
    })),
  );
  // a ** a: both derivatives reach the same node.
  const same = [0, 0.5, 2, -2].map((x) => ({
    name: `powValue(a, a) with a=${n(x)}`,
    spec: { nodes: [leaf(x), { op: 'powValue', inputs: [0, 0] }] } as GraphSpec,
  }));
  return [...cases, ...same];
}

/** The parity suite's defineOp ops (customOps.ts): softplus at its edges, hypot at its zeros and overflow. */
function customCases(): OpCase[] {
  const out: OpCase[] = [];
  // Not 709: PyTorch 1.13's log1p overflows above ~1e307 (log1p(exp(709)) = inf), an edge of its library.
  for (const x of [...ORDINARY, 0, -0, 20, 37, 40, -40, 700, 710, -745, 1000, -1000, ...NONFINITE]) {
    out.push({ name: `softplus(${n(x)})`, spec: specFromValue(CUSTOM_OPS.softplus(x)).spec });
  }
  const pts = [0, -0, 3, -4, 1e-320, 1e300, ...NONFINITE];
  for (const x of pts)
    for (const y of pts)
      out.push({ name: `hypot(${n(x)}, ${n(y)})`, spec: specFromValue(CUSTOM_OPS.hypot(x, y)).spec });
  return out;
}

function binaryCases(op: 'add' | 'mul'): OpCase[] {
  const pairs = BINARY_POINTS.flatMap((x) =>
    BINARY_POINTS.map((y) => ({
      name: `${op}(${n(x)}, ${n(y)})`,
      spec: { nodes: [leaf(x), leaf(y), { op, inputs: [0, 1] }] } as GraphSpec,
    })),
  );
  // The same node as both inputs: both contributions reach it.
  const same = BINARY_POINTS.map((x) => ({
    name: `${op}(a, a) with a=${n(x)}`,
    spec: { nodes: [leaf(x), { op, inputs: [0, 0] }] } as GraphSpec,
  }));
  return [...pairs, ...same];
}

/** The composites as Value records them: a/b = a·b⁻¹, a−b = a+(−b), −a = a·(−1), and numbers either side. */
function compositeCases(): OpCase[] {
  const out: OpCase[] = [];
  const add = (name: string, build: () => Value): void => {
    out.push({ name, spec: specFromValue(build()).spec });
  };
  const nums = [1, -1, 0, -0, 2.5, ...NONFINITE];
  const dens = [0, -0, 2, -4, 1e-320, ...NONFINITE];
  for (const x of nums) {
    for (const y of dens) {
      add(`div(${n(x)}, ${n(y)})`, () => new Value(x).div(new Value(y)));
      add(`div(${n(x)}, number ${n(y)})`, () => new Value(x).div(y));
      add(`rdiv: number ${n(x)} / ${n(y)}`, () => new Value(y).rdiv(x));
    }
    add(`div(a, a) with a=${n(x)}`, () => {
      const a = new Value(x);
      return a.div(a);
    });
    add(`neg(${n(x)})`, () => new Value(x).neg());
    for (const y of [0, 1.5, ...NONFINITE]) {
      add(`sub(${n(x)}, ${n(y)})`, () => new Value(x).sub(new Value(y)));
      add(`sub(${n(x)}, number ${n(y)})`, () => new Value(x).sub(y));
      add(`rsub: number ${n(y)} - ${n(x)}`, () => new Value(x).rsub(y));
    }
  }
  return out;
}

/** Points where each op's local derivative is 0 (or infinite), next to an ordinary one: [x, k?]. */
const UPSTREAM_POINTS: { readonly [K in OpName]: readonly (readonly [number, number?])[] } = {
  add: [[0]],
  mul: [[0], [2]],
  pow: [
    [0, 0],
    [3, 0],
    [0, 2],
    [0, -1],
    [2, 1.5],
  ],
  tanh: [[1000], [0.5]],
  exp: [[-1000], [1]],
  relu: [[0], [-0], [-1], [2]],
  log: [[Infinity], [0], [2]],
  sigmoid: [[-1000], [1000], [0.5]],
  sqrt: [[0], [Infinity], [4]],
  abs: [[0], [-0], [NaN], [-2]],
  sin: [[Math.PI / 2], [1]],
  cos: [[0], [1]],
  // [a, b]: b = 0 blocks ∂/∂a; a = 0 with b ≥ 0 zeroes ∂/∂b; an ordinary point.
  powValue: [
    [0, 0],
    [3, 0],
    [0, 2],
    [-2, 2],
    [2, 1.5],
  ],
};

/**
 * Each op with an infinite or NaN gradient arriving from above (`op(x) * g`): PyTorch multiplies
 * (0 · Infinity = NaN) for most rules but selects for relu and pow's exponent 0 (the gradient stays 0).
 */
function upstreamCases(): OpCase[] {
  const points = OP_NAMES.flatMap((op) => UPSTREAM_POINTS[op].map(([x, k]) => [op, x, k] as const));
  return points.flatMap(([op, x, k]) =>
    [Infinity, -Infinity, NaN].map((g): OpCase => {
      const binary = op === 'add' || op === 'mul' || op === 'powValue';
      const nodes: GraphSpec['nodes'] = binary
        ? [leaf(x), leaf(op === 'powValue' ? k! : 1.5), { op, inputs: [0, 1] }]
        : [leaf(x), k === undefined ? { op, inputs: [0] } : { op, inputs: [0], k }];
      const top = nodes.length - 1;
      nodes.push(leaf(g), { op: 'mul', inputs: [top, top + 1] });
      const call = binary
        ? `${op}(${n(x)}, ${op === 'powValue' ? n(k!) : '1.5'})`
        : k === undefined
          ? `${op}(${n(x)})`
          : `pow(${n(x)}, k=${n(k)})`;
      return { name: `${call} * ${n(g)}`, spec: { nodes } };
    }),
  );
}

const isBinary = (op: OpName): op is Exclude<BinaryOpName, 'powValue'> => op === 'add' || op === 'mul';

/** Every case, every op of OP_NAMES covered (a new op without points is a compile error above). */
export function opCases(): OpCase[] {
  const perOp = OP_NAMES.flatMap((op: OpName) =>
    op === 'powValue' ? powValueCases() : isBinary(op) ? binaryCases(op) : unaryCases(op),
  );
  return [...perOp, ...customCases(), ...compositeCases(), ...upstreamCases()];
}
