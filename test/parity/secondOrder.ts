// Second-order parity: fuzz programs as cases (their leaves are the inputs), compared with PyTorch's answers.
import { gradients } from '../../src/autodiff/gradients.js';
import { opDef, opDefNamed } from '../../src/engine/opRegistry.js';
import { topoSort, Value } from '../../src/engine/value.js';
import { agrees, agreesValue, PARITY_TOLERANCE } from '../../src/oracle/compare.js';
import { isLeafSpec, specFromValue } from '../../src/oracle/graphSpec.js';
import {
  caseFunction,
  evaluateSecondOrder,
  type SecondOrderAnswer,
  type SecondOrderCase,
} from '../../src/oracle/secondOrder.js';
import { lowerProgram, programToTypeScript, runProgram, tsNumber, type Program } from './fuzz/program.js';
import { shrinkProgram } from './fuzz/shrink.js';

/** Tangent entries, by input position: fixed, so a shrunk program keeps the same direction per input. */
const TANGENT = [0.75, -1.25, 0.5, 2, -0.375, 1.5, -2, 0.25];

/** The program's graph with its leaf steps as inputs (constants inside composites stay constants). */
export function programCase(p: Program): SecondOrderCase {
  const vs = runProgram(p);
  const { spec, nodes } = specFromValue(vs[vs.length - 1]!);
  const leaves = new Set(p.flatMap((s, i) => (s.t === 'leaf' ? [vs[i]!] : [])));
  const stepLeaves = nodes.flatMap((v, i) => (leaves.has(v) ? [i] : []));
  // When detach or noGrad cut every leaf step off the root, its remaining leaves (the cut values) vary.
  const inputs =
    stepLeaves.length > 0 ? stepLeaves : nodes.flatMap((v, i) => (v.opName === undefined ? [i] : []));
  return { spec, inputs, tangent: inputs.map((_, j) => TANGENT[j % TANGENT.length]!) };
}

/** One quantity that differs: `grad[1]`, `hessian[0][2]`, `jvp`, … */
export interface SecondOrderMismatch {
  what: string;
  ours: number;
  torch: number;
}

export interface SecondOrderVerdict {
  mismatches: SecondOrderMismatch[];
  /**
   * Entries where ours is non-finite and the terms summed include an infinity: how ∞ − ∞ and 0·∞ show
   * up depends on how a rule is split into terms (our tanh'' sums two product-rule paths where PyTorch's
   * fused tanh_backward has one; our chain rule multiplies a local derivative by the upstream grad, so
   * log's 1/a differentiated at a = 2.37e-200 gives −a⁻² = −∞ times an upstream 0, NaN, where PyTorch's
   * grad / a divides the 0 first; functional.jvp runs a double backward where jvp() runs forward mode).
   * Also a jvp where PyTorch's functional.jvp and its forward-mode AD disagree and ours is the
   * forward-mode one. Counted, not failed.
   */
  edges: number;
  /**
   * True when the answers differ but agree once ours is taken from PyTorch's node values: the rules
   * agree and the difference is rounding of the forward pass, amplified. Counted, not failed.
   */
  rounding: boolean;
}

/**
 * Compare our answer with PyTorch's: every entry within the parity tolerance of the size of the terms it
 * sums (`termScales`), as the first-order suite allows for cancellation. Where they differ and PyTorch's
 * node values are each what the op table gives from PyTorch's own inputs (so the forward passes differ
 * only by rounding, amplified — `x − eˣ` near a root), ours is taken again from PyTorch's node values:
 * if it then agrees, the rules agree and the verdict is `rounding`, as in the first-order suite.
 */
export function secondOrderVerdict(c: SecondOrderCase, torch: SecondOrderAnswer): SecondOrderVerdict {
  return verdictWithRounding(c, torch, compareAnswers);
}

/**
 * `compare` of our answer with PyTorch's, and where that fails while PyTorch's node values are each the
 * table's forward rule from its own inputs, `compare` again from those values: agreement then is
 * amplified forward rounding (the second-order and functional suites share this rule).
 */
