// Functional-transform parity: fuzz programs as vjp/jacobian/hvp cases, compared with PyTorch's answers.
import { readFileSync } from 'node:fs';
import { gradients } from '../../src/autodiff/gradients.js';
import { hessian } from '../../src/autodiff/hessian.js';
import { Value } from '../../src/engine/value.js';
import { agrees, PARITY_TOLERANCE } from '../../src/oracle/compare.js';
import {
  casePoint,
  decodeFunctional,
  encodeFunctional,
  evaluateFunctional,
  functionalOf,
  type FunctionalAnswer,
  type FunctionalCase,
} from '../../src/oracle/functional.js';
import { specRoot } from '../../src/oracle/graphSpec.js';
import { lowerProgram, programToTypeScript, type Program } from './fuzz/program.js';
import { GOLDEN_DIR, decodeProgram, encodeProgram, type GoldenMeta } from './golden.js';
import {
  absGradients,
  describeSecondOrder,
  programCase,
  shrinkDisagreement,
  threwVerdict,
  VerdictTally,
  verdictWithRounding,
  type SecondOrderVerdict,
} from './secondOrder.js';

/** Seeds of vjp (by output) and directions of hvp (by input): fixed, so a case is the same every run. */
const V = [1.5, -0.75, 2];
const HV = [0.5, -1.25, 2, 0.75, -0.375, 1.5, -2, 0.25];

/**
 * The program's graph as f(inputs) = [root, and up to two op nodes a third and two thirds of the way in]:
 * several outputs sharing nodes, so vjp sums paths and the Jacobian has rows that differ.
 */
export function functionalCase(p: Program): FunctionalCase {
  const { spec, inputs } = programCase(p);
  const root = specRoot(spec);
  const n = spec.nodes.length;
  const picks = [Math.floor(n / 3), Math.floor((2 * n) / 3)].filter(
    (i) => i !== root && spec.nodes[i]!.op !== 'leaf',
  );
  const outputs = [...new Set([root, ...picks])];
  return {
    spec,
    inputs,
    outputs,
    v: outputs.map((_, i) => V[i]!),
    root,
    hv: inputs.map((_, j) => HV[j % HV.length]!),
  };
}

/** True when our Hessian of the root has a NaN in row i (reverse over reverse, as PyTorch's). */
function hessianRowNaN(c: FunctionalCase, i: number): boolean {
  const root = functionalOf(c, [c.root]);
  return hessian((xs) => root(xs)[0]!, casePoint(c))[i]!.some((h) => Number.isNaN(h));
}

/**
 * True when PyTorch's own forward over reverse (`forward`, fwAD through a create_graph gradient) answers
 * otherwise than its hvp (`torch`, a double backward) and ours, forward over reverse too, is that answer.
 * pow(x, 0)'s forward tangent is a computed 0 in both engines' forward mode; where it meets an infinite or
 * NaN partial downstream (x·(x⁰ − x⁰)⁻¹, x^(x⁰) at x < 0) the product is 0·∞ = NaN, while the double backward
 * (and the Hessian) select pow's zero gradient and never form that product. Both are the chain rule, in
 * two orders; the second-order suite counts ours = PyTorch's forward-mode jvp the same way. It also takes
 * an entry whose terms cancel to noise that PyTorch's two orders round apart by more than the tolerance
 * (once in 4,000 graphs: its hvp −1.01e-10, its forward over reverse −1.80e-11, ours 1.78e-11).
 */
export function forwardOverReverse(
  ours: number,
  torch: number,
  forward: number | undefined,
  size: number,
): boolean {
  if (forward === undefined || agrees(forward, torch, PARITY_TOLERANCE, size)) return false;
  return agrees(ours, forward, PARITY_TOLERANCE, size);
}

/** As the second-order suite's verdict: mismatches, counted edges and amplified forward rounding. */
export type FunctionalVerdict = SecondOrderVerdict;

/**
 * Every entry within the parity tolerance of the size of the terms it sums, and where that fails, again
 * from PyTorch's node values (as the second-order suite does).
 */
export function functionalVerdict(c: FunctionalCase, torch: FunctionalAnswer): FunctionalVerdict {
  return verdictWithRounding(c, torch, compareFunctional);
}

