// practiceHints: the stepped hints for one node's grad, written from the stepper's rows — first the rule
// each use applies, then its numbers, and for a value used more than once that its grad is their sum.

import type { OpName } from '../engine/ops.js';
import type { Value } from '../engine/value.js';
import { formatCompact } from '../viz/formatCompact.js';
import type { BackwardStep, Contribution } from './backwardSteps.js';
import { wrapName } from './nodeNames.js';

/** One use of a value: the step of the node that consumes it and the row that passes the grad on. */
export interface Use {
  readonly step: BackwardStep;
  readonly row: Contribution;
}

/** The rule an op's local derivative follows, in words, ending with the row's derivative as a formula. */
const RULES: { readonly [K in OpName]: (c: Contribution) => string } = {
  add: (c) =>
    `the local derivative of + is 1 for each input (${c.derivative} = 1): + passes the grad on unchanged`,
  mul: (c) =>
    `the local derivative of * with respect to one input is the other input: ${c.derivative} = ${c.formula}`,
  pow: (c) => `the power rule, ∂(a**k)/∂a = k·a**(k − 1): ${c.derivative} = ${c.formula}`,
  // Said once as written on paper (1 − o²), then in the page's notation, which is also how an answer is typed.
  tanh: (c) =>
    `the local derivative of tanh is ${c.formula.replace(/\*\*2$/, '²')}, one minus the output squared (${c.derivative} = ${c.formula})`,
  exp: (c) => `the local derivative of exp is exp itself: ${c.derivative} = ${c.formula}`,
  relu: (c) =>
    `the local derivative of ReLU is 1 where its output is positive and 0 elsewhere: ${c.derivative} = ${c.formula}`,
  log: (c) => `the local derivative of log is 1/a: ${c.derivative} = ${c.formula}`,
  sigmoid: (c) => `the local derivative of sigmoid is out·(1 − out): ${c.derivative} = ${c.formula}`,
  powValue: (c) =>
    `the power rule with a Value exponent, ∂(a**b)/∂a = b·a**(b − 1) and ∂(a**b)/∂b = a**b·log(a): ${c.derivative} = ${c.formula}`,
  sqrt: (c) =>
    `the local derivative of sqrt is 1 / (2·sqrt(a)), that is 1 / (2·out): ${c.derivative} = ${c.formula}`,
  abs: (c) =>
    `the local derivative of abs is the sign of its input (1, −1, or 0 at 0): ${c.derivative} = ${c.formula}`,
  sin: (c) => `the local derivative of sin is cos: ${c.derivative} = ${c.formula}`,
  cos: (c) => `the local derivative of cos is −sin: ${c.derivative} = ${c.formula}`,
};

/** The rule one row applies: `o = tanh(nn): the local derivative of tanh is 1 − o², one minus the output squared (∂o/∂nn = 1 − o**2)`. */
export function ruleOf(use: Use): string {
  const op = use.step.node.opName!;
  // An op of one's own (defineOp) states its derivative itself: the row's formula is the rule.
  const rule = Object.hasOwn(RULES, op)
    ? RULES[op as OpName](use.row)
    : `${op} is an op of its own, whose derivative it declares: ${use.row.derivative} = ${use.row.formula}`;
  return `${use.step.text}: ${rule}`;
}

/**
 * The hints for a node, in the order they are given: the rule (with the chain rule that combines it), then
 * the numbers. The output's grad needs only the seed's sentence. `name` is the node's name in the pass.
 */
export function hintsFor(name: string, uses: readonly Use[], seed: BackwardStep | undefined): string[] {
  if (seed !== undefined) return [seed.text];
  const grad = (n: string): string => `${wrapName(n)}.grad`;
  const chain = uses.map((u) => `${u.row.derivative} × ${grad(u.step.name)}`).join(' + ');
  const rules = uses.map(ruleOf);
  const first =
    uses.length === 1
      ? `${rules[0]!}. Chain rule: ${grad(name)} = ${chain}.`
      : `${name} is used ${uses.length} times, so its grad is the sum over its uses: ${grad(name)} = ${chain}. ` +
        rules.map((r, i) => `Use ${i + 1}, ${r}.`).join(' ');
  const numbers = uses.map(
    (u) =>
      `${u.row.derivative} = ${numbersOf(u.row)}, times upstream ${grad(u.step.name)} = ${formatCompact(u.row.upstream)}: ` +
      `${formatCompact(u.row.contribution)}`,
  );
  const terms = uses.map((u, i) => {
    const t = formatCompact(u.row.contribution);
    return i > 0 && t.startsWith('-') ? `(${t})` : t;
  });
  // The sum as backward adds it (the last row's running sum), not re-added here in another order.
  const sum =
    uses.length > 1
      ? ` Sum over the uses: ${terms.join(' + ')} = ${formatCompact(uses.at(-1)!.row.sum)}.`
      : '';
  return [first, `${numbers.join('; ')}.${sum}`];
}

/** `1 − 0.7071**2 = 0.5000`, or just the number when the formula is one. */
function numbersOf(c: Contribution): string {
  const local = formatCompact(c.local);
  // A constant (`1`) or a bare number (`-3.0000`) is the derivative itself: say it once.
  return c.numbers === local || Number(c.numbers) === c.local ? local : `${c.numbers} = ${local}`;
}

/** A value's uses in a pass's steps, in the order backward passes the grad into it. */
export function usesOf(v: Value, steps: readonly BackwardStep[]): Use[] {
  const out: Use[] = [];
  for (const step of steps)
    for (const row of step.contributions) if (row.child === v) out.push({ step, row });
  return out;
}
