// MLP.toJSON / MLP.fromJSON: a round trip keeps every number; bad files say what is wrong and load nothing.
import { describe, expect, it } from 'vitest';
import { MLP } from '../../src/index.js';

const model = new MLP(2, [3, 1], { activation: 'tanh', seed: 9 });

describe('MLP JSON', () => {
  it('round-trips structure, activations and every parameter bit for bit (also through JSON text)', () => {
    const back = MLP.fromJSON(JSON.stringify(model));
    expect(String(back)).toBe(String(model));
    expect(back.parameters().map((p) => p.data)).toEqual(model.parameters().map((p) => p.data));
    expect(back.forward([0.25, -1])[0]!.data).toBe(model.forward([0.25, -1])[0]!.data);
  });

  const good = (): Record<string, unknown> => JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
  const layers = (j: Record<string, unknown>): Record<string, unknown>[] =>
    j['layers'] as Record<string, unknown>[];
  const cases: [string, (j: Record<string, unknown>) => unknown, RegExp][] = [
    ['not JSON', () => '{"format":', /not valid JSON/],
    ['wrong format tag', (j) => ({ ...j, format: 'other' }), /format: expected "micrograd-ts\/mlp@1"/],
    ['nin not an integer', (j) => ({ ...j, nin: 2.5 }), /nin: expected a positive integer, got number 2.5/],
    ['no layers', (j) => ({ ...j, layers: [] }), /layers: expected a non-empty array/],
    ['bad activation', (j) => ((layers(j)[0]!['activation'] = 'gelu'), j), /layers\[0\]\.activation/],
    [
      'NaN weight',
      (j) => (((layers(j)[1]!['weights'] as number[][])[0]![2] = 'NaN' as never), j),
      /layers\[1\]\.weights\[0\]\[2\]: expected a finite number/,
    ],
    [
      'row of wrong width',
      (j) => ((layers(j)[1]!['weights'] as number[][])[0]!.pop(), j),
      /layers\[1\]\.weights\[0\]: expected an array of 3 numbers/,
    ],
    [
      'missing bias',
      (j) => ((layers(j)[0]!['biases'] as number[]).pop(), j),
      /layers\[0\]\.biases: expected an array of 3 numbers/,
    ],
    [
      // A hole is skipped by forEach, so a row [w0, , w2] of the right length once loaded one weight short.
      'a hole in a row of weights',
      (j) => (delete (layers(j)[1]!['weights'] as number[][])[0]![1], j),
      /layers\[1\]\.weights\[0\]\[1\]: expected a finite number, got undefined/,
    ],
    [
      'a hole in the biases',
      (j) => (delete (layers(j)[0]!['biases'] as number[])[2], j),
      /layers\[0\]\.biases\[2\]: expected a finite number, got undefined/,
    ],
    ['a hole for a layer', (j) => (delete layers(j)[0], j), /layers\[0\]: expected an object/],
    ['null', () => null, /expected an object/],
  ];
  for (const [name, mutate, message] of cases) {
    it(`rejects ${name}`, () => {
      expect(() => MLP.fromJSON(mutate(good()))).toThrow(message);
    });
  }
});
