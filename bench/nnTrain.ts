// Benchmark: one step of micrograd's moons demo on the eager engine, split into its parts (npm run bench:nn).

import { table } from '../src/cli/table.js';
import { lossGraph, makeMoons, MLP, SGD, topoSort } from '../src/index.js';
import { spread } from './stats.js';

interface Row {
  name: string;
  ms: number[];
}

const median = (xs: readonly number[]): number => spread(xs).median;

function time<T>(row: Row, f: () => T): T {
  const t0 = performance.now();
  const r = f();
  row.ms.push(performance.now() - t0);
  return r;
}

const configs: [string, number, number[]][] = [
  ['moons 100, MLP 2-16-16-1 (micrograd demo)', 100, [16, 16, 1]],
  ['moons 100, MLP 2-32-32-1', 100, [32, 32, 1]],
];
const rounds = Number(process.argv[2] ?? 30);
const out = [
  [
    'case',
    'graph nodes',
    'forward (build) ms',
    'backward ms',
    'SGD step ms',
    'whole step ms',
    'predict grid 200² ms',
  ],
];
for (const [name, n, layers] of configs) {
  const data = makeMoons({ nSamples: n, noise: 0.1, seed: 1337 });
  const model = new MLP(2, layers, { seed: 1337 });
  const opt = new SGD(model.parameters(), { lr: 0.01 });
  const fwd: Row = { name: 'forward', ms: [] };
  const bwd: Row = { name: 'backward', ms: [] };
  const stp: Row = { name: 'step', ms: [] };
  const grid: Row = { name: 'grid', ms: [] };
  let nodes = 0;
  for (let r = 0; r < rounds; r++) {
    const g = time(fwd, () => lossGraph(model, data.X, data.y, 'max-margin', 1e-4));
    if (r === 0) nodes = topoSort(g.loss).length;
    opt.zeroGrad();
    time(bwd, () => g.loss.backward());
    time(stp, () => opt.step());
    if (r < 5) {
      time(grid, () => {
        for (let i = 0; i < 200; i++) for (let j = 0; j < 200; j++) model.predict([i / 100 - 1, j / 100 - 1]);
      });
    }
  }
  const f = median(fwd.ms);
  const b = median(bwd.ms);
  const s = median(stp.ms);
  out.push([
    name,
    String(nodes),
    f.toFixed(2),
    b.toFixed(2),
    s.toFixed(3),
    (f + b + s).toFixed(2),
    median(grid.ms).toFixed(1),
  ]);
}
process.stdout.write(`medians of ${rounds} rounds (node ${process.version})\n`);
for (const line of table(out)) process.stdout.write(`${line}\n`);
