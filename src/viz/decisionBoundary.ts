// decisionBoundary: a 2-input classifier's predicted class over the plane with its data on top, as a Chart.

import { describe, describeAt } from '../engine/describe.js';
import { predictClass } from '../nn/lossGraph.js';
import { Chart } from './Chart.js';
import { decisionBoundarySpec, type DecisionBoundaryOptions } from './decisionBoundarySpec.js';

export type { DecisionBoundaryOptions } from './decisionBoundarySpec.js';

/** Anything with `predict([x0, x1])` returning output scores, such as an `MLP(2, [..., k])`. */
export interface Predictor {
  /** The output scores for one point `[x0, x1]`, as `MLP.predict`. */
  predict(x: readonly number[]): number[];
}

/**
 * Draw `model` over the bounding box of `data.X`: one output is read as a score (class 1 where it is > 0),
 * several as one score per class (argmax). Labels may be 0, 1, … or micrograd's -1/+1 (shown as 0/1).
 * `model` may also be a function `(x0, x1) => class`.
 *
 * @param model - A model with `predict` (such as an `MLP(2, [...])`), or a function from a point to a class.
 * @param data - The points to draw on top: `X` rows of 2 finite numbers, `y` their class labels.
 * @param opts - Grid resolution (default 200 cells), margin (default 0.1), title and size (default 520 px).
 * @throws TypeError when `model` has no `predict` and is not a function, when `data` is not `{ X, y }` of
 *   equal non-zero lengths, or a point is not two finite numbers.
 * @throws RangeError when a label is neither a class index (0, 1, …) nor -1/+1.
 *
 * @example
 * ```ts
 * import { MLP, Trainer, makeMoons } from 'micrograd-ts';
 * import { decisionBoundary } from 'micrograd-ts/viz';
 *
 * const data = makeMoons({ nSamples: 100, noise: 0.1 });
 * const model = new MLP(2, [16, 16, 1]);
 * const trainer = new Trainer(model, data);
 * for (let k = 0; k < trainer.steps; k++) trainer.step();
 * await decisionBoundary(model, data, { title: 'moons' }).save('moons.png');
 * ```
 */
export function decisionBoundary(
  model: Predictor | ((x0: number, x1: number) => number),
  data: { X: readonly (readonly number[])[]; y: readonly number[] },
  opts: DecisionBoundaryOptions = {},
): Chart {
  const where = 'decisionBoundary(model, data)';
  let classify: (x0: number, x1: number) => number;
  if (typeof model === 'function') classify = model;
  else if (typeof (model as Partial<Predictor> | null)?.predict === 'function') {
    classify = (x0, x1) => predictClass(model.predict([x0, x1]));
  } else {
    throw new TypeError(`${where}: expected a model with predict() or a function, got ${describe(model)}`);
  }
  const { X, y } = data ?? {};
  if (!Array.isArray(X) || !Array.isArray(y) || X.length === 0 || X.length !== y.length) {
    throw new TypeError(`${where}: expected data { X, y } of equal, non-zero lengths, got ${describe(data)}`);
  }
  for (let i = 0; i < X.length; i++) {
    const p: unknown = X[i];
    if (!Array.isArray(p) || p.length !== 2) {
      const got = Array.isArray(p) ? `${p.length} numbers` : describeAt(X, i);
      throw new TypeError(`${where}: expected data.X[${i}] to be [x0, x1] of finite numbers, got ${got}`);
    }
    for (let j = 0; j < 2; j++) {
      if (typeof p[j] !== 'number' || !Number.isFinite(p[j])) {
        throw new TypeError(
          `${where}: expected data.X[${i}][${j}] to be a finite number, got ${describeAt(p, j)}`,
        );
      }
    }
  }
  const plusMinus = y.every((c) => c === -1 || c === 1);
  const labels = y.map((c, i) => {
    const k = plusMinus ? (c + 1) / 2 : c;
    if (!Number.isInteger(k) || k < 0) {
      throw new RangeError(
        `${where}: expected class labels 0, 1, … or -1/+1, got ${describe(c)} at data.y[${i}]`,
      );
    }
    return k;
  });
  return new Chart(decisionBoundarySpec(classify, X, labels, opts));
}
