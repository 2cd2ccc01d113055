// The per-op cases: every op of the table at representative points and at its edges.
import { OP_NAMES, type OpName, type UnaryOpName } from '../../src/engine/ops.js';
import { Value } from '../../src/engine/value.js';
import { specFromValue, type GraphSpec } from '../../src/oracle/graphSpec.js';
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
};
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

/** Every case, every op of OP_NAMES covered (a new op without points is a compile error above). */
export function opCases(): OpCase[] {
  const perOp = OP_NAMES.flatMap((op: OpName) =>
    op === 'add' || op === 'mul' ? binaryCases(op) : unaryCases(op),
  );
  return [...perOp, ...compositeCases()];
}
