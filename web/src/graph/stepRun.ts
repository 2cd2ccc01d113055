// stepRun: where Step forward and Step backward take the pass next, and the notice for a pass they end or
// restart (the page never resets a pass without saying so).

import type { PageState, Run, Scene } from './pageState.js';

export interface Next {
  readonly run: Run;
  /** '' when nothing the reader saw was thrown away. */
  readonly notice: string;
}

/** Passes completed so far, counting a finished stepped pass (what accumulation adds onto). */
export function passesDone(state: PageState, scene: Scene | undefined): number {
  return state.run.passes + (scene?.stepper?.done === true ? 1 : 0);
}

/** One forward step: the next value, or a new forward pass; once every value is known, the seed. */
export function nextForward(state: PageState, scene: Scene): Next {
  const s = state.run.stepping;
  if (s !== undefined && s.backward === 0) {
    if (s.forward >= scene.nodes.length) return nextBackward(state, scene);
    return { run: { ...state.run, stepping: { forward: s.forward + 1, backward: 0 } }, notice: '' };
  }
  const run = { passes: passesDone(state, scene), stepping: { forward: 1, backward: 0 } };
  if (s !== undefined && scene.stepper?.done !== true)
    return {
      run,
      notice: 'Step forward starts the forward pass again, so the backward pass you were stepping ended.',
    };
  if (!state.url.accumulate && (s !== undefined || state.run.passes > 0))
    return {
      run,
      notice: 'A new forward pass starts from zero grads: the last backward pass’s grads are cleared.',
    };
  return { run, notice: '' };
}

/** One backward step: the seed first (a fresh pass after a finished one), then each node. */
export function nextBackward(state: PageState, scene: Scene): Next {
  const s = state.run.stepping;
  const n = scene.nodes.length;
  if (s === undefined || scene.stepper?.done === true) {
    const run = { passes: passesDone(state, scene), stepping: { forward: n, backward: 1 } };
    if (scene.stepper?.done !== true && state.run.passes === 0) return { run, notice: '' };
    const fresh = 'The last backward pass was complete, so this starts a fresh backward pass from the seed';
    return {
      run,
      notice: state.url.accumulate
        ? `${fresh}; its grads add onto what the inputs hold.`
        : `${fresh}, from zero grads.`,
    };
  }
  const run = { ...state.run, stepping: { forward: n, backward: s.backward + 1 } };
  if (s.backward === 0 && s.forward < n)
    return {
      run,
      notice: 'Step backward needs every value, so the rest of the forward pass was computed at once.',
    };
  return { run, notice: '' };
}
