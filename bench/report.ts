// The benchmark's markdown table (for the terminal and the README) from one run's results.
import type { Spread } from './stats.js';
import type { ThroughputResult } from './throughput.js';
import type { DigitsCommandResult } from './digitsCommand.js';
import type { UsersRow } from './usersRows.js';

export interface DemoResult {
  name: string;
  msPerStep: Spread;
  ratioToTorch: number;
  firstLoss: number;
}

export interface DigitsResult {
  samples: number;
  batchSize: number;
  nodesPerEpoch: number;
  /** Python micrograd on the moons demo step, ns per graph node. */
  pythonNsPerNode: number;
  /** `msPerStep` holds ms per epoch here. */
  rows: DemoResult[];
  /** pythonNsPerNode × nodesPerEpoch. */
  pythonEstimateMs: number;
}

export interface BenchResults {
  date: string;
  quick: boolean;
  machine: { cpu: string; cores: number; loadAverage: number[]; node: string; torch: string; tfjs: string };
  demo: {
    nodes: number;
    tapeSlots: number;
    /** The tape row's first Trainer.step(), which records the graph and compiles the tape. */
    tapeFirstStepMs: number;
    tapeBytes: number;
    eagerBytesPerNode: number;
    rows: DemoResult[];
  };
  users?: UsersRow[];
  digits?: DigitsResult;
  digitsCommand?: DigitsCommandResult;
  throughput: ThroughputResult[];
}

const f = (x: number, digits = 2): string =>
  x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(digits);
const range = (s: Spread): string => `${f(s.min)} – ${f(s.max)}`;
const big = (n: number): string => n.toLocaleString('en-US');

export function markdown(r: BenchResults): string {
  const m = r.machine;
  const lines = [
    `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (quick run)' : ''} on ${m.cpu} (${m.cores} cores, shared; load average ${m.loadAverage.map((x) => x.toFixed(1)).join(' ')}), Node ${m.node}, PyTorch ${m.torch}, TensorFlow.js ${m.tfjs}. Medians of ${r.demo.rows[0]?.msPerStep.n ?? 0} interleaved rounds, each engine in its own process.`,
    ...usersTable(r),
    '',
    `**One training step of micrograd's demo**, as \`micrograd train\` runs it (makeMoons 100 points, noise 0.1, seed 1337; MLP(2, [16, 16, 1]); max-margin loss + 1e-4·Σp², full batch, SGD; ${big(r.demo.nodes)} scalar nodes per step, ${f(r.demo.eagerBytesPerNode, 1)} bytes each in the eager engine; the tape holds ${big(r.demo.tapeSlots)} slots after fusion, ${f(r.demo.tapeBytes / r.demo.nodes, 1)} bytes per graph node, and the first tape step, which records and compiles it, takes ${f(r.demo.tapeFirstStepMs)} ms):`,
    '',
    '| engine | ms / step (median) | min – max | × PyTorch float64, 1 thread | first loss |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...r.demo.rows.map(
      (d) =>
        `| ${d.name} | ${f(d.msPerStep.median, 3)} | ${range(d.msPerStep)} | ${d.ratioToTorch.toFixed(2)}× | ${d.firstLoss.toFixed(6)} |`,
    ),
    ...digitsTable(r),
    ...digitsCommandTable(r),
    '',
    '**Raw throughput** (chain: `v = v*c + d` repeated; wide sum: `l0 + l1 + …`; ns and bytes per graph node):',
    '',
    '| graph | nodes | eager build | eager backward | eager bytes | tape compile | tape forward | tape backward | tape bytes |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...r.throughput.map(
      (t) =>
        `| ${t.graph} | ${big(t.nodes)} | ${f(t.eager.buildNs.median)} | ${f(t.eager.backwardNs.median)} | ${f(t.eager.bytesPerNode, 1)} | ${f(t.tape.compileNs.median)} | ${f(t.tape.forwardNs.median)} | ${f(t.tape.backwardNs.median)} | ${f(t.tape.bytesPerNode, 1)} |`,
    ),
  ];
  return lines.join('\n') + '\n';
}

