// noGrad(fn): run fn without recording a graph (PyTorch's torch.no_grad), nested and exception-safe.

import { describe } from './describe.js';
import { setRecording } from './value.js';

/**
 * Run `fn` with graph recording off and return what it returns: every op inside makes a leaf holding its
 * result (no inputs, no history), so nothing it computes can be backpropagated through, as inside
 * `torch.no_grad()`. The previous setting comes back when `fn` returns or throws, so calls nest. `fn` runs
 * synchronously: a Promise it returns is refused, since the ops after its first `await` would record.
 *
 * @param fn - The code to run without recording.
 * @returns What `fn` returns.
 * @throws TypeError when `fn` is not a function, or returns a Promise.
 * @example
 * ```ts
 * import { Value, noGrad } from 'micrograd-ts';
 *
 * const a = new Value(2);
 * const b = noGrad(() => a.mul(3));
 * console.log(String(b), b.children.length); // → Value(data=6.0) 0
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  if (typeof fn !== 'function') {
    throw new TypeError(`noGrad(fn): expected fn to be a function, got ${describe(fn)}`);
  }
  const was = setRecording(false);
  let result: T;
  try {
    result = fn();
  } finally {
    setRecording(was);
  }
  if (result instanceof Promise) {
    throw new TypeError(
      'noGrad(fn): fn returned a Promise; noGrad covers synchronous code only (ops after an await would record)',
    );
  }
  return result;
}