function compareFunctional(
  c: FunctionalCase,
  torch: FunctionalAnswer,
  pinned?: readonly number[],
): FunctionalVerdict {
  let ours: FunctionalAnswer;
  let jac: number[][];
  let hess: number[][];
  try {
    ours = evaluateFunctional(c, pinned);
    const xs = casePoint(c).map((x) => new Value(x));
    jac = functionalOf(c, c.outputs, pinned)(xs).map((y) => absGradients(y, xs));
    const root = functionalOf(c, [c.root], pinned)(xs)[0]!;
    hess = gradients(root, xs, { createGraph: true }).map((g) => absGradients(g, xs));
  } catch (err) {
    return threwVerdict(err);
  }
  const tally = new VerdictTally();
  torch.outputs.forEach((t, i) => tally.value(`outputs[${i}]`, ours.outputs[i]!, t));
  tally.value('value', ours.value, torch.value);
  const weighted = (rows: number[][], w: readonly number[], j: number): number =>
    rows.reduce((sum, row, i) => sum + Math.abs(w[i]!) * row[j]!, 0);
  torch.vjp.forEach((t, j) => tally.compare(`vjp[${j}]`, ours.vjp[j]!, t, weighted(jac, c.v, j)));
  torch.jacobian.forEach((row, i) =>
    row.forEach((t, j) => tally.compare(`jacobian[${i}][${j}]`, ours.jacobian[i]![j]!, t, jac[i]![j]!)),
  );
  torch.hvp.forEach((t, i) => {
    const size = hess[i]!.reduce((sum, h, j) => sum + h * Math.abs(c.hv[j]!), 0);
    // Where PyTorch's hvp (a double backward) and its Hessian times hv differ, ours is held to the latter.
    const fromHessian = torch.hvpHessian?.[i];
    const split = fromHessian !== undefined && !agrees(fromHessian, t, PARITY_TOLERANCE, size);
    // Ours is forward over reverse (JAX's hvp): a NaN in the Hessian's row i from 0·∞ in a reverse pass
    // over the recorded gradient need not arise pushing tangents forward through it. Counted, not failed.
    const nanRow = Number.isNaN(t) && fromHessian !== undefined && Number.isNaN(fromHessian);
    if (split && agrees(ours.hvp[i]!, fromHessian, PARITY_TOLERANCE, size)) tally.edges++;
    else if (nanRow && hessianRowNaN(c, i)) tally.edges++;
    else if (forwardOverReverse(ours.hvp[i]!, t, torch.hvpForward?.[i], size)) tally.edges++;
    else tally.compare(`hvp[${i}]`, ours.hvp[i]!, t, size);
  });
  return tally.verdict();
}

export const FUNCTIONAL_FILE = `${GOLDEN_DIR}functional.json`;
export const GOLDEN_FUNCTIONAL_SEED = 20261204;
export const GOLDEN_FUNCTIONAL_COUNT = 200;

export interface GoldenFunctional {
  program: Program;
  answer: FunctionalAnswer;
}

/** One graph per line, so a regenerated file diffs line by line. */
export function renderFunctional(
  meta: GoldenMeta & { seed: number },
  graphs: readonly GoldenFunctional[],
): string {
  const lines = graphs.map((g) =>
    JSON.stringify({ program: encodeProgram(g.program), answer: encodeFunctional(g.answer) }),
  );
  return `{"meta": ${JSON.stringify(meta)},\n"graphs": [\n${lines.join(',\n')}\n]}\n`;
}

export function readFunctional(file = FUNCTIONAL_FILE): {
  meta: GoldenMeta & { seed: number };
  graphs: GoldenFunctional[];
} {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    meta: GoldenMeta & { seed: number };
    graphs: { program: Record<string, unknown>[]; answer: Parameters<typeof decodeFunctional>[0] }[];
  };
  return {
    meta: raw.meta,
    graphs: raw.graphs.map((g) => ({
      program: decodeProgram(g.program),
      answer: decodeFunctional(g.answer),
    })),
  };
}

/** Shrink a program whose functional answers disagree with `reference`, and render the reproduction. */
export async function shrinkFunctional(
  program: Program,
  reference: (c: FunctionalCase) => Promise<FunctionalAnswer> | FunctionalAnswer,
): Promise<string> {
  const { small, tries, c, mismatches } = await shrinkDisagreement(
    program,
    functionalCase,
    functionalVerdict,
    reference,
  );
  const names = lowerProgram(small).names;
  const at = (is: readonly number[]): string => is.map((i) => names[i]).join(', ');
  return (
    `functional answers disagree with PyTorch on this graph (shrunk from ${program.length} steps to ` +
    `${small.length} in ${tries} tries; inputs ${at(c.inputs)}, outputs ${at(c.outputs)}, ` +
    `v [${c.v.join(', ')}], hvp of ${names[c.root]} along [${c.hv.join(', ')}]):\n\n` +
    `${programToTypeScript(small)}\n\n${describeSecondOrder(mismatches)}`
  );
}
