// The engines the parity suite checks against PyTorch. To add an engine, add ONE entry to ENGINES.
//
// An engine takes a graph spec (nodes in topological order, as the PyTorch oracle reads them) and returns
// every node's value and its gradient of the root, in spec order. `valuesFromSpec(spec)` builds the spec
// as Values with the public API, so an engine that compiles Values (the tape) starts from there, e.g.
//   { name: 'tape', evaluate: (spec) => { const vs = valuesFromSpec(spec); const t = compile(vs[root]);
//     t.forward(); t.backward(); return { values: ..., grads: ... } } }
// where values/grads are read back per spec node.
import { evaluateEager, type GraphAnswer, type GraphSpec } from '../../src/oracle/graphSpec.js';

export interface Engine {
  /** Shown in test names and failure reports. */
  name: string;
  evaluate(spec: GraphSpec): GraphAnswer;
}

/** The eager Value engine: the specification every other engine must agree with. */
export const eagerEngine: Engine = { name: 'eager Value', evaluate: evaluateEager };

export const ENGINES: readonly Engine[] = [eagerEngine];
