// check: run an engine on a graph, compare with PyTorch's answer, shrink and report what disagrees.
import { mismatches, type Mismatch } from '../../src/oracle/compare.js';
import {
  evaluateEager,
  isLeafSpec,
  specRoot,
  type GraphAnswer,
  type GraphSpec,
} from '../../src/oracle/graphSpec.js';
import type { Engine } from './engines.js';
import { inconsistencies } from './localCheck.js';
import { lowerProgram, programToTypeScript, tsNumber, type Program } from './fuzz/program.js';
import { shrinkProgram } from './fuzz/shrink.js';

/** A node that disagrees, or (node −1, `error` set) an engine that threw. */
export interface Disagreement extends Mismatch {
  error?: string;
}

export interface Verdict {
  /** Nodes whose value or gradient differs from PyTorch's beyond the tolerance. */
  mismatches: Disagreement[];
  /**
   * True when there are mismatches but every node of both answers is what the op table gives from
   * that answer's own inputs (localCheck): the rules agree with PyTorch's at every node and the
   * difference is an earlier last-bit difference amplified (cancellation, log near 1, x/x).
   */
  rounding: boolean;
  /** When not `rounding`: the nodes that break the table (prefixed `torch:` or `ours:`). */
  local: string[];
}

/** Compare an engine with PyTorch on one graph. A graph fails when `mismatches` is non-empty and not `rounding`. */
export function check(engine: Engine, spec: GraphSpec, torch: GraphAnswer): Verdict {
  let ours: GraphAnswer;
  try {
    ours = engine.scope === 'leaves' ? leavesOver(spec, engine.evaluate(spec)) : engine.evaluate(spec);
  } catch (err) {
    return {
      mismatches: [{ node: -1, field: 'value', ours: NaN, torch: NaN, error: String(err) }],
      rounding: false,
      local: [],
    };
  }
  const ms = mismatches(ours, torch);
  if (ms.length === 0) return { mismatches: ms, rounding: false, local: [] };
  const local = [
    ...inconsistencies(spec, torch).map(
      (m) => `torch: node ${m.node} ${m.field} ${tsNumber(m.ours)}, table gives ${tsNumber(m.torch)}`,
    ),
    // A leaves-scope engine (the fused tape) sums each leaf's contributions in its fused sums' order over
    // eager intermediates, so its leaves are held to the terms on all their paths.
    ...inconsistencies(spec, ours, { pathTerms: engine.scope === 'leaves' }).map(
      (m) => `ours: node ${m.node} ${m.field} ${tsNumber(m.ours)}, table gives ${tsNumber(m.torch)}`,
    ),
  ];
  return { mismatches: ms, rounding: local.length === 0, local };
}

/** The eager answer with the engine's root value and leaf values and grads laid over it. */
function leavesOver(spec: GraphSpec, partial: GraphAnswer): GraphAnswer {
  const full = evaluateEager(spec);
  const root = specRoot(spec);
  spec.nodes.forEach((n, i) => {
    if (isLeafSpec(n) || i === root) full.values[i] = partial.values[i]!;
    if (isLeafSpec(n)) full.grads[i] = partial.grads[i]!;
  });
  return full;
}

/** True when the verdict is a real disagreement. */
export const fails = (v: Verdict): boolean => v.mismatches.length > 0 && !v.rounding;

/** Mismatches as lines: `v3 grad: ours 1.5, torch 2` (`ref` names the reference). */
export function describeMismatches(
  ms: readonly Disagreement[],
  names?: readonly string[],
  ref = 'torch',
  limit = 8,
): string {
  const lines = ms.slice(0, limit).map((m) => {
    if (m.error !== undefined) return `  engine threw: ${m.error}`;
    const who = names?.[m.node] ?? `node ${m.node}`;
    return `  ${who} ${m.field}: ours ${tsNumber(m.ours)}, ${ref} ${tsNumber(m.torch)}`;
  });
  if (ms.length > limit) lines.push(`  … and ${ms.length - limit} more`);
  return lines.join('\n');
}

/** The mismatches and, when the op table is broken somewhere, where. */
export function describeVerdict(v: Verdict, names?: readonly string[], ref = 'torch'): string {
  const local = v.local.length
    ? `\n  node by node against the op table:\n    ${v.local.slice(0, 6).join('\n    ')}`
    : '';
  return describeMismatches(v.mismatches, names, ref) + local;
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
export async function shrinkFailure(
  engine: Engine,
  program: Program,
  reference: Reference,
  referenceName = 'PyTorch',
): Promise<Repro> {
  const stillFails = async (p: Program): Promise<boolean> => {
    const { spec } = lowerProgram(p);
    return fails(check(engine, spec, await reference(spec)));
  };
  const { program: small, tries } = await shrinkProgram(program, stillFails);
  const lowered = lowerProgram(small);
  const verdict = check(engine, lowered.spec, await reference(lowered.spec));
  const typescript = programToTypeScript(small);
  const report =
    `${engine.name} disagrees with ${referenceName} on this graph (shrunk from ${program.length} steps to ` +
    `${small.length} in ${tries} tries):\n\n${typescript}\n\n${describeVerdict(verdict, lowered.names, referenceName === 'PyTorch' ? 'torch' : 'reference')}`;
  return { program: small, typescript, report, tries };
}
