// explainPass: a graph's forward and backward passes as lines of text, one per step (the CLI's --explain).

import type { Value } from '../engine/value.js';
import { BackwardStepper, type BackwardStep } from './backwardSteps.js';
import { forwardSteps } from './forwardSteps.js';
import { formatCompact } from '../viz/formatCompact.js';
import { wrapName } from './nodeNames.js';

/**
 * The forward pass node by node, then one fresh backward pass with each local derivative written out.
 * Runs the pass: afterwards the graph holds one backward()'s grads.
 */
export function explainPass(root: Value): string[] {
  const lines = ['# forward: each value from the ones before it'];
  for (const s of forwardSteps(root)) lines.push(s.text);
  lines.push('', '# backward: each node passes its grad to its inputs (local derivative × upstream grad)');
  const stepper = new BackwardStepper(root);
  const steps: BackwardStep[] = [];
  for (let s = stepper.next(); s !== undefined; s = stepper.next()) steps.push(s);
  lines.push(...passLines(steps));
  const leaves = stepper.order.filter((v) => v.opName === undefined);
  lines.push('', '# gradients of the inputs');
  for (const v of leaves) lines.push(`${wrapName(stepper.nameOf(v))}.grad = ${formatCompact(v.grad)}`);
  return lines;
}

/** A backward pass's steps as lines: each step, then its rows indented (the seed has none). */
export function passLines(steps: readonly BackwardStep[]): string[] {
  const lines: string[] = [];
  for (const s of steps) {
    lines.push(s.text);
    for (const c of s.contributions) lines.push(`  ${c.text}`);
  }
  return lines;
}
