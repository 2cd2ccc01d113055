// The engines the parity suite checks against PyTorch. To add an engine, add ONE entry to ENGINES.
//
// An engine turns a graph spec (nodes in topological order, as the PyTorch oracle reads them) into every
// node's value and its gradient of the root, in spec order. `evaluateWith(spec, run)` builds the spec as
// Values with the public API, calls `run(root)` and reads every Value's data and grad back, so an engine
// that works on Values needs one line, as the compiled tape's entries below show.
//
// `recompute` sets op nodes' data to NaN first, so values must come from the engine. `scope: 'leaves'` is
// for engines that only report the root's value and the leaves' gradients (a fused tape): those numbers
// are compared, the eager engine's stand in for the rest.
import { evaluateEager, evaluateWith, type GraphAnswer, type GraphSpec } from '../../src/oracle/graphSpec.js';
import { compile, tapeBackward } from '../../src/tape/index.js';

export interface Engine {
  /** Shown in test names and failure reports. */
  name: string;
  evaluate(spec: GraphSpec): GraphAnswer;
  /** Which numbers the engine computes: 'all' (default) or the root's value and the leaves' values and grads. */
  scope?: 'all' | 'leaves';
}

/** The eager Value engine: the specification every other engine must agree with. */
export const eagerEngine: Engine = { name: 'eager Value', evaluate: evaluateEager };

export const ENGINES: readonly Engine[] = [
  eagerEngine,
  { name: 'compiled tape', evaluate: (s) => evaluateWith(s, tapeBackward, { recompute: true }) },
  {
    name: 'fused tape',
    scope: 'leaves',
    evaluate: (s) => evaluateWith(s, (root) => compile(root).backward(), { recompute: true }),
  },
];