export function verdictWithRounding<C extends Pick<SecondOrderCase, 'spec'>, A extends { values?: number[] }>(
  c: C,
  torch: A,
  compare: (c: C, torch: A, pinned?: readonly number[]) => SecondOrderVerdict,
): SecondOrderVerdict {
  const first = compare(c, torch);
  if (first.mismatches.length === 0 || torch.values === undefined || !tableForward(c, torch.values))
    return first;
  const pinned = compare(c, torch, torch.values);
  return pinned.mismatches.length === 0 ? { ...pinned, rounding: true } : first;
}

/** True when every op node of `values` is the table's forward rule applied to `values`' own inputs. */
export function tableForward(c: Pick<SecondOrderCase, 'spec'>, values: readonly number[]): boolean {
  return c.spec.nodes.every((n, i) => {
    if (isLeafSpec(n)) return true;
    const [ia, ib] = n.inputs;
    const want = opDefNamed(n.op).forward(values[ia]!, ib === undefined ? 0 : values[ib]!, n.k ?? 0);
    return agreesValue(values[i]!, want);
  });
}

function compareAnswers(
  c: SecondOrderCase,
  torch: SecondOrderAnswer,
  pinned?: readonly number[],
): SecondOrderVerdict {
  let ours: SecondOrderAnswer;
  let scale: Scales;
  try {
    ours = evaluateSecondOrder(c, pinned);
    scale = termScales(c, pinned);
  } catch (err) {
    return threwVerdict(err);
  }
  const tally = new VerdictTally();
  tally.value('value', ours.value, torch.value);
  torch.grad.forEach((t, i) => tally.compare(`grad[${i}]`, ours.grad[i]!, t, scale.grad[i]!));
  torch.hessian.forEach((row, i) =>
    row.forEach((t, j) =>
      tally.compare(`hessian[${i}][${j}]`, ours.hessian[i]![j]!, t, scale.hessian[i]![j]!),
    ),
  );
  // functional.jvp is a double backward; where PyTorch's own forward mode answers otherwise, ours (forward
  // mode) is held to that one instead.
  const fw = torch.jvpForward;
  const torchSplit = fw !== undefined && !agrees(fw, torch.jvp, PARITY_TOLERANCE, scale.jvp);
  if (torchSplit && agrees(ours.jvp, fw, PARITY_TOLERANCE, scale.jvp)) tally.edges++;
  else tally.compare('jvp', ours.jvp, torch.jvp, scale.jvp);
  return tally.verdict();
}

/** A verdict as it is built, entry by entry: the second-order and functional suites' one comparison rule. */
export class VerdictTally {
  readonly mismatches: SecondOrderMismatch[] = [];
  /** Entries counted rather than compared (see SecondOrderVerdict's `edges`). */
  edges = 0;

  /** A derivative entry: within the parity tolerance of `size`, the size of the terms it sums. */
  compare(what: string, ours: number, torch: number, size: number): void {
    if (agrees(ours, torch, PARITY_TOLERANCE, size)) return;
    // An infinity among the terms: how 0·∞ and ∞ − ∞ come out depends on how a rule is split (see
    // `edges`). Ours non-finite there is counted; ours finite where PyTorch's is not still fails.
    if (!Number.isFinite(ours) && !Number.isFinite(size)) this.edges++;
    else this.mismatches.push({ what, ours, torch });
  }

  /** A forward value: the first-order suite's value rule. */
  value(what: string, ours: number, torch: number): void {
    if (!agreesValue(ours, torch)) this.mismatches.push({ what, ours, torch });
  }

  verdict(): SecondOrderVerdict {
    return { mismatches: this.mismatches, edges: this.edges, rounding: false };
  }
}

/** The verdict when our engine threw instead of answering. */
export function threwVerdict(err: unknown): SecondOrderVerdict {
  return {
    mismatches: [{ what: `engine threw: ${String(err)}`, ours: NaN, torch: NaN }],
    edges: 0,
    rounding: false,
  };
}

interface Scales {
  grad: number[];
  hessian: number[][];
  jvp: number;
}

/**
 * The size of the terms each answer sums: the chain rule run with |local derivative| at every node, so
 * each entry is Σ over paths of |product| (≥ |entry|, and ≫ it where terms cancel). For the Hessian it
 * runs over the recorded gradient graph.
 */
