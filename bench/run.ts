// `npm run bench`: every row measured in this one run, printed as a markdown table and saved as JSON.
//
// Usage: npm run bench [-- --quick] [-- --save] [-- --digits]   (quick: fewer rounds, no 1e7-node graphs;
// digits: the digits tables alone, printed and written to out/bench/latest-digits.md, never saved)
// Results go to out/bench/ (ignored); --save keeps them in bench/results/ and refreshes README.md's tables.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { demoRows } from './demoRows.js';
import { digitsBench } from './digitsBench.js';
import { digitsMarkdown, markdown, type BenchResults, type DemoResult } from './report.js';
import { spread } from './stats.js';
import { tfjsVersion } from './tfjs/tfjsVersion.js';
import { throughput, type ThroughputResult } from './throughput.js';
import { usersRows } from './usersRows.js';

const quick = process.argv.includes('--quick');
const save = process.argv.includes('--save');
const log = (msg: string): void => void process.stderr.write(`${msg}\n`);
const loadAverage = loadavg();
const machine = (torch: string): BenchResults['machine'] => ({
  cpu: cpus()[0]?.model ?? 'unknown CPU',
  cores: cpus().length,
  loadAverage,
  node: process.version,
  torch,
  tfjs: tfjsVersion() ?? 'not installed (npm run bench:tfjs)',
});

if (process.argv.includes('--digits')) {
  // The digits epoch and `micrograd train --dataset digits` alone, beside PyTorch.
  const { digits, command, torch } = await digitsBench(quick, log);
  const table = digitsMarkdown({
    date: new Date().toISOString(),
    quick,
    machine: machine(torch),
    digits,
    digitsCommand: command,
  });
  const dir = fileURLToPath(new URL('../out/bench/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}latest-digits.md`, table);
  process.stdout.write(table);
  process.exit(0);
}

if (tfjsVersion() === undefined)
  log('TensorFlow.js is not installed: no row for it (npm run bench:tfjs adds it)');
// First the users' table: the notebook loop as a script, fresh processes, every runtime, PyTorch beside it.
const users = await usersRows(quick ? 1 : 5, log);
const demo = await demoRows();
const rounds = quick ? 3 : 9;
log(`demo: ${demo.nodes} nodes, ${demo.tapeSlots} tape slots; warming up`);
// Warm up until the JIT and the heap have settled: at least two batches and a second per row (the eager
// rows need tens of steps before V8's young generation has grown to their allocation rate).
for (const row of demo.rows) {
  const t0 = performance.now();
  for (let w = 0; w < 2 || performance.now() - t0 < 1000; w++) await row.run(row.batch);
}
const samples = demo.rows.map(() => [] as number[]);
for (let r = 0; r < rounds; r++) {
  // No forced GC between rows: a full collection shrinks the young generation and slows the next
  // allocation-heavy steps (eager, closure, TensorFlow.js) for a while, which would measure the GC, not them.
  for (const [i, row] of demo.rows.entries()) samples[i]!.push(await row.run(row.batch));
  log(`demo round ${r + 1}/${rounds}`);
}
demo.close();
const torchMs = spread(samples[0]!).median;
const demoResults: DemoResult[] = demo.rows.map((row, i) => {
  const s = spread(samples[i]!);
  return { name: row.name, msPerStep: s, ratioToTorch: s.median / torchMs, firstLoss: row.firstLoss };
});

const { digits: digitsResult, command: digitsCmd } = await digitsBench(quick, log);

const sizes: Array<[number, number]> = quick
  ? [
      [1e5, 3],
      [1e6, 1],
    ]
  : [
      [1e5, 7],
      [1e6, 3],
      [1e7, 1],
    ];
const through: ThroughputResult[] = [];
for (const graph of ['chain', 'wide sum'] as const) {
  for (const [n, reps] of sizes) {
    log(`throughput: ${graph} of ${n} nodes`);
    through.push(throughput(graph, n, reps));
  }
}

const results: BenchResults = {
  date: new Date().toISOString(),
  quick,
  machine: machine(demo.torchVersion),
  demo: {
    nodes: demo.nodes,
    tapeSlots: demo.tapeSlots,
    tapeFirstStepMs: demo.tapeFirstStepMs,
    tapeBytes: demo.tapeBytes,
    eagerBytesPerNode: demo.eagerBytesPerNode,
    rows: demoResults,
  },
  users,
  digits: digitsResult,
  digitsCommand: digitsCmd,
  throughput: through,
};
const table = markdown(results);
const dir = fileURLToPath(new URL(save ? './results/' : '../out/bench/', import.meta.url));
mkdirSync(dir, { recursive: true });
const stamp = results.date.slice(0, 16).replace(/[:T]/g, '-');
writeFileSync(`${dir}${stamp}${quick ? '-quick' : ''}.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(`${dir}latest${quick ? '-quick' : ''}.md`, table);
// A full run with --save also refreshes the tables between the markers in README.md's Performance section and
// in the tape-and-performance guide of the documentation site.
if (save && !quick) {
  for (const doc of ['../README.md', '../docs/guides/tape-and-performance.md']) {
    const file = fileURLToPath(new URL(doc, import.meta.url));
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    const next = text.replace(
      /<!-- bench:table -->[\s\S]*?<!-- \/bench:table -->/,
      `<!-- bench:table -->\n${table}<!-- /bench:table -->`,
    );
    // Formatted as `npm run lint` expects (prettier aligns the table's columns).
    if (next !== text)
      writeFileSync(file, await format(next, { ...(await resolveConfig(file)), filepath: file }));
  }
}
process.stdout.write(table);
