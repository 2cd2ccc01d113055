// Models and points the export tests share: every activation in every position, non-zero biases.
import { MLP, Rng, type Activation, type MlpJson } from '../../src/index.js';

export interface Case {
  name: string;
  model: MLP;
  json: MlpJson;
  points: number[][];
}

function make(name: string, nin: number, nouts: number[], activations: Activation[], seed: number): Case {
  const model = new MLP(nin, nouts, { activations, seed });
  // Every parameter redrawn, biases included (a fresh MLP's are all 0, which would hide a lost bias).
  const rng = new Rng(seed + 100);
  for (const p of model.parameters()) p.data = rng.uniform(-1.5, 1.5);
  const points = Array.from({ length: 25 }, () => Array.from({ length: nin }, () => rng.uniform(-3, 3)));
  return { name, model, json: model.toJSON(), points };
}

export const CASES: Case[] = [
  make("micrograd's moons net 2-16-16-1 (relu, relu, linear)", 2, [16, 16, 1], ['relu', 'relu', 'linear'], 1),
  make('3-5-4-3 (tanh, sigmoid, relu)', 3, [5, 4, 3], ['tanh', 'sigmoid', 'relu'], 2),
  make('4-6-2 (linear, sigmoid)', 4, [6, 2], ['linear', 'sigmoid'], 3),
  make('one linear layer 1-1', 1, [1], ['linear'], 4),
  extremes(),
];

/** Doubles whose text is easy to get wrong: -0, the smallest subnormal, the largest finite, 1e-300, 2^53+2. */
function extremes(): Case {
  const c = make('extreme doubles 3-2-1 (tanh, linear)', 3, [2, 1], ['tanh', 'linear'], 5);
  const values = [-0, 5e-324, -1e-300, 0.1, 2 ** 53 + 2, -1 / 3, 1e-7, 1.7976931348623157e308, -0, 3, -2.5];
  const ps = c.model.parameters();
  if (ps.length !== values.length)
    throw new Error(`extremes: ${ps.length} parameters, ${values.length} values`);
  ps.forEach((p, i) => (p.data = values[i]!));
  c.json = c.model.toJSON();
  return c;
}

/** The agreement the export must reach: 1e-12, relative for outputs beyond ±1 (float64 sums in another order). */
export function closeTo(got: number, want: number): boolean {
  return Math.abs(got - want) <= 1e-12 * Math.max(1, Math.abs(want));
}

/** Every output of `got` within 1e-12 of the library's predictions for the case's points. */
export function mismatches(c: Case, got: number[][]): string[] {
  const bad: string[] = [];
  c.points.forEach((x, p) => {
    const want = c.model.predict(x);
    const row = got[p];
    if (!row || row.length !== want.length) bad.push(`point ${p}: got ${String(row)}, want ${want}`);
    else want.forEach((w, j) => closeTo(row[j]!, w) || bad.push(`point ${p} output ${j}: ${row[j]} vs ${w}`));
  });
  return bad;
}
