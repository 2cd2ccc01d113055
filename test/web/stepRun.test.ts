// stepRun: Step forward / Step backward move the pass on, and every pass they end or restart is said.
import { describe, expect, it } from 'vitest';
import { buildScene, type PageState } from '../../web/src/graph/pageState.js';
import { nextBackward, nextForward } from '../../web/src/graph/stepRun.js';
import { DEFAULTS, record } from '../../web/src/graph/urlState.js';

const base: PageState = {
  url: { ...DEFAULTS, text: 'a*b', values: record(Object.entries({ a: 2, b: 3 })), labels: record() },
  preset: '',
  run: { passes: 0 },
  notice: '',
  ignored: [],
};
/** Apply one step function to a state, as the page does. */
const after = (state: PageState, next: typeof nextForward): PageState => ({
  ...state,
  ...next(state, buildScene(state)),
});

describe('stepRun', () => {
  it('starts at the seed with nothing to say on a fresh page', () => {
    const s = after(base, nextBackward);
    expect(s.run.stepping).toEqual({ forward: 3, backward: 1 });
    expect(s.notice).toBe('');
  });

  it('says so when a step after a finished pass starts a fresh one', () => {
    let s = base;
    for (let i = 0; i < 2; i++) s = after(s, nextBackward); // the seed, then a*b: the pass is complete
    expect(buildScene(s).stepper?.done).toBe(true);
    s = after(s, nextBackward);
    expect(s.run.stepping).toEqual({ forward: 3, backward: 1 });
    expect(s.notice).toMatch(/fresh backward pass from the seed, from zero grads/);
    let acc: PageState = { ...base, url: { ...base.url, accumulate: true } };
    for (let i = 0; i < 3; i++) acc = after(acc, nextBackward);
    expect(acc.notice).toMatch(/fresh backward pass from the seed; its grads add onto what the inputs hold/);
    expect(acc.run.passes).toBe(1); // the finished pass counts: the new one adds onto it
  });

  it('says so when Step forward ends a backward pass, or Step backward skips the forward one', () => {
    const mid = after(base, nextBackward);
    const forward = after(mid, nextForward);
    expect(forward.run.stepping).toEqual({ forward: 1, backward: 0 });
    expect(forward.notice).toMatch(/the backward pass you were stepping ended/);
    const skipped = after(forward, nextBackward);
    expect(skipped.run.stepping).toEqual({ forward: 3, backward: 1 });
    expect(skipped.notice).toMatch(/rest of the forward pass was computed at once/);
    // Stepping forward through a forward pass says nothing.
    expect(after(forward, nextForward).notice).toBe('');
  });

  it('says so when a forward pass clears the grads Backward left', () => {
    const s = after({ ...base, run: { passes: 1 } }, nextForward);
    expect(s.run).toEqual({ passes: 1, stepping: { forward: 1, backward: 0 } });
    expect(s.notice).toMatch(/grads are cleared/);
  });
});
