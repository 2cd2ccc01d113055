// practiceState: the graph page's Practice mode as part of its state — which grads the learner has given
// (or had revealed), how many hints and wrong answers each took, the last reply — and the moves that change
// it. The session itself (src/walkthrough/practice.ts) is rebuilt from this on every change.

import type { Value } from '../../../src/engine/value.js';
import { formatCompact } from '../../../src/viz/formatCompact.js';
import { Practice, type NodeProgress } from '../../../src/walkthrough/practice.js';
import type { Scene } from './pageState.js';

export interface PracticeReply {
  /** The node the reply is about (its scene key). */
  readonly key: string;
  readonly kind: 'right' | 'wrong' | 'note';
  readonly text: string;
  /** What was typed, kept in the box after a wrong answer. */
  readonly typed: string;
}

export interface PracticeState {
  /** The graph this progress belongs to (text and values); another graph starts afresh. */
  readonly graph: string;
  /** Progress by node key (scene.keys). */
  readonly progress: Readonly<Record<string, NodeProgress>>;
  readonly reply?: PracticeReply | undefined;
  /** The node whose box takes the focus after this change. */
  readonly focus?: string | undefined;
}

/** What a practice session's progress is tied to: the graph's text and input values. */
export const graphKeyOf = (text: string, values: Readonly<Record<string, number>>): string =>
  JSON.stringify([text, Object.entries(values)]);

/** The scene key of a node. */
export const keyOf = (scene: Scene, v: Value): string => scene.keys[scene.ids.get(v)!]!;

/**
 * The session for a scene: every computed node and every named input is asked (a constant such as the `2`
 * of `2*nn`, keyed `#i`, is not). Runs one fresh backward pass over the scene's nodes.
 */
export function sessionFor(scene: Scene, ps: PracticeState | undefined): Practice {
  return new Practice(scene.root, {
    ask: (v) => v.opName !== undefined || !keyOf(scene, v).startsWith('#'),
    progress: (v) => ps?.progress[keyOf(scene, v)],
  });
}

/** A fresh practice on this graph. */
export function startPractice(graph: string): PracticeState {
  return { graph, progress: Object.create(null) as Record<string, NodeProgress> };
}

/** The state after a move on one node: progress read back from the session, the focus where it goes next. */
function after(
  scene: Scene,
  session: Practice,
  ps: PracticeState,
  reply: PracticeReply,
  advance: boolean,
): PracticeState {
  const progress = Object.create(null) as Record<string, NodeProgress>;
  for (const v of session.nodes) progress[keyOf(scene, v)] = session.progressOf(v);
  const next = session.next();
  const focus = advance ? (next === undefined ? undefined : keyOf(scene, next)) : reply.key;
  return { graph: ps.graph, progress, reply, focus };
}

const nodeOf = (scene: Scene, session: Practice, key: string): Value | undefined =>
  session.nodes.find((v) => keyOf(scene, v) === key);

/** Check a typed answer for the node with this key. */
export function answerIn(scene: Scene, ps: PracticeState, key: string, typed: string): PracticeState {
  const session = sessionFor(scene, ps);
  const v = nodeOf(scene, session, key);
  if (v === undefined) return ps;
  const name = session.nameOf(v);
  const c = session.answer(v, typed);
  switch (c.kind) {
    case 'right':
      return after(
        scene,
        session,
        ps,
        { key, kind: 'right', text: `Right: ${name}.grad = ${formatCompact(c.expected)}.`, typed },
        true,
      );
    case 'wrong':
      return after(scene, session, ps, { key, kind: 'wrong', text: `Not ${typed.trim()}.`, typed }, false);
    default:
      return after(scene, session, ps, { key, kind: 'note', text: `${c.why}.`, typed }, false);
  }
}

/** Show the node's next hint. */
export function hintIn(scene: Scene, ps: PracticeState, key: string, typed: string): PracticeState {
  const session = sessionFor(scene, ps);
  const v = nodeOf(scene, session, key);
  if (v === undefined) return ps;
  session.hint(v);
  return after(scene, session, ps, { key, kind: 'note', text: '', typed }, false);
}

/** Give the node's grad away. */
export function revealIn(scene: Scene, ps: PracticeState, key: string): PracticeState {
  const session = sessionFor(scene, ps);
  const v = nodeOf(scene, session, key);
  if (v === undefined) return ps;
  session.reveal(v);
  return after(
    scene,
    session,
    ps,
    { key, kind: 'note', text: `Revealed: ${session.nameOf(v)}.grad.`, typed: '' },
    true,
  );
}
