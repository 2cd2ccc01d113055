// trainLimits: what `micrograd train` refuses before allocating — sizes past fixed caps, or a step's graph past the heap.

import { getHeapStatistics } from 'node:v8';
import { CliError } from './CliError.js';

export const MAX_SAMPLES = 1_000_000;
export const MAX_CLASSES = 1000;
export const MAX_WIDTH = 100_000;
export const MAX_DEPTH = 100;

/** Bytes of one recorded scalar node in the eager engine, rounded up (the README's bench measures 67). */
const BYTES_PER_NODE = 100;

const gb = (bytes: number): string => {
  const g = bytes / 1e9;
  return `${g < 10 ? g.toPrecision(2) : Math.round(g).toLocaleString('en-US')} GB`;
};

/** Scalar nodes one sample adds to a step's graph: a multiply and an add per weight, the bias and activation per neuron. */
export function nodesPerSample(sizes: readonly number[]): number {
  let n = 0;
  for (let i = 1; i < sizes.length; i++) n += sizes[i]! * (2 * sizes[i - 1]! + 2);
  return n + 5 * sizes[sizes.length - 1]!; // the loss terms
}

/** Refuse a run whose per-step graph would not fit in half of this process's heap, naming the estimate. */
export function checkGraphMemory(sizes: readonly number[], batch: number, hint: string): void {
  let params = 0;
  for (let i = 1; i < sizes.length; i++) params += sizes[i]! * (sizes[i - 1]! + 1);
  // The graph per step, the parameters' Values and the L2 term's two nodes per parameter.
  const bytes = (batch * nodesPerSample(sizes) + 3 * params) * BYTES_PER_NODE;
  const heap = getHeapStatistics().heap_size_limit;
  if (bytes > heap / 2) {
    throw new CliError(
      `one training step over ${batch} samples with MLP ${sizes.join('-')} would build a graph of about ${gb(bytes)}, ` +
        `more than half of this process's ${gb(heap)} heap: ${hint}`,
    );
  }
}

/** The data itself: `samples` points of `features` numbers as JS arrays (about 16 bytes a number plus 40 a row). */
export function dataBytes(samples: number, features: number): string {
  return gb(samples * (16 * features + 40));
}
