// layoutMessages: what the graph page sends its layout worker (a graph as plain data) and what comes back.

import { Value } from '../../../src/engine/value.js';
import type { OpName } from '../../../src/engine/ops.js';
import type { Candidate, Size } from './fitLayout.js';

/** One Value as plain data: inputs by their position in the list (children before parents). */
export interface PlainNode {
  readonly data: number;
  readonly grad: number;
  readonly label: string;
  readonly op: OpName | null;
  readonly k: number;
  readonly kids: readonly number[];
}

export interface LayoutRequest {
  readonly id: number;
  readonly nodes: readonly PlainNode[];
  /** The layouts to try, in order; the first that fits `room` legibly is kept (fitLayout.fitScore). */
  readonly candidates: readonly Candidate[];
  /** The box's room for the picture, in CSS pixels. */
  readonly room: Size;
}

export type LayoutReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly source: string;
      readonly svg: string;
      readonly candidate: Candidate;
      /** Whether it fits the room legibly (else it is the candidate that came closest). */
      readonly fits: boolean;
    }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** The graph as plain data, in `nodes` order (trace order), for postMessage. */
export function toPlain(nodes: readonly Value[]): PlainNode[] {
  const index = new Map(nodes.map((v, i) => [v, i]));
  return nodes.map((v) => ({
    data: v.data,
    grad: v.grad,
    label: v.label,
    op: v.opName ?? null,
    k: v.constant,
    kids: v.children.map((c) => index.get(c)!),
  }));
}

/** Rebuild the Values through the library's own ops, then restore each node's data, grad and label. */
export function fromPlain(plain: readonly PlainNode[]): Value {
  const built: Value[] = [];
  for (const p of plain) {
    const [a, b] = p.kids.map((i) => built[i]!);
    let v: Value;
    if (p.op === null || a === undefined) v = new Value(p.data);
    else if (p.op === 'add') v = a.add(b ?? a);
    else if (p.op === 'mul') v = a.mul(b ?? a);
    else if (p.op === 'pow') v = a.pow(p.k);
    else v = a[p.op]();
    v.data = p.data;
    v.grad = p.grad;
    v.label = p.label;
    built.push(v);
  }
  return built[built.length - 1]!;
}
