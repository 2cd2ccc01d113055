// check: run an engine on a graph, compare with PyTorch's answer, shrink and report what disagrees.
import { mismatches, type Mismatch } from '../../src/oracle/compare.js';
import { errorScales } from '../../src/oracle/errorScales.js';
import type { GraphAnswer, GraphSpec } from '../../src/oracle/graphSpec.js';
import type { Engine } from './engines.js';
import { lowerProgram, programToTypeScript, tsNumber, type Program } from './fuzz/program.js';
import { shrinkProgram } from './fuzz/shrink.js';

/** A node that disagrees, or (node −1, `error` set) an engine that threw. */
export interface Disagreement extends Mismatch {
  error?: string;
}

/** What disagrees between the engine's answer and PyTorch's. */
export function check(engine: Engine, spec: GraphSpec, torch: GraphAnswer): Disagreement[] {
  let ours: GraphAnswer;
  try {
    ours = engine.evaluate(spec);
  } catch (err) {
    return [{ node: -1, field: 'value', ours: NaN, torch: NaN, error: String(err) }];
  }
  return mismatches(ours, torch, errorScales(spec, torch));
}

/** Mismatches as lines: `v3 grad: ours 1.5, torch 2`. */
export function describeMismatches(
  ms: readonly Disagreement[],
  names?: readonly string[],
  limit = 8,
): string {
  const lines = ms.slice(0, limit).map((m) => {
    if (m.error !== undefined) return `  engine threw: ${m.error}`;
    const who = names?.[m.node] ?? `node ${m.node}`;
    return `  ${who} ${m.field}: ours ${tsNumber(m.ours)}, torch ${tsNumber(m.torch)}`;
  });
  if (ms.length > limit) lines.push(`  … and ${ms.length - limit} more`);
  return lines.join('\n');
}

/** Where the right answers come from while shrinking: PyTorch live, or a trusted engine offline. */
export type Reference = (spec: GraphSpec) => GraphAnswer | Promise<GraphAnswer>;

export interface Repro {
  program: Program;
  typescript: string;
  report: string;
  tries: number;
}

/** Shrink a failing program against `reference` and render the reproduction. */
export async function shrinkFailure(engine: Engine, program: Program, reference: Reference): Promise<Repro> {
  const fails = async (p: Program): Promise<boolean> => {
    const { spec } = lowerProgram(p);
    return check(engine, spec, await reference(spec)).length > 0;
  };
  const { program: small, tries } = await shrinkProgram(program, fails);
  const lowered = lowerProgram(small);
  const ms = check(engine, lowered.spec, await reference(lowered.spec));
  const typescript = programToTypeScript(small);
  const report =
    `${engine.name} disagrees with PyTorch on this graph (shrunk from ${program.length} steps to ` +
    `${small.length} in ${tries} tries):\n\n${typescript}\n\n${describeMismatches(ms, lowered.names)}`;
  return { program: small, typescript, report, tries };
}
