// tapeBackward(root): root.backward() computed through an unfused tape, for checking the tape against eager.
import type { Value } from '../engine/value.js';
import { compile } from './compile.js';

/**
 * Same contract as `root.backward()`: every node's `data` recomputed and `grad` filled in (leaves
 * accumulate, intermediate nodes are reset), but through a compiled tape that writes every node back.
 *
 * @param root - The graph's output.
 * @throws TypeError as `compile` and `Tape.backward` do.
 */
export function tapeBackward(root: Value): void {
  const tape = compile(root, { writeBack: true });
  tape.forward();
  tape.backward();
}
