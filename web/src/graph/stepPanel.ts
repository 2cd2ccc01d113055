// stepPanel: the current step written out — a forward value, the seed, or each input's chain-rule row
// `∂o/∂nn = 1 − o² = 1 − 0.7071² = 0.5000;  × upstream ∂o/∂o = 1.0000  →  nn.grad += 0.5000`.

import type { BackwardStep } from '../../../src/walkthrough/backwardSteps.js';
import type { ForwardStep } from '../../../src/walkthrough/forwardSteps.js';
import { formatCompact, h } from '../dom.js';
import type { Scene } from './pageState.js';

const IDLE =
  'Step forward to compute the values one node at a time, Step backward to pass the gradient back one node at a time, or Backward to run the whole pass.';

/** Fill `host` with the scene's last step (or the idle hint) and how much of the pass is left. */
export function showStep(host: HTMLElement, scene: Scene | undefined, notice: string): void {
  const parts: Node[] = [];
  if (notice !== '') parts.push(h('p', { class: 'notice', 'data-testid': 'notice' }, notice));
  const last = scene?.last;
  if (scene !== undefined && last === undefined && scene.passes > 0) {
    parts.push(...passSummary(scene));
    host.replaceChildren(...parts);
    return;
  }
  if (scene === undefined || last === undefined) {
    parts.push(h('p', { class: 'muted' }, IDLE));
    host.replaceChildren(...parts);
    delete host.dataset['step'];
    return;
  }
  if (last.kind === 'forward') parts.push(...forwardParts(last.step, scene));
  else parts.push(...backwardParts(last.step, scene));
  parts.push(...earlier(scene));
  host.replaceChildren(...parts);
}

/** After Backward: what ran, and the inputs' grads it left. */
function passSummary(scene: Scene): Node[] {
  // The inputs, not the constants the expression wrote (`2` in `exp(2*nn)` is a leaf too).
  const leaves = scene.nodes.filter((v, i) => v.opName === undefined && !scene.keys[i]!.startsWith('#'));
  const what =
    scene.passes === 1
      ? 'Backward ran one whole pass from zero grads.'
      : `Backward ran ${scene.passes} passes, each adding into the inputs’ .grad (the intermediate nodes show the latest pass only, as backward() leaves them).`;
  return [
    h('h3', {}, 'Backward: the whole pass'),
    h('p', {}, `${what} The inputs’ grads (∂${scene.root.label}/∂input):`),
    h(
      'ul',
      { class: 'leaf-grads', 'data-testid': 'leaf-grads' },
      ...leaves.map((v) => h('li', {}, h('code', {}, `${v.label}.grad = ${formatCompact(v.grad)}`))),
    ),
    h('p', { class: 'muted' }, 'Step backward to see where each number comes from.'),
  ];
}

/** The steps before the current one in this pass, folded away. */
function earlier(scene: Scene): Node[] {
  const lines: string[] = [];
  if (scene.last?.kind === 'forward') {
    for (const s of scene.forward.slice(0, scene.last.step.index)) lines.push(s.text);
  } else {
    for (const s of scene.backward.slice(0, -1)) {
      lines.push(s.text);
      for (const c of s.contributions) lines.push(`  ${c.text}`);
    }
  }
  if (lines.length === 0) return [];
  return [
    h(
      'details',
      { class: 'earlier' },
      h('summary', {}, 'Earlier steps of this pass'),
      h('pre', {}, lines.join('\n')),
    ),
  ];
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
        ? 'The backward pass is complete; its grads were added to what the inputs held (the intermediate nodes show the latest pass only, as backward() leaves them).'
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
      `${step.name}'s grad ${formatCompact(step.node.grad)} flows to each input: the local derivative (from the op) times this upstream grad, added into the input's grad.`,
    ),
    h('ol', { class: 'rows', 'aria-label': `Contributions of ${step.name} to its inputs` }, ...rows),
    status,
  ];
}
