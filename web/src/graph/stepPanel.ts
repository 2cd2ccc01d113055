// stepPanel: one step of the backward pass written out as arithmetic, `local × upstream = contribution`.

import type { Value } from '../../../src/engine/value.js';
import type { BackwardStep } from '../../../src/walkthrough/backwardSteps.js';
import { formatFixed, h } from '../dom.js';
import { nodeName } from './graphView.js';

/** How a computed node reads in a sentence: `o = tanh(nn)`, `x1*w1 = x1 * w1`, `node #3 = a **-1`. */
export function describeNode(v: Value, ids: ReadonlyMap<Value, number>): string {
  const name = (x: Value): string => nodeName(x, ids.get(x)!);
  const kids = v.children;
  const a = kids[0];
  if (a === undefined) return `${name(v)} (an input)`;
  if (v.opName === 'add' || v.opName === 'mul')
    return `${name(v)} = ${name(a)} ${v.op} ${name(kids[1] ?? a)}`;
  if (v.opName === 'pow') return `${name(v)} = ${name(a)} ${v.op}`;
  return `${name(v)} = ${v.op}(${name(a)})`;
}

/** Fill `host` with the step's explanation and its table of contributions. */
export function showStep(
  host: HTMLElement,
  step: BackwardStep,
  ids: ReadonlyMap<Value, number>,
  remaining: number,
): void {
  const node = step.node;
  const name = (x: Value): string => nodeName(x, ids.get(x)!);
  const status = h(
    'p',
    { class: 'step-status' },
    remaining === 0
      ? 'The backward pass is complete.'
      : `${remaining} more node${remaining === 1 ? '' : 's'} to go.`,
  );
  if (step.kind === 'seed') {
    host.replaceChildren(
      h('h3', {}, 'Seed'),
      h(
        'p',
        { 'data-testid': 'seed' },
        `${name(node)}.grad = ${formatFixed(node.grad)}: the output's derivative with respect to itself is 1.`,
      ),
      status,
    );
    return;
  }
  const rows = step.contributions.map((c, i) =>
    h(
      'tr',
      {
        'data-child': ids.get(c.child),
        'data-local': String(c.local),
        'data-upstream': String(c.upstream),
        'data-contribution': String(c.contribution),
        'data-sum': String(c.sum),
      },
      h(
        'th',
        { scope: 'row' },
        `${name(c.child)}${step.contributions.length === 2 && c.child === step.contributions[1 - i]!.child ? ` (use ${i + 1})` : ''}`,
      ),
      h('td', { class: 'num' }, formatFixed(c.local)),
      h('td', { class: 'num' }, `× ${formatFixed(c.upstream)}`),
      h('td', { class: 'num' }, `= ${formatFixed(c.contribution)}`),
      h('td', { class: 'num sum' }, formatFixed(c.sum)),
    ),
  );
  host.replaceChildren(
    h('h3', {}, describeNode(node, ids)),
    h(
      'p',
      {},
      `Its grad ${formatFixed(node.grad)} flows to each input, times the op's local derivative; each input adds its share to its grad.`,
    ),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'contributions' },
        h('caption', { class: 'visually-hidden' }, `Contributions of ${name(node)} to its inputs`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'input'),
            h('th', { scope: 'col' }, `local ∂${name(node)}/∂input`),
            h('th', { scope: 'col' }, `× upstream ${name(node)}.grad`),
            h('th', { scope: 'col' }, '= contribution'),
            h('th', { scope: 'col' }, 'running sum (input.grad)'),
          ),
        ),
        h('tbody', {}, ...rows),
      ),
    ),
    status,
  );
}
