// checkTrainData: labels and points checked in the flags' words before they size or feed a network.

import type { Dataset } from '../data/index.js';
import type { Task } from '../nn/index.js';
import { CliError } from './CliError.js';
import { MAX_CLASSES } from './trainLimits.js';

/**
 * The number of classes (largest label + 1; 0 for regression). Every label must be a class index
 * 0..MAX_CLASSES-1 (for regression a finite number) and every point finite; `noise` is the generator's,
 * named when it is what made points infinite.
 */
export function checkTrainData(
  data: Dataset,
  dataset: string,
  noise: number | undefined,
  task: Task = 'classification',
): number {
  let k = 0;
  for (let i = 0; i < data.y.length; i++) {
    const c = data.y[i]!;
    if (task === 'regression') {
      if (!Number.isFinite(c))
        throw new CliError(
          `--dataset ${dataset}: the target of data row ${i + 1} is ${c}, not a finite number`,
        );
      continue;
    }
    if (!Number.isInteger(c) || c < 0 || c >= MAX_CLASSES) {
      throw new CliError(
        `--dataset ${dataset}: the label of data row ${i + 1} is ${c}; labels must be class indices, integers from 0 to ${MAX_CLASSES - 1} (real-valued targets: --task regression)`,
      );
    }
    if (c >= k) k = c + 1;
  }
  for (let i = 0; i < data.X.length; i++) {
    if (!data.X[i]!.every(Number.isFinite)) {
      throw new CliError(
        noise === undefined
          ? `--dataset ${dataset}: data row ${i + 1} holds a number that is not finite`
          : `--noise ${noise} makes points that are not finite numbers: try --noise 0.1`,
      );
    }
  }
  return k;
}
