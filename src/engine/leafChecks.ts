// leafChecks: what backward and the tape refuse to read — a leaf field assigned a non-number, a node a tape replayed.

import { describe } from './describe.js';

/** The fields a caller may assign on a Value, as the checks name them. */
interface Fields {
  data: unknown;
  grad: unknown;
  label: string;
}

/** A leaf as an error names it: its label, else its position among the graph's leaves. */
function leafName(v: Fields, index?: number): string {
  if (v.label !== '') return `leaf ${JSON.stringify(v.label)}`;
  return index === undefined ? 'a leaf' : `leaf ${index} (unlabelled)`;
}

/**
 * The TypeError for a leaf whose `data` or `grad` is not a number (`w.grad = '5'` would make backward's
 * `+=` write the string "53"; `w.data = null` would be read as 0).
 */
export function leafFieldError(v: Fields, field: 'data' | 'grad', where: string, index?: number): TypeError {
  return new TypeError(
    `${where}: ${leafName(v, index)} has ${field} ${describe(v[field])}, expected a number (was .${field} assigned something else?)`,
  );
}

// Nodes whose `data` a Tape recomputed from leaves that differ from the ones the graph was built with: the
// nodes between them and the leaves still hold the old values, so an eager pass from them would mix both.
const replayed = new WeakSet<object>();

/** Mark (or clear) `v` as replayed by a tape from changed leaves. */
export function markReplayed(v: object, on: boolean): void {
  if (on) replayed.add(v);
  else replayed.delete(v);
}

/** An Error if `v`'s data was last set by a tape replay from changed leaves. */
export function checkNotReplayed(v: object, where: string): void {
  if (replayed.has(v)) {
    throw new Error(
      `${where}: this Value's data was last computed by Tape.forward from leaves that have changed since the ` +
        'graph was built; its intermediate nodes still hold the old values, so an eager pass would mix the two ' +
        'and give wrong gradients. Use tape.backward(), rebuild the graph, or compile with { writeBack: true }.',
    );
  }
}
