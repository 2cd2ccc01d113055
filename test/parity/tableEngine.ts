// tableEngine: evaluates a graph spec straight from an op table, so tests can hand it a broken table.
import { opDefNamed } from '../../src/engine/opRegistry.js';
import { OPS, type OpName, type OpDef } from '../../src/engine/ops.js';
import { isLeafSpec, specRoot, type GraphAnswer, type GraphSpec } from '../../src/oracle/graphSpec.js';
import type { Engine } from './engines.js';

export type OpTable = { readonly [K in OpName]: OpDef<K> };

/** The table's entry, or (for an op registered with defineOp) the registry's. */
const opOf = (table: OpTable, name: string): OpDef =>
  (table as Readonly<Record<string, OpDef>>)[name] ?? opDefNamed(name);

/** An engine that runs forward and backward over the spec's nodes with `table`'s rules. */
export function tableEngine(name: string, table: OpTable = OPS): Engine {
  return {
    name,
    evaluate(spec: GraphSpec): GraphAnswer {
      const n = spec.nodes.length;
      const values = new Array<number>(n).fill(0);
      const grads = new Array<number>(n).fill(0);
      spec.nodes.forEach((node, i) => {
        values[i] = isLeafSpec(node)
          ? node.value
          : opOf(table, node.op).forward(values[node.inputs[0]]!, values[node.inputs[1] ?? 0]!, node.k ?? 0);
      });
      const root = specRoot(spec);
      grads[root] = 1;
      for (let i = root; i >= 0; i--) {
        const node = spec.nodes[i]!;
        if (isLeafSpec(node)) continue;
        const def = opOf(table, node.op);
        const [ia, ib] = node.inputs;
        const a = values[ia]!;
        const b = ib === undefined ? 0 : values[ib]!;
        const k = node.k ?? 0;
        if (!def.blocks?.(a, b, values[i]!, k)) grads[ia]! += def.da(a, b, values[i]!, k) * grads[i]!;
        if (def.arity === 2) grads[ib!]! += def.db(a, b, values[i]!, k) * grads[i]!;
      }
      return { values, grads };
    },
  };
}
