// The graph page's Practice mode as state: a seeded exercise link gives the same graph every time and the
// same graph as the generator, answers move the focus to the next ready node, and a reused value waits
// for all its users.
import { describe, expect, it } from 'vitest';
import { topoSort } from '../../src/engine/value.js';
import { buildExercise, makeExercise } from '../../src/walkthrough/exercise.js';
import { buildScene, type PageState } from '../../web/src/graph/pageState.js';
import {
  answerIn,
  graphKeyOf,
  hintIn,
  revealIn,
  sessionFor,
  startPractice,
} from '../../web/src/graph/practiceState.js';
import { PRESETS } from '../../web/src/graph/presets.js';
import { presetPage } from './presetPage.js';
import { parseHash, serializeHash } from '../../web/src/graph/urlState.js';

const stateOf = (hash: string): PageState => ({
  url: parseHash(hash).state!,
  preset: '',
  run: { passes: 0 },
  notice: '',
  ignored: [],
});

describe('exercise links', () => {
  it('open the same graph each time, the one the generator builds (data and grads alike)', () => {
    for (const [seed, level] of [
      [1, 1],
      [123456, 2],
      [4294967295, 3],
    ] as const) {
      const hash = `#exercise=${seed}&level=${level}&practice=1`;
      const { state, ignored } = parseHash(hash);
      expect(ignored).toEqual([]);
      expect(state).toMatchObject({
        text: makeExercise(seed, level).text,
        practice: true,
        exercise: { seed, level },
      });
      expect(serializeHash(state!)).toBe(hash);
      const scene = buildScene(stateOf(hash));
      const again = buildScene(stateOf(hash));
      const ref = buildExercise(makeExercise(seed, level));
      ref.backward();
      sessionFor(scene, undefined); // runs the fresh pass the page shows once answered
      expect(scene.nodes.map((v) => [v.op, v.data, v.grad])).toEqual(
        topoSort(ref).map((v) => [v.op, v.data, v.grad]),
      );
      expect(again.nodes.map((v) => [v.label, v.data])).toEqual(scene.nodes.map((v) => [v.label, v.data]));
    }
  });

  it('name what they cannot use', () => {
    expect(parseHash('#exercise=-1').ignored).toContain(
      'exercise = "-1" is not a whole number from 0 to 4294967295',
    );
    expect(parseHash('#exercise=5&level=9').ignored).toEqual([
      'level = "9" is not 1, 2 or 3, so the exercise is at level 2',
    ]);
    expect(parseHash('#exercise=5&expr=a').ignored).toEqual([
      'the expression and values in the link: exercise 5 defines the graph',
    ]);
    expect(parseHash('#expr=a&practice=yes').ignored).toEqual([
      'practice = "yes" is not 1 or 0, so the page opens without Practice',
    ]);
  });
});

describe('practice state', () => {
  const base = presetPage('neuron');
  const page: PageState = { ...base, url: { ...base.url, practice: true } };

  it("asks about the post's nodes by their labels, the output first, and moves on after a right answer", () => {
    const scene = buildScene(page);
    let ps = startPractice(graphKeyOf(page.url.text, page.url.values));
    const session = sessionFor(scene, ps);
    expect(session.nodes.map((v) => session.nameOf(v))).toEqual([
      'o',
      'nn',
      'b',
      'x1*w1 + x2*w2',
      'x2*w2',
      'w2',
      'x2',
      'x1*w1',
      'w1',
      'x1',
    ]);
    ps = answerIn(scene, ps, 'o', '1');
    expect(ps.focus).toBe('nn');
    expect(ps.reply).toMatchObject({ key: 'o', kind: 'right' });
    ps = answerIn(buildScene(page), ps, 'nn', '1');
    expect(ps.reply).toMatchObject({ key: 'nn', kind: 'wrong', typed: '1' });
    expect(ps.focus).toBe('nn');
    expect(ps.progress['nn']).toEqual({ wrong: 1, hints: 1 });
    ps = hintIn(buildScene(page), ps, 'nn', '');
    expect(ps.progress['nn']).toEqual({ wrong: 1, hints: 2 });
    ps = answerIn(buildScene(page), ps, 'nn', '0.5');
    expect(ps.progress['nn']?.done).toBe('right');
    ps = revealIn(buildScene(page), ps, 'b');
    expect(ps.progress['b']?.done).toBe('revealed');
    expect(ps.focus).toBe('x1w1x2w2');
  });

  it('leaves a constant out (the 2 of exp(2*nn)) but asks about every computed node', () => {
    const exp = PRESETS.find((p) => p.id === 'neuron-exp')!;
    const scene = buildScene({ ...page, url: { ...page.url, text: exp.text } });
    const session = sessionFor(scene, undefined);
    const asked = new Set(session.nodes);
    for (const [i, v] of scene.nodes.entries())
      expect(asked.has(v), scene.keys[i]).toBe(v.opName !== undefined || !scene.keys[i]!.startsWith('#'));
  });
});
