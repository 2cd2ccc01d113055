// toTypeScript: a saved model as a dependency-free TypeScript module exporting predict(x).

import { checkExportOptions, type ExportOptions } from './exportOptions.js';
import { tsNumber, tsString } from './literals.js';
import { modelSummary, readModel } from './readModel.js';

const vector = (xs: readonly number[]): string => `[${xs.map(tsNumber).join(', ')}]`;

/**
 * The model as a `.ts` module: `predict(x: number[]): number[]` repeats `MLP.predict`'s sums in the same
 * order with the same activation formulas, so its outputs are the library's bit for bit.
 */
export function toTypeScript(json: unknown, opts?: ExportOptions): string {
  const where = 'toTypeScript';
  const m = readModel(json, where);
  const o = checkExportOptions(opts, m.nin, where);
  const layers = m.layers.map(
    (l) =>
      `  {\n    activation: '${l.activation}',\n    weights: [\n${l.weights
        .map((row) => `      ${vector(row)},\n`)
        .join('')}    ],\n    biases: ${vector(l.biases)},\n  },\n`,
  );
  return `// A micrograd-ts ${modelSummary(m)}: predict(x) gives MLP.predict's outputs, with no dependencies.

export const source: string | null = ${o.source === undefined ? 'null' : tsString(o.source)};
export const inputSize = ${m.nin};
export const outputSize = ${m.nout};

type Activation = 'relu' | 'tanh' | 'sigmoid' | 'linear';

/** weights[j][i]: neuron j's weight on input i. */
const layers: readonly { activation: Activation; weights: readonly (readonly number[])[]; biases: readonly number[] }[] = [
${layers.join('')}];

function activate(a: number, activation: Activation): number {
  switch (activation) {
    case 'relu':
      return a < 0 ? 0 : a;
    case 'tanh':
      return Math.tanh(a);
    case 'sigmoid':
      return 1 / (1 + Math.exp(-a));
    case 'linear':
      return a;
  }
}

/** The model's outputs for one point of inputSize numbers. */
export function predict(x: readonly number[]): number[] {
  if (!Array.isArray(x) || x.length !== inputSize || !x.every((v) => typeof v === 'number')) {
    throw new TypeError(\`predict(x): expected an array of \${inputSize} numbers, got \${String(x)}\`);
  }
  let h: readonly number[] = x;
  for (const layer of layers) {
    const out: number[] = [];
    for (let j = 0; j < layer.weights.length; j++) {
      const w = layer.weights[j]!;
      // The sum starts from the bias and adds w[i] * h[i] in order, as MLP.predict does.
      let a = layer.biases[j]!;
      for (let i = 0; i < w.length; i++) a = a + w[i]! * h[i]!;
      out.push(activate(a, layer.activation));
    }
    h = out;
  }
  return h as number[];
}
`;
}
