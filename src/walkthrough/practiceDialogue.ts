// practiceDialogue: practice as lines of text — what `micrograd practice` prints and how it answers each
// line the learner types (a number, `?`/`hint`, `reveal`).

import { formatCompact } from '../viz/formatCompact.js';
import { forwardSteps } from './forwardSteps.js';
import { wrapName } from './nodeNames.js';
import type { Practice, PracticeSummary } from './practice.js';
import type { Value } from '../engine/value.js';

/** What the learner types to ask for a hint, to give up on a node, and to stop. */
export const HINT_WORDS: readonly string[] = ['?', 'hint'];
export const REVEAL_WORDS: readonly string[] = ['reveal'];
export const QUIT_WORDS: readonly string[] = ['q', 'quit', 'exit'];

/** The session's opening: the values to work from (the forward pass), then how to answer. */
export function practiceIntro(p: Practice): string[] {
  return [
    '# the forward pass: the values you work from',
    ...forwardSteps(p.root, (v) => p.nameOf(v)).map((s) => s.text),
    '',
    `# backward, by hand: give each grad ∂${wrapName(p.nameOf(p.root))}/∂node, from the output back`,
    `# a number (-1.5, 1/2, 1 - 0.7071**2); ${HINT_WORDS.join(' or ')} for a hint; reveal to be shown; q to stop`,
  ];
}

/** The question for a node: `grad of nn: `. */
export const promptFor = (p: Practice, v: Value): string => `grad of ${p.nameOf(v)}: `;

/** The reply to one typed line about node `v` (the node stays open unless the reply says it is done). */
export function respond(p: Practice, v: Value, line: string): string[] {
  const word = line.trim().toLowerCase();
  const grad = `${wrapName(p.nameOf(v))}.grad`;
  if (HINT_WORDS.includes(word)) return [`  hint: ${p.hint(v)}`];
  if (REVEAL_WORDS.includes(word)) return [`  ${grad} = ${formatCompact(p.reveal(v))} (revealed)`];
  const checked = p.answer(v, line);
  switch (checked.kind) {
    case 'right':
      return [`  right: ${grad} = ${formatCompact(checked.expected)}`];
    case 'wrong':
      return [`  not ${line.trim()}. hint: ${checked.hint}`];
    case 'unreadable':
    case 'not-ready':
      return [`  ${checked.why}`];
  }
}

/** The end: how it went, then the whole pass as the stepper writes it. */
export function summaryLines(s: PracticeSummary, finished: boolean): string[] {
  const done = finished ? 'done' : 'stopped';
  return [
    '',
    `# ${done}: ${s.rightFirstTime} of ${s.total} grads right first time, ${s.hintsUsed} hint${s.hintsUsed === 1 ? '' : 's'} used, ${s.revealed} revealed`,
    '# the backward pass, step by step',
    ...s.pass,
  ];
}
