// toPytorch: a saved model as a standalone Python file holding an nn.Module of nn.Linear layers.

import { checkExportOptions, defaultExamples, type ExportOptions } from './exportOptions.js';
import { pyFloat, pyString } from './literals.js';
import { modelSummary, readModel } from './readModel.js';

const TORCH_ACTIVATION = { relu: 'torch.relu', tanh: 'torch.tanh', sigmoid: 'torch.sigmoid' } as const;

const PREDICT_CLASS = [
  'def predict_class(out):',
  '    """Score > 0 for a single output, else the first argmax, as micrograd-ts decides."""',
  '    if len(out) == 1:',
  '        return 1 if out[0] > 0 else 0',
  '    return max(range(len(out)), key=out.__getitem__)',
  '',
  '',
];

const vector = (xs: readonly number[]): string => `[${xs.map(pyFloat).join(', ')}]`;

/**
 * The model as a `.py` file: importing it gives `model`, an `MLP(nn.Module)` in float64 with the weights
 * loaded; running it prints the outputs for points given as arguments (`python3 model.py 0.5,-0.2`), or
 * for a few example points without arguments, in `micrograd predict`'s format.
 */
export function toPytorch(json: unknown, opts?: ExportOptions): string {
  const where = 'toPytorch';
  const m = readModel(json, where);
  const o = checkExportOptions(opts, m.nin, where);
  const examples = o.examples ?? defaultExamples(m.nin);
  const names = m.layers.map((_, l) => `self.fc${l + 1}`);
  const regression = m.task === 'regression';
  const forward = m.layers.map((layer, l) => {
    const linear = `${names[l]!}(x)`;
    const y = layer.activation === 'linear' ? linear : `${TORCH_ACTIVATION[layer.activation]}(${linear})`;
    return l === m.layers.length - 1 ? `        return ${y}` : `        x = ${y}`;
  });
  const lines = [
    `"""A micrograd-ts ${modelSummary(m)} as a PyTorch module in float64.`,
    '',
    '`from model import model` (with this file saved as model.py) gives the module with its weights loaded;',
    'running this file prints its outputs for points given as arguments, e.g. `python3 model.py 0.5,-0.2`,',
    'or, without arguments, for the points in EXAMPLES.',
    '"""',
    '',
    'import math',
    'import sys',
    '',
    'import torch',
    'from torch import nn',
    '',
    `SOURCE = ${o.source === undefined ? 'None' : pyString(o.source)}`,
    `ACTIVATIONS = (${m.layers.map((l) => `'${l.activation}',`).join(' ')})`,
    '# WEIGHTS[l][j][i]: layer l, neuron j, input i, which is how nn.Linear stores its weight.',
    'WEIGHTS = [',
    ...m.layers.map((l) => `    [\n${l.weights.map((row) => `        ${vector(row)},\n`).join('')}    ],`),
    ']',
    `BIASES = [\n${m.layers.map((l) => `    ${vector(l.biases)},\n`).join('')}]`,
    `EXAMPLES = [\n${examples.map((x) => `    ${vector(x)},\n`).join('')}]`,
    '',
    '',
    'class MLP(nn.Module):',
    '    def __init__(self):',
    '        super().__init__()',
    ...m.layers.map(
      (_, l) => `        ${names[l]!} = nn.Linear(${m.sizes[l]!}, ${m.sizes[l + 1]!}, dtype=torch.float64)`,
    ),
    '        with torch.no_grad():',
    `            for layer, w, b in zip((${names.map((n) => `${n}, `).join('')}), WEIGHTS, BIASES):`,
    '                layer.weight.copy_(torch.tensor(w, dtype=torch.float64))',
    '                layer.bias.copy_(torch.tensor(b, dtype=torch.float64))',
    '',
    '    def forward(self, x):',
    ...forward,
    '',
    '',
    'model = MLP().eval()',
    '',
    '',
    ...(regression ? [] : PREDICT_CLASS),
    'def main(args):',
    `    points = [arg.split(',') for arg in args] or [[repr(v) for v in x] for x in EXAMPLES]`,
    '    xs = []',
    '    for cells in points:',
    '        try:',
    '            x = [float(c) for c in cells]',
    '        except ValueError:',
    '            x = []',
    `        if len(x) != ${m.nin} or not all(math.isfinite(v) for v in x):`,
    `            sys.stderr.write(f"point {','.join(cells)!r}: expected ${m.nin} comma-separated numbers\\n")`,
    '            return 2',
    '        xs.append(x)',
    '    with torch.no_grad():',
    '        outs = model(torch.tensor(xs, dtype=torch.float64)).tolist()',
    '    for cells, out in zip(points, outs):',
    // A regression model's output is the answer itself: no class to decide.
    `        print(f"{','.join(cells)} -> {', '.join(map(repr, out))}${regression ? '' : ' (class {predict_class(out)})'}")`,
    '    return 0',
    '',
    '',
    'if __name__ == "__main__":',
    '    sys.exit(main(sys.argv[1:]))',
    '',
  ];
  return lines.join('\n');
}
