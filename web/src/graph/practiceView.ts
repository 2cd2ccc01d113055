// practiceView: Practice mode on the graph page — an answer box per node in backward order (accessible
// name `grad of NAME`), the stepped hints under a box, the summary at the end; and the picture's grads
// hidden until each is answered.

import './practice.css';
import type { Value } from '../../../src/engine/value.js';
import { wrapName } from '../../../src/walkthrough/nodeNames.js';
import type { Practice } from '../../../src/walkthrough/practice.js';
import { formatCompact, h, parseSvg } from '../dom.js';
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
  const given = session.nodes.filter((v) => session.progressOf(v).done !== undefined);
  const ready = session.ready();
  const waiting = session.nodes.filter((v) => session.progressOf(v).done === undefined && !ready.includes(v));
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
        'Enter or Check checks an answer (-1.5, 1/2, 1 - 0.7071**2 all work).',
    ),
    h(
      'p',
      { class: 'practice-count', 'data-testid': 'practice-count' },
      `${given.length} of ${session.nodes.length} grads done.`,
    ),
  ];
  // Given grads shrink to one line each, waiting ones to a list of names: the open boxes stay near the top.
  if (given.length > 0)
    parts.push(
      h(
        'ul',
        { class: 'practice-given', 'aria-label': 'Grads given' },
        ...given.map((v) => {
          const done = session.progressOf(v).done;
          return h(
            'li',
            { class: done, 'data-key': keyOf(scene, v) },
            h('code', {}, `${wrapName(session.nameOf(v))}.grad = ${formatCompact(v.grad)}`),
            done === 'right' ? ' ✓' : ' (revealed)',
          );
        }),
      ),
    );
  if (session.done) parts.push(...summary(session));
  else
    parts.push(
      h(
        'ol',
        { class: 'practice-list', 'aria-label': 'Grads to give now' },
        ...ready.map((v) => openRow(scene, session, ps, v, on)),
      ),
    );
  if (waiting.length > 0)
    parts.push(
      h(
        'p',
        { class: 'practice-waiting' },
        'Still to come: ',
        ...waiting.flatMap((v, i) => [i > 0 ? ', ' : '', h('code', {}, session.nameOf(v))]),
        '.',
      ),
    );
  host.replaceChildren(...parts);
}

/** One node whose grad is due: its box, Hint and Reveal, the last reply and the hints shown so far. */
function openRow(
  scene: Scene,
  session: Practice,
  ps: PracticeState,
  v: Value,
  on: PracticeHandlers,
): HTMLElement {
  const key = keyOf(scene, v);
  const name = session.nameOf(v);
  const p = session.progressOf(v);
  const id = `practice-${scene.ids.get(v)!}`;
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
    'aria-invalid': reply?.kind === 'wrong' ? 'true' : undefined,
    value: reply?.typed ?? '',
  });
  const check = (): void => {
    const typed = input.value.trim().toLowerCase();
    if (typed === '?' || typed === 'hint') on.hint(key, '');
    else if (typed === 'reveal') on.reveal(key);
    else on.answer(key, input.value);
  };
  input.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    check();
  });
  const hints = session.hints(v).slice(0, p.hints);
  return h(
    'li',
    { class: 'practice-row', 'data-key': key },
    h('label', { for: id }, `grad of ${name}`),
    h(
      'div',
      { class: 'practice-answer' },
      input,
      button('Check', `Check the grad of ${name}`, check),
      button('Hint', `Hint for ${name}`, () => on.hint(key, input.value)),
      button('Reveal', `Reveal the grad of ${name}`, () => on.reveal(key)),
    ),
    h(
      'div',
      { id: `${id}-note`, class: 'practice-note' },
      ...(reply !== undefined && reply.text !== '' ? [h('p', { class: 'reply' }, reply.text)] : []),
      ...hints.map((t, j) => h('p', { class: 'hint' }, h('strong', {}, j === 0 ? 'Hint: ' : 'Then: '), t)),
    ),
  );
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

/**
 * The drawing as Practice shows it, for the exports: a hidden grad is `grad ?` in the DOT and the SVG too,
 * so an exported exercise is a worksheet, not its answers.
 */
export function withGradsHidden(drawn: Drawn, hidden: ReadonlySet<number>): Drawn {
  if (hidden.size === 0) return drawn;
  const svg = parseSvg(drawn.svgText);
  for (const g of svg.querySelectorAll('g.node')) {
    const m = /^n(\d+)$/.exec(g.querySelector('title')?.textContent ?? '');
    if (m === null || !hidden.has(Number(m[1]))) continue;
    for (const t of g.querySelectorAll('text'))
      if (t.textContent?.startsWith('grad ')) t.textContent = 'grad ?';
  }
  const source = drawn.source.replace(
    /^( {2}n(\d+) \[label=".*\| grad )([^" }]+)/gm,
    (all, head: string, id: string) => (hidden.has(Number(id)) ? `${head}?` : all),
  );
  return { ...drawn, source, svgText: new XMLSerializer().serializeToString(svg) };
}