function termScales(c: SecondOrderCase, pinned?: readonly number[]): Scales {
  const f = caseFunction(c, pinned);
  const xs = c.inputs.map((i) => new Value((c.spec.nodes[i] as { value: number }).value));
  const y = f(xs);
  const grad = absGradients(y, xs);
  const recorded = gradients(y, xs, { createGraph: true });
  return {
    grad,
    hessian: recorded.map((g) => absGradients(g, xs)),
    jvp: grad.reduce((sum, g, i) => sum + g * Math.abs(c.tangent[i]!), 0),
  };
}

export function absGradients(output: Value, inputs: readonly Value[]): number[] {
  const gs = new Map<Value, number>([[output, 1]]);
  // A path through a zero upstream and an infinite local derivative is a 0·∞ term: an infinity among
  // the terms, whichever way a rule's split resolves it, so it counts as one (not as 0, nor NaN).
  const add = (x: Value, local: number, g: number): void => {
    const t = g === 0 ? (Number.isFinite(local) ? 0 : Infinity) : Math.abs(local) * g;
    gs.set(x, (gs.get(x) ?? 0) + t);
  };
  const order = topoSort(output);
  for (let i = order.length - 1; i >= 0; i--) {
    const v = order[i]!;
    const g = gs.get(v) ?? 0;
    if (v._op < 0) continue;
    const def = opDef(v._op);
    const a = v._a!;
    const bd = v._b === null ? 0 : v._b.data;
    if (def.blocks?.(a.data, bd, v.data, v._k) !== true) add(a, def.da(a.data, bd, v.data, v._k), g);
    if (def.arity === 2) add(v._b!, def.db(a.data, bd, v.data, v._k), g);
  }
  return inputs.map((x) => gs.get(x) ?? 0);
}

export function describeSecondOrder(ms: readonly SecondOrderMismatch[], limit = 8): string {
  const lines = ms
    .slice(0, limit)
    .map((m) => `  ${m.what}: ours ${tsNumber(m.ours)}, torch ${tsNumber(m.torch)}`);
  if (ms.length > limit) lines.push(`  … and ${ms.length - limit} more`);
  return lines.join('\n');
}

/** A shrunk failing program, its case and what still differs. */
export interface Shrunk<C> {
  small: Program;
  tries: number;
  c: C;
  mismatches: SecondOrderMismatch[];
}

/**
 * Shrink `program` while its case (`caseOf`) still has mismatches (`verdict`) against `reference`: the
 * shared loop of the second-order and functional suites' reproductions.
 */
export async function shrinkDisagreement<C, A>(
  program: Program,
  caseOf: (p: Program) => C,
  verdict: (c: C, answer: A) => SecondOrderVerdict,
  reference: (c: C) => Promise<A> | A,
): Promise<Shrunk<C>> {
  const mismatchesOf = async (p: Program): Promise<[C, SecondOrderMismatch[]]> => {
    const c = caseOf(p);
    return [c, verdict(c, await reference(c)).mismatches];
  };
  const stillFails = async (p: Program): Promise<boolean> => (await mismatchesOf(p))[1].length > 0;
  const { program: small, tries } = await shrinkProgram(program, stillFails);
  const [c, mismatches] = await mismatchesOf(small);
  return { small, tries, c, mismatches };
}

/** Shrink a program whose second-order answer disagrees with `reference`, and render the reproduction. */
export async function shrinkSecondOrder(
  program: Program,
  reference: (c: SecondOrderCase) => Promise<SecondOrderAnswer> | SecondOrderAnswer,
): Promise<string> {
  const { small, tries, c, mismatches } = await shrinkDisagreement(
    program,
    programCase,
    secondOrderVerdict,
    reference,
  );
  const inputs = lowerProgram(small).names.filter((_, i) => c.inputs.includes(i));
  return (
    `second-order answers disagree with PyTorch on this graph (shrunk from ${program.length} steps to ` +
    `${small.length} in ${tries} tries; inputs ${inputs.join(', ')}, tangent [${c.tangent.join(', ')}]):\n\n` +
    `${programToTypeScript(small)}\n\n${describeSecondOrder(mismatches)}`
  );
}
