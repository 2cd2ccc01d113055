// Medians with their spread: the machine is shared, so single timings mean little.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

export function spread(samples: readonly number[]): Spread {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median, min: s[0]!, max: s[s.length - 1]!, n: s.length };
}

/**
 * Run the garbage collector, for memory deltas. The bench starts no process with --expose-gc (a flag users do
 * not pass, so no timed row runs with it): the collector is reached here, only where memory is measured.
 */
export function collect(): void {
  const gc = ((globalThis as { gc?: () => void }).gc ??= exposeGc());
  gc();
  gc();
}

function exposeGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Heap in use plus typed-array memory, in bytes. */
export function memoryInUse(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
