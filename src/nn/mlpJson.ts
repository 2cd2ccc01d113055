// The saved-model format of MLP.toJSON, and its validation: every problem is found before anything loads.

import { describe } from '../engine/describe.js';
import { ACTIVATIONS, type Activation } from './activation.js';
import { TASKS, type Task } from './task.js';

/** The `format` tag of a saved model; `MLP.fromJSON` refuses any other, so no later format is misread. */
export const MLP_FORMAT = 'micrograd-ts/mlp@1';

/** One layer of a saved model: its activation, and each neuron's weights and bias. */
export interface MlpLayerJson {
  /** The activation every neuron of the layer applies. */
  activation: Activation;
  /** weights[j][i]: neuron j's weight on input i. */
  weights: number[][];
  /** biases[j]: neuron j's bias (one per row of `weights`). */
  biases: number[];
}

/**
 * A saved model, as `MLP.toJSON()` writes it and `MLP.fromJSON`, `micrograd predict` and
 * `micrograd-ts/export` read it: plain JSON, so any language can load it.
 */
export interface MlpJson {
  /** Always {@link MLP_FORMAT}. */
  format: typeof MLP_FORMAT;
  /** Number of inputs. */
  nin: number;
  /** Absent for classification (the default); `regression` when the first output is a predicted number. */
  task?: Task;
  /** The layers, input side first; layer l's weights have as many columns as layer l − 1 has neurons. */
  layers: MlpLayerJson[];
}

/** What a valid file describes: sizes, activations and every parameter in `parameters()` order. */
export interface MlpSpec {
  nin: number;
  nouts: number[];
  activations: Activation[];
  params: number[];
  task: Task;
}

function failAt(where: string, path: string, expected: string, got: unknown): never {
  throw new TypeError(`${where}: ${path}: expected ${expected}, got ${describe(got)}`);
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** Validate a saved model; `where` names the caller in error messages. */
export function parseMlpJson(input: unknown, where = 'MLP.fromJSON'): MlpSpec {
  // Annotated, so that TypeScript narrows after each call as it would after a throw.
  const fail: (path: string, expected: string, got: unknown) => never = (path, expected, got) =>
    failAt(where, path, expected, got);
  let json = input;
  if (typeof input === 'string') {
    try {
      // A byte-order mark is not JSON, but editors write one; CSV input accepts it too.
      json = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input) as unknown;
    } catch (e) {
      // JSON.parse quotes the text, line breaks and all: keep the message on one line.
      const why = (e as Error).message.replace(/\r?\n/g, '\\n');
      throw new TypeError(`${where}: the text is not valid JSON (${why})`);
    }
  }
  if (!isObject(json)) fail('the model', 'an object from MLP.toJSON()', json);
  if (json['format'] !== MLP_FORMAT) fail('format', `"${MLP_FORMAT}"`, json['format']);
  const nin = json['nin'];
  if (typeof nin !== 'number' || !Number.isInteger(nin) || nin < 1) fail('nin', 'a positive integer', nin);
  const layers = json['layers'];
  if (!Array.isArray(layers) || layers.length === 0) fail('layers', 'a non-empty array', layers);
  const task = json['task'] ?? 'classification';
  if (!(TASKS as readonly unknown[]).includes(task)) fail('task', `one of ${TASKS.join(', ')}`, task);
  const spec: MlpSpec = { nin, nouts: [], activations: [], params: [], task: task as Task };
  let width = nin;
  // Indexed loops, not forEach, which would skip the holes of a sparse array ([1, , 2]) unchecked.
  for (let li = 0; li < layers.length; li++) {
    const layer: unknown = layers[li];
    const at = `layers[${li}]`;
    if (!isObject(layer)) fail(at, 'an object with activation, weights and biases', layer);
    const act = layer['activation'];
    if (typeof act !== 'string' || !(ACTIVATIONS as readonly string[]).includes(act)) {
      fail(`${at}.activation`, `one of ${ACTIVATIONS.join(', ')}`, act);
    }
    const weights = layer['weights'];
    const biases = layer['biases'];
    if (!Array.isArray(weights) || weights.length === 0)
      fail(`${at}.weights`, 'a non-empty array of rows', weights);
    if (!Array.isArray(biases) || biases.length !== weights.length) {
      fail(`${at}.biases`, `an array of ${weights.length} numbers (one per row of weights)`, biases);
    }
    for (let j = 0; j < weights.length; j++) {
      const row: unknown = weights[j];
      if (!Array.isArray(row) || row.length !== width) {
        fail(`${at}.weights[${j}]`, `an array of ${width} numbers (the layer's inputs)`, row);
      }
      for (let i = 0; i < row.length; i++) {
        const w: unknown = row[i];
        if (typeof w !== 'number' || !Number.isFinite(w))
          fail(`${at}.weights[${j}][${i}]`, 'a finite number', w);
        spec.params.push(w);
      }
      const b: unknown = biases[j];
      if (typeof b !== 'number' || !Number.isFinite(b)) fail(`${at}.biases[${j}]`, 'a finite number', b);
      spec.params.push(b);
    }
    spec.nouts.push(weights.length);
    spec.activations.push(act as Activation);
    width = weights.length;
  }
  return spec;
}
