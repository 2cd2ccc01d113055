// readModel: a saved model checked by the library's own validation, as the layers every writer prints.

import type { Activation } from '../nn/activation.js';
import type { Task } from '../nn/task.js';
import { parseMlpJson } from '../nn/mlpJson.js';

export interface ExportLayer {
  activation: Activation;
  /** weights[j][i]: neuron j's weight on input i (nn.Linear's and ONNX Gemm's transB layout). */
  weights: number[][];
  biases: number[];
}

export interface ExportModel {
  nin: number;
  nout: number;
  layers: ExportLayer[];
  /** Inputs, then each layer's width: [2, 16, 16, 1]. */
  sizes: number[];
  parameterCount: number;
  /** What the outputs mean: class scores, or (regression) a predicted number with no class to decide. */
  task: Task;
}

/**
 * Validate `json` (an object from `MLP.toJSON()` or its text) and rebuild the layers from the validated
 * numbers only: nothing else in the file (extra keys, getters, holes) reaches a writer.
 */
export function readModel(json: unknown, where: string): ExportModel {
  const spec = parseMlpJson(json, where);
  const layers: ExportLayer[] = [];
  let k = 0;
  let width = spec.nin;
  spec.nouts.forEach((nout, l) => {
    const weights: number[][] = [];
    const biases: number[] = [];
    for (let j = 0; j < nout; j++) {
      weights.push(spec.params.slice(k, k + width));
      biases.push(spec.params[k + width]!);
      k += width + 1;
    }
    layers.push({ activation: spec.activations[l]!, weights, biases });
    width = nout;
  });
  return {
    nin: spec.nin,
    nout: width,
    layers,
    sizes: [spec.nin, ...spec.nouts],
    parameterCount: spec.params.length,
    task: spec.task,
  };
}

/** `MLP 2-16-16-1 (relu, relu, linear)`: what a file's header says it holds. */
export function modelSummary(m: ExportModel): string {
  const what = m.task === 'regression' ? ' for regression' : '';
  return `MLP ${m.sizes.join('-')} (${m.layers.map((l) => l.activation).join(', ')})${what}`;
}