/** The digits tables alone (`npm run bench -- --digits`), under the same line about the machine. */
export function digitsMarkdown(
  r: Pick<BenchResults, 'date' | 'quick' | 'machine' | 'digits' | 'digitsCommand'>,
): string {
  const m = r.machine;
  const n = r.digits?.rows[0]?.msPerStep.n ?? 0;
  return (
    [
      `Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (quick run)' : ''} on ${m.cpu} (${m.cores} cores, shared; load average ${m.loadAverage.map((x) => x.toFixed(1)).join(' ')}), Node ${m.node}, PyTorch ${m.torch}. Medians of ${n} interleaved rounds, each engine in its own process.`,
      ...digitsTable(r),
      ...digitsCommandTable(r),
    ].join('\n') + '\n'
  );
}

function digitsTable(r: Pick<BenchResults, 'digits'>): string[] {
  const g = r.digits;
  if (g === undefined) return [];
  const torch = g.rows[0]!.msPerStep.median;
  return [
    '',
    `**One epoch of digits**, as \`micrograd train --dataset digits\` runs it (${big(g.samples)} training images of 64 pixels, MLP(64, [64], 10), cross-entropy + 1e-4·Σp², Adam, minibatches of ${g.batchSize}; PyTorch trains on the same minibatches from the same weights; the eager engine builds ${big(g.nodesPerEpoch)} nodes per epoch; Python micrograd's time is estimated from its measured ${f(g.pythonNsPerNode / 1000, 1)} µs per node on the moons demo step):`,
    '',
    '| engine | ms / epoch (median) | min – max | × PyTorch float64, 1 thread | first batch loss |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...g.rows.map(
      (d) =>
        `| ${d.name} | ${f(d.msPerStep.median, 3)} | ${range(d.msPerStep)} | ${d.ratioToTorch.toFixed(2)}× | ${d.firstLoss.toFixed(6)} |`,
    ),
    `| Python micrograd (estimated: µs per node × nodes per epoch) | ${f(g.pythonEstimateMs, 3)} | – | ${(g.pythonEstimateMs / torch).toFixed(0)}× | – |`,
  ];
}

function usersTable(r: BenchResults): string[] {
  const u = r.users;
  if (u === undefined) return [];
  return [
    '',
    `**micrograd's notebook loop as a user runs it**: \`bench/users/notebookLoop.mjs\`, a plain script that imports \`micrograd-ts\`, defines \`loss()\` and trains for 100 steps in a top-level \`for\` loop, run unchanged in a fresh process with no flags (in Chromium: a fresh browser, the same file as a module script), ${u[0]?.msPerStep?.n ?? 0} run(s) per runtime, interleaved; PyTorch's twin (\`bench/users/torch_loop.py\`, same weights and data) in the same rounds. ms / step is the median over runs of each run's median step; the whole loop includes start-up, warm-up and every garbage collection:`,
    '',
    '| runtime | version | ms / step (median) | min – max | × PyTorch float64, 1 thread | 100 steps, ms |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...u.map((row) =>
      row.msPerStep === null
        ? `| ${row.name} | – | – | – | – | ${row.note ?? ''} |`
        : `| ${row.name} | ${row.version} | ${f(row.msPerStep.median, 3)} | ${range(row.msPerStep)} | ${row.ratioToTorch!.toFixed(1)}× | ${f(row.totalMs!, 0)} |`,
    ),
  ];
}

function digitsCommandTable(r: Pick<BenchResults, 'digitsCommand'>): string[] {
  const d = r.digitsCommand;
  if (d === undefined) return [];
  const torch = d.torchSeconds.median;
  const row = (name: string, s: Spread): string =>
    `| ${name} | ${f(s.median)} | ${range(s)} | ${(s.median / torch).toFixed(2)}× |`;
  return [
    '',
    `**\`micrograd train --dataset digits\`** as a user runs it (the built command in a fresh process, its defaults: 20 epochs, ${(d.testAccuracy * 100).toFixed(1)}% test accuracy), beside PyTorch's 20 epochs of the same net on the same minibatches (its training loop alone, in a warm process); ${d.torchSeconds.n} rounds:`,
    '',
    '| what | seconds (median) | min – max | × PyTorch |',
    '| --- | ---: | ---: | ---: |',
    row('PyTorch float64, 1 thread: 20 epochs', d.torchSeconds),
    row(
      "micrograd train: its training (metrics.json's seconds, with each epoch's train and test lines)",
      d.trainSeconds,
    ),
    row(
      'micrograd train: the whole command (start-up, data, training, model, metrics and pictures)',
      d.commandSeconds,
    ),
  ];
}
