// golden: PyTorch's answers, committed, so `npm test` checks our numbers without PyTorch installed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GraphAnswer, GraphSpec } from '../../src/oracle/graphSpec.js';
import { decodeAnswer, decodeNumber, encodeNumber, encodeSpec } from '../../src/oracle/TorchOracle.js';
import type { Program, Step } from './fuzz/program.js';
// Golden specs name the suite's defineOp ops: register them wherever goldens are read.
import './customOps.js';

export const GOLDEN_DIR = fileURLToPath(new URL('./golden/', import.meta.url));
export const OP_CASES_FILE = `${GOLDEN_DIR}op-cases.json`;
export const FUZZ_FILE = `${GOLDEN_DIR}fuzz-graphs.json`;
/** The fixed seed and count of the committed fuzz graphs. */
export const GOLDEN_FUZZ_SEED = 20261127;
export const GOLDEN_FUZZ_COUNT = 300;

export interface GoldenMeta {
  torch: string;
  python: string;
}
export interface GoldenCase {
  name: string;
  spec: GraphSpec;
  answer: GraphAnswer;
}
export interface GoldenGraph {
  program: Program;
  answer: GraphAnswer;
}

type Raw = Record<string, unknown>;
const mapNumbers = (o: Raw, keys: readonly string[], f: (x: never) => unknown): Raw => {
  const out: Raw = { ...o };
  for (const k of keys) if (k in o) out[k] = f(o[k] as never);
  return out;
};
const STEP_NUMBERS = ['value', 'k', 'c'];
const encodeStep = (s: Step): Raw => mapNumbers(s as unknown as Raw, STEP_NUMBERS, encodeNumber);
const decodeStep = (s: Raw): Step => mapNumbers(s, STEP_NUMBERS, decodeNumber) as unknown as Step;
/** A fuzz program with its numbers encoded for JSON (NaN, ±Infinity and -0 as strings). */
export const encodeProgram = (p: Program): Raw[] => p.map(encodeStep);
export const decodeProgram = (p: Raw[]): Program => p.map(decodeStep);
const encodeAnswer = (a: GraphAnswer): Raw => ({
  values: a.values.map(encodeNumber),
  grads: a.grads.map(encodeNumber),
});

function decodeSpec(raw: { nodes: Raw[]; root?: number }): GraphSpec {
  const nodes = raw.nodes.map((n) =>
    mapNumbers(n, ['value', 'k'], decodeNumber),
  ) as unknown as GraphSpec['nodes'];
  return raw.root === undefined ? { nodes } : { nodes, root: raw.root };
}

/** One entry per line, so a regenerated file diffs line by line. */
function render(meta: GoldenMeta, key: string, entries: readonly unknown[]): string {
  return `{"meta": ${JSON.stringify(meta)},\n"${key}": [\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`;
}

export function renderOpCases(meta: GoldenMeta, cases: readonly GoldenCase[]): string {
  return render(
    meta,
    'cases',
    cases.map((c) => ({ name: c.name, spec: encodeSpec(c.spec), answer: encodeAnswer(c.answer) })),
  );
}

export function renderFuzz(meta: GoldenMeta & { seed: number }, graphs: readonly GoldenGraph[]): string {
  return render(
    meta,
    'graphs',
    graphs.map((g) => ({ program: g.program.map(encodeStep), answer: encodeAnswer(g.answer) })),
  );
}

export function readOpCases(file = OP_CASES_FILE): { meta: GoldenMeta; cases: GoldenCase[] } {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { meta: GoldenMeta; cases: Raw[] };
  return {
    meta: raw.meta,
    cases: raw.cases.map((c) => ({
      name: c['name'] as string,
      spec: decodeSpec(c['spec'] as { nodes: Raw[] }),
      answer: decodeAnswer(c['answer'] as GraphAnswer),
    })),
  };
}

export function readFuzz(file = FUZZ_FILE): { meta: GoldenMeta & { seed: number }; graphs: GoldenGraph[] } {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    meta: GoldenMeta & { seed: number };
    graphs: Raw[];
  };
  return {
    meta: raw.meta,
    graphs: raw.graphs.map((g) => ({
      program: (g['program'] as Raw[]).map(decodeStep),
      answer: decodeAnswer(g['answer'] as GraphAnswer),
    })),
  };
}
