// pageState: the graph page's one state object — what the URL serializes, plus the run's progress — and
// the scene (graph, grads, current step) derived from it. Event handlers change the state; the page redraws
// from it (main.ts).

import type { Value } from '../../../src/engine/value.js';
import { trace } from '../../../src/viz/trace.js';
import { BackwardStepper, type BackwardStep } from '../../../src/walkthrough/backwardSteps.js';
import { forwardSteps, type ForwardStep } from '../../../src/walkthrough/forwardSteps.js';
import type { PracticeState } from './practiceState.js';
import { Program } from './program.js';
import { record, type UrlState } from './urlState.js';

/** How far the current pass has got. */
export interface Run {
  /** Backward presses so far (with accumulation each adds into the leaves; without, one shows the same). */
  readonly passes: number;
  /** A stepped pass: forward steps shown (values revealed), then backward steps taken (the seed first). */
  readonly stepping?: { readonly forward: number; readonly backward: number };
}

export interface PageState {
  readonly url: UrlState;
  /** The preset whose text this is, or '' for the reader's own. */
  readonly preset: string;
  readonly run: Run;
  /** The node shown in the inspector, by trace position. */
  readonly selected?: number | undefined;
  /** One line about what just happened that is not obvious (a stepped pass ended by an edit). */
  readonly notice: string;
  /** Values from the link that could not be used, one sentence each. */
  readonly ignored: readonly string[];
  /** Practice mode's progress (while url.practice is on). */
  readonly practice?: PracticeState | undefined;
}

/** Value of a variable the state does not set. */
export const DEFAULT_VALUE = 1;

export interface Scene {
  readonly program: Program;
  readonly root: Value;
  /** Trace order: children before parents, root last (drawDot's ids). */
  readonly nodes: readonly Value[];
  readonly ids: ReadonlyMap<Value, number>;
  /** Each node's label key: its line or variable name, else `#i`. */
  readonly keys: readonly string[];
  readonly forward: readonly ForwardStep[];
  /** The stepped pass, when there is one. */
  readonly stepper: BackwardStepper | undefined;
  /** The last forward or backward step taken. */
  readonly last:
    | { readonly kind: 'forward'; readonly step: ForwardStep }
    | { readonly kind: 'backward'; readonly step: BackwardStep }
    | undefined;
  /** Nodes from this trace position on have no value yet (the forward pass has not reached them). */
  readonly pendingFrom: number;
  /** The backward steps of the stepped pass so far, the last one included. */
  readonly backward: readonly BackwardStep[];
  /** Full backward passes run by Backward (with accumulation, each added to the one before). */
  readonly passes: number;
}

/** Parse, build, label and run the graph the state describes. Throws the program's SyntaxError/TypeError. */
export function buildScene(state: PageState): Scene {
  const { url } = state;
  // Practice shows no pass of its own: the learner is the one running it.
  const run: Run = url.practice ? { passes: 0 } : state.run;
  const program = Program.parse(url.text);
  const values = record<number>(
    program.variables.map((v) => [v, Object.hasOwn(url.values, v) ? url.values[v]! : DEFAULT_VALUE]),
  );
  const built = program.build(values);
  const root = built.root;
  const { nodes, ids } = trace(root);
  const nameOf = new Map<Value, string>();
  for (const [name, v] of built.named) nameOf.set(v, name);
  const keys = nodes.map((v, i) => nameOf.get(v) ?? `#${i}`);
  nodes.forEach((v, i) => {
    const key = keys[i]!;
    const typed = url.labels[key];
    // Every node gets a visible name: the label typed for it, its line's name, a constant's number, or a
    // generated t<i>. An empty label from a preset or link unnames a line (the post never labels its e).
    if (typed !== undefined) v.label = typed;
    if (v.label === '') v.label = v.opName === undefined && key.startsWith('#') ? String(v.data) : `t${i}`;
  });
  const passes = url.accumulate ? run.passes : Math.min(run.passes, 1);
  for (let p = 0; p < passes; p++) root.backward();
  const forward = forwardSteps(root);
  let stepper: BackwardStepper | undefined;
  let last: Scene['last'];
  let pendingFrom = nodes.length;
  const backward: BackwardStep[] = [];
  if (run.stepping !== undefined) {
    const { forward: f, backward: b } = run.stepping;
    if (b === 0) {
      pendingFrom = Math.min(f, nodes.length);
      if (f > 0) last = { kind: 'forward', step: forward[pendingFrom - 1]! };
      // A forward pass shows values, not grads: a fresh pass has none yet.
      if (!url.accumulate) for (const v of nodes) v.grad = 0;
    } else {
      stepper = new BackwardStepper(root, { accumulate: url.accumulate });
      for (let i = 0; i < b; i++) {
        const step = stepper.next();
        if (step === undefined) break;
        backward.push(step);
        last = { kind: 'backward', step };
      }
    }
  }
  return { program, root, nodes, ids, keys, forward, stepper, last, pendingFrom, backward, passes };
}
