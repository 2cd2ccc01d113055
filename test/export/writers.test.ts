// The export writers on hostile model files: every problem is a TypeError naming the field, and
// nothing in a file but its validated numbers reaches the output.
import { describe, expect, it } from 'vitest';
import { MLP } from '../../src/index.js';
import {
  EXPORT_FILES,
  EXPORT_FORMATS,
  exportModel,
  toOnnx,
  toPytorch,
  toTypeScript,
} from '../../src/export/index.js';

const model = new MLP(2, [3, 2], { activations: ['tanh', 'sigmoid'], seed: 5 });
type Json = Record<string, unknown> & { layers: Record<string, unknown>[] };
const good = (): Json => JSON.parse(JSON.stringify(model)) as Json;
const weights = (j: Json, l: number): unknown[][] => j.layers[l]!['weights'] as unknown[][];
const biases = (j: Json, l: number): unknown[] => j.layers[l]!['biases'] as unknown[];

const WRITERS = [
  ['toPytorch', toPytorch],
  ['toOnnx', toOnnx],
  ['toTypeScript', toTypeScript],
] as const;

// Each: what is wrong, how to make it from a good file, and what the message must say after "writer: ".
const HOSTILE: [string, (j: Json) => unknown, RegExp][] = [
  ['text that is not JSON', () => '{"format": "micrograd-ts/mlp@1", ', /the text is not valid JSON/],
  ['null', () => null, /the model: expected an object from MLP\.toJSON\(\), got null/],
  [
    'an array',
    () => [good()],
    /the model: expected an object from MLP\.toJSON\(\), got an array of length 1/,
  ],
  [
    'another format tag',
    (j) => ({ ...j, format: 'keras' }),
    /format: expected "micrograd-ts\/mlp@1", got string "keras"/,
  ],
  ['nin of 0', (j) => ({ ...j, nin: 0 }), /nin: expected a positive integer, got number 0/],
  [
    'no layers',
    (j) => ({ ...j, layers: [] }),
    /layers: expected a non-empty array, got an array of length 0/,
  ],
  [
    'an unknown activation',
    (j) => ((j.layers[0]!['activation'] = 'gelu'), j),
    /layers\[0\]\.activation: expected one of relu, tanh, sigmoid, linear, got string "gelu"/,
  ],
  [
    '"__proto__" as an activation',
    (j) => ((j.layers[1]!['activation'] = '__proto__'), j),
    /layers\[1\]\.activation: expected one of/,
  ],
  [
    'a row one weight short',
    (j) => (weights(j, 0)[1]!.pop(), j),
    /layers\[0\]\.weights\[1\]: expected an array of 2 numbers \(the layer's inputs\), got an array of length 1/,
  ],
  [
    'a layer that does not fit the one before',
    (j) => (
      (j.layers[1]!['weights'] = [
        [1, 2],
        [3, 4],
      ]),
      j
    ),
    /layers\[1\]\.weights\[0\]: expected an array of 3 numbers/,
  ],
  [
    'a missing bias',
    (j) => (biases(j, 1).pop(), j),
    /layers\[1\]\.biases: expected an array of 2 numbers \(one per row of weights\)/,
  ],
  [
    'weights that are not rows',
    (j) => ((j.layers[0]!['weights'] = 'W'), j),
    /layers\[0\]\.weights: expected a non-empty array of rows, got string "W"/,
  ],
  [
    'a NaN weight',
    (j) => ((weights(j, 1)[0]![2] = NaN), j),
    /layers\[1\]\.weights\[0\]\[2\]: expected a finite number, got number NaN/,
  ],
  [
    'an infinite bias',
    (j) => ((biases(j, 0)[1] = -Infinity), j),
    /layers\[0\]\.biases\[1\]: expected a finite number, got number -Infinity/,
  ],
  [
    'a weight given as text',
    (j) => ((weights(j, 0)[0]![0] = '0.5'), j),
    /layers\[0\]\.weights\[0\]\[0\]: expected a finite number, got string "0\.5"/,
  ],
  [
    'a hole in a row',
    (j) => (delete weights(j, 0)[2]![1], j),
    /layers\[0\]\.weights\[2\]\[1\]: expected a finite number, got undefined/,
  ],
  [
    'a hole in the biases',
    (j) => (delete biases(j, 1)[0], j),
    /layers\[1\]\.biases\[0\]: expected a finite number, got undefined/,
  ],
  [
    'a hole for a row',
    (j) => (delete weights(j, 1)[1], j),
    /layers\[1\]\.weights\[1\]: expected an array of 3 numbers/,
  ],
];

describe.each(WRITERS)('%s rejects a hostile model file with a TypeError naming the field', (name, write) => {
  it.each(HOSTILE)('%s', (_, mutate, message) => {
    const bad = mutate(good());
    expect(() => write(bad)).toThrow(TypeError);
    expect(() => write(bad)).toThrow(new RegExp(`^${name}: ${message.source}`));
  });

  it('rejects bad options', () => {
    expect(() => write(good(), 'x' as never)).toThrow(/expected options to be an object, got string "x"/);
    expect(() => write(good(), { sourec: 'x' } as never)).toThrow(
      /unknown option "sourec" in options \(known: source, examples\)/,
    );
    expect(() => write(good(), { source: 7 as never })).toThrow(
      /options\.source to be a string, got number 7/,
    );
    expect(() => write(good(), { examples: [[1]] })).toThrow(/options\.examples\[0\] to be 2 numbers/);
    expect(() => write(good(), { examples: [[1, NaN]] })).toThrow(
      /options\.examples\[0\]\[1\] to be a finite number/,
    );
  });
});

describe('exportModel', () => {
  it('dispatches to the writer of each format: text for pytorch and ts, bytes for onnx', () => {
    expect(exportModel(good(), 'pytorch')).toBe(toPytorch(good()));
    expect(exportModel(good(), 'ts')).toBe(toTypeScript(good()));
    expect(exportModel(good(), 'onnx')).toEqual(toOnnx(good()));
    expect(exportModel(good(), 'onnx')).toBeInstanceOf(Uint8Array);
    expect(Object.keys(EXPORT_FILES)).toEqual([...EXPORT_FORMATS]);
  });

  it("gives the same output for the model's JSON form and for its JSON text", () => {
    const text = JSON.stringify(model);
    for (const f of EXPORT_FORMATS) {
      expect(exportModel(text, f)).toEqual(exportModel(model.toJSON(), f));
      expect(exportModel(JSON.parse(text), f)).toEqual(exportModel(model.toJSON(), f));
    }
  });

  it('rejects an unknown format', () => {
    expect(() => exportModel(good(), 'keras' as never)).toThrow(
      /^exportModel: expected format to be one of pytorch, onnx, ts, got string "keras"$/,
    );
  });

  it('keeps nothing of a file but its validated numbers: extra keys, even code-shaped ones, change no byte', () => {
    const hostile = good();
    const code = "'''\"\"\"\nimport os; os.system('touch pwned')\n*/ process.exit(1) //\u2028";
    hostile[code] = code;
    hostile.layers[0]![code] = [code];
    hostile.layers[0]!['name'] = code;
    for (const f of EXPORT_FORMATS) expect(exportModel(hostile, f)).toEqual(exportModel(good(), f));
  });
});
