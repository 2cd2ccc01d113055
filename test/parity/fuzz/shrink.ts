// shrinkProgram: greedy delta debugging of a failing fuzz program down to a small reproduction.
import { pruneProgram, remap, runProgram, stepInputs, type Program, type Step } from './program.js';

/** Does the program still show the failure? (Live: against PyTorch; offline: against a trusted engine.) */
export type StillFails = (p: Program) => boolean | Promise<boolean>;

const ROUND = [0, 1, -1, 2, 0.5];

/** How hard a number is to read: the round ones first, then by length. Shrinking only goes down. */
function complexity(x: number): number {
  const i = ROUND.findIndex((r) => Object.is(r, x));
  return i >= 0 ? i : ROUND.length + String(x).length;
}

/** Simpler stand-ins for a number, simplest first. */
function simpler(x: number): number[] {
  const out = [...ROUND, Math.round(x), Math.round(x * 8) / 8, Number(x.toPrecision(3))];
  return out.filter((y, i) => complexity(y) < complexity(x) && out.findIndex((z) => Object.is(z, y)) === i);
}

/** Every smaller or simpler variant of `p`, most aggressive first. */
function* candidates(p: Program): Generator<Program> {
  const root = p.length - 1;
  // 1. A sub-graph alone: the failure often sits below the root.
  for (let j = 0; j < root; j++) yield pruneProgram(p, j);
  // 2. Bypass a step: its readers read one of its inputs instead.
  for (let i = root - 1; i >= 0; i--) {
    for (const j of stepInputs(p[i]!)) {
      yield pruneProgram(p.map((s, n) => (n <= i ? s : remap(s, (m) => (m === i ? j : m)))));
    }
  }
  // 3. Cut a sub-graph off: the step becomes a leaf holding its value.
  const vs = runProgram(p);
  for (let i = root - 1; i >= 0; i--) {
    if (p[i]!.t !== 'leaf')
      yield pruneProgram(p.map((s, n) => (n === i ? { t: 'leaf', value: vs[i]!.data } : s)));
  }
  // 4. Rounder numbers.
  for (let i = 0; i <= root; i++) {
    const s = p[i]!;
    const swap = (t: Step): Program => p.map((u, n) => (n === i ? t : u));
    if (s.t === 'leaf') for (const v of simpler(s.value)) yield swap({ ...s, value: v });
    if (s.t === 'const') for (const c of simpler(s.c)) yield swap({ ...s, c });
    if (s.t === 'pow') for (const k of simpler(s.k)) yield swap({ ...s, k });
  }
}

export interface ShrinkResult {
  program: Program;
  /** How many candidates were tried. */
  tries: number;
}

/** Repeatedly take the first candidate that still fails, until none does (or `maxTries` is spent). */
export async function shrinkProgram(
  p: Program,
  stillFails: StillFails,
  maxTries = 5000,
): Promise<ShrinkResult> {
  let best = pruneProgram(p);
  let tries = 0;
  let improved = true;
  while (improved && tries < maxTries) {
    improved = false;
    for (const q of candidates(best)) {
      if (++tries > maxTries) break;
      if (await stillFails(q)) {
        best = q;
        improved = true;
        break;
      }
    }
  }
  return { program: best, tries };
}
