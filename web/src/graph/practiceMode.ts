// practiceMode: Practice wired into the graph page — keeping its progress in step with the graph, drawing
// its panel and marks from the current scene, and starting a new seeded exercise.

import { makeExercise, type ExerciseLevel } from '../../../src/walkthrough/exercise.js';
import { byId } from '../dom.js';
import { markGraph, type Drawn } from './graphView.js';
import type { PageState, Scene } from './pageState.js';
import {
  answerIn,
  graphKeyOf,
  hintIn,
  keyOf,
  revealIn,
  sessionFor,
  startPractice,
  type PracticeState,
} from './practiceState.js';
import { hideGrads, showPractice, withGradsHidden } from './practiceView.js';
import { record, type UrlState } from './urlState.js';

/** What the page needs from Practice for one scene: which grads to hide, the marks, where focus goes. */
export interface PracticeView {
  /** Trace positions whose grad the picture hides. */
  readonly hidden: ReadonlySet<number>;
  /** The node being answered (the picture marks it and scrolls to it). */
  readonly current: number | undefined;
  mark(drawn: Drawn, selected: number | undefined): void;
  /** Focus the box the last move sends the learner to (or the summary at the end). */
  focus(): void;
  /** The drawing to export: grads hidden as on screen. */
  forExport(drawn: Drawn): Drawn;
}

/**
 * The state made consistent: an exercise stays in the link only while the text and values are its own, and
 * Practice's progress belongs to one graph (another graph, or leaving Practice, starts it afresh).
 */
export function practiceState(state: PageState): PageState {
  let url = state.url;
  const ex = url.exercise;
  if (ex !== undefined) {
    const drawn = makeExercise(ex.seed, ex.level);
    const same =
      drawn.text === url.text &&
      Object.keys(url.values).length === Object.keys(drawn.values).length &&
      Object.entries(drawn.values).every(([k, x]) => url.values[k] === x);
    if (!same) url = { ...url, exercise: undefined };
  }
  if (!url.practice) return { ...state, url, practice: undefined };
  const graph = graphKeyOf(url.text, url.values);
  const practice = state.practice?.graph === graph ? state.practice : startPractice(graph);
  return { ...state, url, practice };
}

/** A new exercise at this level from a fresh seed, with Practice on. */
export function newExercise(url: UrlState, level: number): UrlState {
  const lv = ([1, 2, 3].includes(level) ? level : 2) as ExerciseLevel;
  // Six digits: short enough to read out to a class.
  const seed = Math.floor(Math.random() * 1_000_000);
  const ex = makeExercise(seed, lv);
  return {
    ...url,
    text: ex.text,
    values: record(Object.entries(ex.values)),
    labels: record(),
    exercise: { seed, level: lv },
    practice: true,
  };
}

/** Draw Practice's panel for the scene (or clear it when Practice is off). */
export function practiceRender(
  state: PageState,
  scene: Scene,
  host: HTMLElement,
  move: (next: PracticeState) => void,
): PracticeView | undefined {
  const ps = state.practice;
  if (!state.url.practice || ps === undefined) {
    host.replaceChildren();
    return undefined;
  }
  const session = sessionFor(scene, ps);
  showPractice(host, scene, session, ps, state.url.exercise, {
    answer: (key, typed) => move(answerIn(scene, ps, key, typed)),
    hint: (key, typed) => move(hintIn(scene, ps, key, typed)),
    reveal: (key) => move(revealIn(scene, ps, key)),
  });
  const hidden = new Set<number>();
  const asked = new Set(session.nodes);
  scene.nodes.forEach((v, i) => {
    // A constant's grad is nobody's answer, but it would give an upstream grad away: shown at the end.
    if (asked.has(v) ? session.progressOf(v).done === undefined : !session.done) hidden.add(i);
  });
  const focusKey = ps.focus;
  const focused = session.nodes.find((v) => keyOf(scene, v) === focusKey) ?? session.next();
  const current = focused === undefined ? undefined : scene.ids.get(focused);
  return {
    hidden,
    current,
    mark(drawn, selected) {
      const users =
        focused === undefined ? [] : session.uses(focused).map((u) => scene.ids.get(u.step.node)!);
      markGraph(drawn, { current, inputs: users, selected, pendingFrom: scene.nodes.length });
      hideGrads(drawn, hidden);
    },
    forExport: (drawn) => withGradsHidden(drawn, hidden),
    focus() {
      if (session.done) host.querySelector<HTMLElement>('[data-testid="practice-summary"]')?.focus();
      else if (focusKey !== undefined) {
        const input = host.querySelector<HTMLInputElement>(`input[data-key="${CSS.escape(focusKey)}"]`);
        input?.focus({ preventScroll: true });
        // The whole row in view, hints included, not just the box.
        input?.closest('li')?.scrollIntoView({ block: 'nearest' });
      }
    },
  };
}

/** Practice hides the stepping controls (the learner is the one running the pass) and says so. */
export function showPracticeControls(on: boolean, exercise: UrlState['exercise']): void {
  const button = byId('practice');
  button.setAttribute('aria-pressed', String(on));
  button.textContent = on ? 'Leave practice' : 'Practice';
  for (const id of ['step-forward', 'step', 'backward', 'reset']) byId(id).hidden = on;
  byId('accumulate').closest('label')!.hidden = on;
  if (on)
    byId('pass-note').textContent =
      'Practice: the grads are hidden until you give them. Leave practice to step or run the pass.';
  if (exercise !== undefined) byId<HTMLSelectElement>('exercise-level').value = String(exercise.level);
}
