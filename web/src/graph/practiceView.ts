// practiceView: Practice mode on the graph page — an answer box per node in backward order (accessible
// name `grad of NAME`), the stepped hints under a box, the summary at the end; and the picture's grads
// hidden until each is answered.

import type { Practice } from '../../../src/walkthrough/practice.js';
import { formatCompact, h } from '../dom.js';
import type { Drawn } from './graphView.js';
import type { Scene } from './pageState.js';
import { keyOf, type PracticeState } from './practiceState.js';

export interface PracticeHandlers {
  answer(key: string, typed: string): void;
  hint(key: string, typed: string): void;
  reveal(key: string): void;
}

/** What an exercise is, when the graph is one: said above the boxes so a teacher knows what they share. */
export interface ExerciseNote {
  readonly seed: number;
  readonly level: number;
}

/** Fill `host` with the session: one row per asked node, then the summary once every grad is in. */
export function showPractice(
  host: HTMLElement,
  scene: Scene,
  session: Practice,
  ps: PracticeState,
  exercise: ExerciseNote | undefined,
  on: PracticeHandlers,
): void {
  const root = session.nameOf(session.root);
  const doneCount = session.nodes.filter((v) => session.progressOf(v).done !== undefined).length;
  const rows = session.nodes.map((v, i) => {
    const key = keyOf(scene, v);
    const name = session.nameOf(v);
    const p = session.progressOf(v);
    const ready = p.done === undefined && session.isReady(v);
    const id = `practice-${i}`;
    const reply = ps.reply?.key === key ? ps.reply : undefined;
    const input = h('input', {
      id,
      type: 'text',
      autocomplete: 'off',
      spellcheck: 'false',
      autocapitalize: 'off',
      enterkeyhint: 'done',
      'data-key': key,
      'aria-describedby': `${id}-note`,
      disabled: p.done === undefined && !ready,
      readonly: p.done !== undefined,
      'aria-invalid': reply?.kind === 'wrong' ? 'true' : undefined,
      value: p.done !== undefined ? formatCompact(v.grad) : (reply?.typed ?? ''),
    });
    input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' || p.done !== undefined) return;
      e.preventDefault();
      const typed = input.value;
      if (['?', 'hint'].includes(typed.trim().toLowerCase())) on.hint(key, '');
      else if (typed.trim().toLowerCase() === 'reveal') on.reveal(key);
      else on.answer(key, typed);
    });
    const notes: Array<Node | string> = [];
    if (p.done === 'right') notes.push(h('span', { class: 'mark' }, '✓ right'));
    else if (p.done === 'revealed') notes.push(h('span', { class: 'mark' }, 'revealed'));
    else if (!ready) {
      const open = session.uses(v).filter((u) => session.progressOf(u.step.node).done === undefined);
      const waiting = [...new Set(open.map((u) => u.step.name))];
      notes.push(`Opens once ${waiting.join(' and ')} ${waiting.length === 1 ? 'is' : 'are'} done.`);
    }
    if (reply !== undefined && reply.text !== '' && p.done === undefined)
      notes.push(h('span', { class: 'reply' }, reply.text));
    const hints = p.done === undefined ? session.hints(v).slice(0, p.hints) : [];
    const buttons =
      p.done === undefined && ready
        ? [
            button('Hint', `Hint for ${name}`, () => on.hint(key, input.value)),
            button('Reveal', `Reveal the grad of ${name}`, () => on.reveal(key)),
          ]
        : [];
    return h(
      'li',
      { class: `practice-row ${p.done ?? (ready ? 'ready' : 'waiting')}`, 'data-key': key },
      h('label', { for: id }, `grad of ${name}`),
      h('div', { class: 'practice-answer' }, input, ...buttons),
      h(
        'div',
        { id: `${id}-note`, class: 'practice-note' },
        ...(notes.length > 0 ? [h('p', {}, ...notes)] : []),
        ...hints.map((t, j) => h('p', { class: 'hint' }, h('strong', {}, j === 0 ? 'Hint: ' : 'Then: '), t)),
      ),
    );
  });
  const parts: Node[] = [
    h(
      'h3',
      {},
      exercise === undefined
        ? 'Practice: backprop by hand'
        : `Practice: exercise ${exercise.seed}, level ${exercise.level}`,
    ),
    h(
      'p',
      { class: 'muted' },
      `Give each grad ∂${root}/∂node, from the output back; a node opens once every node that uses it is done. ` +
        'Enter checks an answer (-1.5, 1/2, 1 - 0.7071**2 all work).',
    ),
    h(
      'p',
      { class: 'practice-count', 'data-testid': 'practice-count' },
      `${doneCount} of ${session.nodes.length} grads done.`,
    ),
  ];
  if (session.done) parts.push(...summary(session));
  parts.push(h('ol', { class: 'practice-list', 'aria-label': 'Grads to give' }, ...rows));
  host.replaceChildren(...parts);
}

function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'secondary', 'aria-label': label }, text);
  b.addEventListener('click', onClick);
  return b;
}

/** The end: how it went, and the whole pass as the stepper writes it. */
function summary(session: Practice): Node[] {
  const s = session.summary();
  return [
    h(
      'div',
      { class: 'practice-summary', 'data-testid': 'practice-summary', tabindex: '-1' },
      h('h4', {}, 'Done: every grad is in'),
      h(
        'p',
        {},
        `${s.rightFirstTime} of ${s.total} right first time; ${s.hintsUsed} hint${s.hintsUsed === 1 ? '' : 's'} used; ${s.revealed} revealed.`,
      ),
      h('p', {}, 'The whole backward pass, as the stepper writes it:'),
      h('pre', { class: 'practice-pass' }, s.pass.join('\n')),
    ),
  ];
}

/** Hide in the picture every grad not yet given (text, screen-reader label and data attribute alike). */
export function hideGrads(drawn: Drawn, hidden: ReadonlySet<number>): void {
  for (const [i, g] of drawn.groups) {
    const hide = hidden.has(i);
    g.classList.toggle('grad-hidden', hide);
    g.dataset['ariaShown'] ??= g.getAttribute('aria-label') ?? '';
    g.dataset['gradShown'] ??= g.dataset['grad'] ?? '';
    const aria = g.dataset['ariaShown'];
    g.setAttribute('aria-label', hide ? aria.replace(/grad [^,]*$/, 'grad ?') : aria);
    if (hide) delete g.dataset['grad'];
    else g.dataset['grad'] = g.dataset['gradShown'];
    for (const t of g.querySelectorAll('text')) {
      const shown = t.dataset['shown'] ?? t.textContent ?? '';
      if (shown.startsWith('grad ')) t.textContent = hide ? 'grad ?' : shown;
    }
  }
}
