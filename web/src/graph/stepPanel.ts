// stepPanel: the current step written out — a forward value, the seed, or each input's chain-rule row
// `∂o/∂nn = 1 − o² = 1 − 0.7071² = 0.5000;  × upstream ∂o/∂o = 1.0000  →  nn.grad += 0.5000`.

import type { BackwardStep } from '../../../src/walkthrough/backwardSteps.js';
import type { ForwardStep } from '../../../src/walkthrough/forwardSteps.js';
import { formatFixed, h } from '../dom.js';
import type { Scene } from './pageState.js';

const IDLE =
  'Step forward to compute the values one node at a time, Step backward to pass the gradient back one node at a time, or Backward to run the whole pass.';

/** Fill `host` with the scene's last step (or the idle hint) and how much of the pass is left. */
export function showStep(host: HTMLElement, scene: Scene | undefined, notice: string): void {
  const parts: Node[] = [];
  if (notice !== '') parts.push(h('p', { class: 'notice', 'data-testid': 'notice' }, notice));
  const last = scene?.last;
  if (scene === undefined || last === undefined) {
    parts.push(h('p', { class: 'muted' }, IDLE));
    host.replaceChildren(...parts);
    delete host.dataset['step'];
    return;
  }
  if (last.kind === 'forward') parts.push(...forwardParts(last.step, scene));
  else parts.push(...backwardParts(last.step, scene));
  host.replaceChildren(...parts);
}

function forwardParts(step: ForwardStep, scene: Scene): Node[] {
  const n = scene.nodes.length;
  const left = n - step.index - 1;
  return [
    h('h3', {}, `Forward: ${step.name}`),
    h('p', { class: 'row', 'data-testid': 'forward-row', 'data-node': step.index }, h('code', {}, step.text)),
    h(
      'p',
      { class: 'step-status' },
      left === 0
        ? 'The forward pass is complete: every value is known. Step backward to send the gradient back.'
        : `Value ${step.index + 1} of ${n}; ${left} more to compute.`,
    ),
  ];
}

function backwardParts(step: BackwardStep, scene: Scene): Node[] {
  const remaining = scene.stepper?.remaining ?? 0;
  const done = scene.stepper?.done === true;
  const status = h(
    'p',
    { class: 'step-status' },
    done
      ? scene.stepper?.accumulate === true
        ? 'The backward pass is complete; its grads were added to what the inputs held.'
        : 'The backward pass is complete: these are the grads one backward() gives on a fresh graph.'
      : `${remaining} more node${remaining === 1 ? '' : 's'} to go.`,
  );
  if (step.kind === 'seed') {
    return [
      h('h3', {}, `Backward: the seed, at the output ${step.name}`),
      h('p', { class: 'row', 'data-testid': 'seed' }, h('code', {}, step.text)),
      status,
    ];
  }
  const rows = step.contributions.map((c) =>
    h(
      'li',
      {
        class: 'row',
        'data-child': scene.ids.get(c.child),
        'data-derivative': c.derivative,
        'data-formula': c.formula,
        'data-local': String(c.local),
        'data-upstream': String(c.upstream),
        'data-contribution': String(c.contribution),
        'data-sum': String(c.sum),
      },
      h('code', {}, c.text),
    ),
  );
  return [
    h('h3', {}, `Backward: ${step.text}`),
    h(
      'p',
      {},
      `${step.name}'s grad ${formatFixed(step.node.grad)} flows to each input: the local derivative (from the op) times this upstream grad, added into the input's grad.`,
    ),
    h('ol', { class: 'rows', 'aria-label': `Contributions of ${step.name} to its inputs` }, ...rows),
    status,
  ];
}
