// `npm run parity:update`: ask PyTorch again for every golden answer, rewrite the files, say what changed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { TorchOracle } from '../../src/oracle/TorchOracle.js';
import { fuzzGraphs } from './fuzzGraphs.js';
import {
  FUZZ_FILE,
  GOLDEN_FUZZ_COUNT,
  GOLDEN_FUZZ_SEED,
  OP_CASES_FILE,
  renderFuzz,
  renderOpCases,
  type GoldenMeta,
} from './golden.js';
import { opCases } from './opCases.js';
import { torchFunctional } from '../../src/oracle/functional.js';
import {
  FUNCTIONAL_FILE,
  functionalCase,
  GOLDEN_FUNCTIONAL_COUNT,
  GOLDEN_FUNCTIONAL_SEED,
  renderFunctional,
} from './functional.js';
import { torchSecondOrder } from '../../src/oracle/secondOrder.js';
import { programCase } from './secondOrder.js';
import {
  GOLDEN_SECOND_ORDER_COUNT,
  GOLDEN_SECOND_ORDER_SEED,
  renderSecondOrder,
  SECOND_ORDER_FILE,
} from './secondOrderGolden.js';

/** Compare entries old → new by name (a name's content is its JSON) and print what changed. */
function summarize(label: string, old: Map<string, string>, next: Map<string, string>): void {
  const added = [...next.keys()].filter((k) => !old.has(k));
  const removed = [...old.keys()].filter((k) => !next.has(k));
  const changed = [...next.keys()].filter((k) => old.has(k) && old.get(k) !== next.get(k));
  const show = (xs: string[]): string =>
    xs.length ? `: ${xs.slice(0, 5).join('; ')}${xs.length > 5 ? '; …' : ''}` : '';
  console.log(`${label}: ${next.size} entries; ${added.length} added${show(added)}`);
  console.log(`  ${removed.length} removed${show(removed)}`);
  console.log(`  ${changed.length} changed${show(changed)}`);
}

/** One line per entry of a rendered golden file, keyed by `name` or position. */
function entries(text: string, key: (e: Record<string, unknown>, i: number) => string): Map<string, string> {
  const lines = text
    .split('\n')
    .slice(2, -2)
    .map((l) => l.replace(/,$/, ''));
  return new Map(lines.map((l, i) => [key(JSON.parse(l) as Record<string, unknown>, i), l]));
}

const oracle = new TorchOracle();
try {
  const v = await oracle.request<{ torch: string; python: string }>('version');
  const meta: GoldenMeta = { torch: v.torch, python: v.python };
  console.log(`PyTorch ${v.torch} (Python ${v.python}) at ${oracle.python}`);

  const cases = opCases();
  const caseAnswers = await Promise.all(cases.map((c) => oracle.graph(c.spec)));
  const graphs = fuzzGraphs(GOLDEN_FUZZ_SEED, GOLDEN_FUZZ_COUNT);
  const graphAnswers = await Promise.all(graphs.map((g) => oracle.graph(g.spec)));
  const second = fuzzGraphs(GOLDEN_SECOND_ORDER_SEED, GOLDEN_SECOND_ORDER_COUNT);
  const secondAnswers = await Promise.all(
    second.map((g) => torchSecondOrder(oracle, programCase(g.program))),
  );
  const functional = fuzzGraphs(GOLDEN_FUNCTIONAL_SEED, GOLDEN_FUNCTIONAL_COUNT);
  const functionalAnswers = await Promise.all(
    functional.map((g) => torchFunctional(oracle, functionalCase(g.program))),
  );
  const files = [
    {
      file: OP_CASES_FILE,
      text: renderOpCases(
        meta,
        cases.map((c, i) => ({ ...c, answer: caseAnswers[i]! })),
      ),
      key: (e: Record<string, unknown>) => String(e['name']),
    },
    {
      file: FUZZ_FILE,
      text: renderFuzz(
        { ...meta, seed: GOLDEN_FUZZ_SEED },
        graphs.map((g, i) => ({ program: g.program, answer: graphAnswers[i]! })),
      ),
      key: (_e: Record<string, unknown>, i: number) => `graph ${i}`,
    },
    {
      file: SECOND_ORDER_FILE,
      text: renderSecondOrder(
        { ...meta, seed: GOLDEN_SECOND_ORDER_SEED },
        second.map((g, i) => ({ program: g.program, answer: secondAnswers[i]! })),
      ),
      key: (_e: Record<string, unknown>, i: number) => `graph ${i}`,
    },
    {
      file: FUNCTIONAL_FILE,
      text: renderFunctional(
        { ...meta, seed: GOLDEN_FUNCTIONAL_SEED },
        functional.map((g, i) => ({ program: g.program, answer: functionalAnswers[i]! })),
      ),
      key: (_e: Record<string, unknown>, i: number) => `graph ${i}`,
    },
  ];
  for (const { file, text, key } of files) {
    const old = existsSync(file) ? entries(readFileSync(file, 'utf8'), key) : new Map<string, string>();
    writeFileSync(file, text);
    summarize(basename(file), old, entries(text, key));
  }
  const bytes = files.reduce((n, f) => n + readFileSync(f.file).length, 0);
  console.log(`wrote ${files.map((f) => basename(f.file)).join(', ')} (${(bytes / 1024).toFixed(0)} KiB)`);
} finally {
  await oracle.close();
}
