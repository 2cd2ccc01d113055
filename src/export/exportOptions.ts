// The options every writer takes, checked before anything is written.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';

/** Options of {@link exportModel}, `toPytorch`, `toOnnx` and `toTypeScript`. */
export interface ExportOptions {
  /** Where the model came from (a file name, a page title), recorded in the output as a quoted string. */
  source?: string;
  /** Points the PyTorch script predicts when run without arguments; default the origin and unit vectors. */
  examples?: readonly (readonly number[])[];
}

export interface CheckedOptions {
  source: string | undefined;
  examples: number[][] | undefined;
}

export function checkExportOptions(opts: unknown, nin: number, where: string): CheckedOptions {
  const o = checkOptions(opts, ['source', 'examples'], where, 'options');
  const source = o['source'];
  if (source !== undefined && typeof source !== 'string') {
    throw new TypeError(`${where}: expected options.source to be a string, got ${describe(source)}`);
  }
  const examples = o['examples'];
  if (examples === undefined) return { source, examples: undefined };
  if (!Array.isArray(examples)) {
    throw new TypeError(
      `${where}: expected options.examples to be an array of points, got ${describe(examples)}`,
    );
  }
  const points: number[][] = [];
  for (let p = 0; p < examples.length; p++) {
    const x: unknown = examples[p];
    if (!Array.isArray(x) || x.length !== nin) {
      throw new TypeError(
        `${where}: expected options.examples[${p}] to be ${nin} numbers, got ${describe(x)}`,
      );
    }
    const point: number[] = [];
    for (let i = 0; i < nin; i++) {
      const v: unknown = x[i];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new TypeError(
          `${where}: expected options.examples[${p}][${i}] to be a finite number, got ${describe(v)}`,
        );
      }
      point.push(v);
    }
    points.push(point);
  }
  return { source, examples: points };
}

/** The origin and the first unit vectors (at most 3): points that exist for any input size. */
export function defaultExamples(nin: number): number[][] {
  const points = [new Array<number>(nin).fill(0)];
  for (let i = 0; i < Math.min(nin, 3); i++) points.push(points[0]!.map((_, k) => (k === i ? 1 : 0)));
  return points;
}
