// Benchmark: DOT text, Graphviz (WebAssembly) layout to SVG, and PNG for graphs from 10 to ~2,900 nodes (the default limit is 3,000).

import { buildNeuron } from '../src/walkthrough/neuron.js';
import { drawDot } from '../src/viz/drawDot.js';
import { table } from '../src/cli/table.js';
import { mlpSample } from './mlpSample.js';
import type { Value } from '../src/engine/value.js';

const ms = (t0: number): string => (performance.now() - t0).toFixed(0);

function neuron(): Value {
  const n = buildNeuron('tanh');
  n.o.backward();
  return n.o;
}

const cases: Array<[string, () => Value, 'LR' | 'TB']> = [
  ['walkthrough neuron', neuron, 'LR'],
  ['MLP(2,[16,16,1]) sample', () => mlpSample(2, [16, 16, 1]), 'LR'],
  ['MLP(2,[16,16,1]) sample', () => mlpSample(2, [16, 16, 1]), 'TB'],
  ['MLP(2,[22,22,1]) sample', () => mlpSample(2, [22, 22, 1]), 'LR'],
];

const rows = [
  ['graph', 'rankdir', 'values', 'DOT nodes', 'DOT ms', 'SVG ms', 'PNG ms (after SVG)', 'SVG KB', 'PNG KB'],
];
for (const [name, build, rankdir] of cases) {
  const root = build();
  let t0 = performance.now();
  const drawing = drawDot(root, { rankdir, maxNodes: 1e6 });
  const dotMs = ms(t0);
  t0 = performance.now();
  const svg = await drawing.render('svg');
  const svgMs = ms(t0);
  t0 = performance.now();
  const png = await drawing.render('png'); // rasterizing only: the drawing keeps its SVG
  const pngMs = ms(t0);
  rows.push([
    name,
    rankdir,
    String(drawing.valueCount),
    String(drawing.nodeCount),
    dotMs,
    svgMs,
    pngMs,
    (svg.length / 1024).toFixed(0),
    (png.length / 1024).toFixed(0),
  ]);
  process.stderr.write('.');
}
process.stderr.write('\n');
for (const line of table(rows)) console.log(line);
