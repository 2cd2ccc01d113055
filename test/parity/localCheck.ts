// localCheck: is every node of an answer what the op table gives from that same answer's inputs?
import { opDefNamed } from '../../src/engine/opRegistry.js';
import { agrees, agreesValue, type Mismatch } from '../../src/oracle/compare.js';
import { isLeafSpec, specRoot, type GraphAnswer, type GraphSpec } from '../../src/oracle/graphSpec.js';

/**
 * Nodes of `answer` that the op table does not reproduce from `answer`'s own numbers: a value that is
 * not `forward(inputs)`, a gradient that is not Σ over consumers of `local derivative × consumer grad`
 * (+1 at the root). Checked on PyTorch's answer this tests our rules against PyTorch's, node by node,
 * free of rounding carried in from earlier nodes; checked on an engine's answer it tests the engine
 * against the table. In a Mismatch here, `ours` is the answer's number and `torch` the table's.
 * With `pathTerms`, a grad is held to 1e-12 of the terms on all its paths from the root, not only the last
 * hop (see below).
 */
export function inconsistencies(
  spec: GraphSpec,
  answer: GraphAnswer,
  opts: { pathTerms?: boolean } = {},
): Mismatch[] {
  const { values: v, grads: g } = answer;
  const n = spec.nodes.length;
  const root = specRoot(spec);
  const reaches = new Array<boolean>(n).fill(false);
  reaches[root] = true;
  const expected = new Array<number>(n).fill(0);
  const terms = new Array<number>(n).fill(0);
  expected[root] = 1;
  terms[root] = 1;
  const out: Mismatch[] = [];
  for (let i = root; i >= 0; i--) {
    const node = spec.nodes[i]!;
    if (isLeafSpec(node)) continue;
    const def = opDefNamed(node.op);
    const [ia, ib] = node.inputs;
    const a = v[ia]!;
    const b = ib === undefined ? 0 : v[ib]!;
    const k = node.k ?? 0;
    const value = def.forward(a, b, k);
    if (!agreesValue(v[i]!, value)) out.push({ node: i, field: 'value', ours: v[i]!, torch: value });
    if (!reaches[i]) continue;
    const add = (j: number, local: number, blocked: boolean): void => {
      reaches[j] = true;
      const c = blocked ? 0 : local * g[i]!;
      expected[j]! += c;
      // pathTerms: the size of every term on every path from the root (Σ over paths of |product|), for an
      // answer whose leaf grads were summed in another order than its intermediate grads (a fused tape over
      // eager intermediates): a leaf below a cancellation carries that sum's rounding too.
      terms[j]! += opts.pathTerms === true ? (blocked ? 0 : Math.abs(local) * terms[i]!) : Math.abs(c);
    };
    add(ia, def.da(a, b, v[i]!, k), def.blocks?.(a, b, v[i]!, k) ?? false);
    if (def.arity === 2 && ib !== undefined) add(ib, def.db(a, b, v[i]!, k), false);
  }
  for (let i = 0; i < n; i++) {
    if (reaches[i] && !agrees(g[i]!, expected[i]!, undefined, terms[i])) {
      out.push({ node: i, field: 'grad', ours: g[i]!, torch: expected[i]! });
    }
  }
  return out.sort((x, y) => x.node - y.node);
}
