// Second-order golden answers: PyTorch's gradient, Hessian and JVP for a fixed batch of fuzz graphs.
import { readFileSync } from 'node:fs';
import {
  decodeSecondOrder,
  encodeSecondOrder,
  type SecondOrderAnswer,
} from '../../src/oracle/secondOrder.js';
import { GOLDEN_DIR, decodeProgram, encodeProgram, type GoldenMeta } from './golden.js';
import type { Program } from './fuzz/program.js';

export const SECOND_ORDER_FILE = `${GOLDEN_DIR}second-order.json`;
export const GOLDEN_SECOND_ORDER_SEED = 20261130;
export const GOLDEN_SECOND_ORDER_COUNT = 500;

export interface GoldenSecondOrder {
  program: Program;
  answer: SecondOrderAnswer;
}

/** One graph per line, so a regenerated file diffs line by line. */
export function renderSecondOrder(
  meta: GoldenMeta & { seed: number },
  graphs: readonly GoldenSecondOrder[],
): string {
  const lines = graphs.map((g) =>
    JSON.stringify({ program: encodeProgram(g.program), answer: encodeSecondOrder(g.answer) }),
  );
  return `{"meta": ${JSON.stringify(meta)},\n"graphs": [\n${lines.join(',\n')}\n]}\n`;
}

export function readSecondOrder(file = SECOND_ORDER_FILE): {
  meta: GoldenMeta & { seed: number };
  graphs: GoldenSecondOrder[];
} {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    meta: GoldenMeta & { seed: number };
    graphs: { program: Record<string, unknown>[]; answer: Parameters<typeof decodeSecondOrder>[0] }[];
  };
  return {
    meta: raw.meta,
    graphs: raw.graphs.map((g) => ({
      program: decodeProgram(g.program),
      answer: decodeSecondOrder(g.answer),
    })),
  };
}
