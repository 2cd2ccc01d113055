// Data-sized arrays are never spread into arguments (≈125k+ overflow the stack), and malformed models load nothing.
// Sizes are 300k where the issue said 1e6: past the ~125k where a spread overflows, at a third of the time.
import { describe, expect, it } from 'vitest';
import { classCount, Layer, MLP, MLP_FORMAT, parseCsv, Trainer } from '../../src/index.js';
import { decisionBoundarySpec } from '../../src/viz/decisionBoundarySpec.js';

describe('no spread of data-sized arrays', () => {
  it('new MLP(200000, [1]).parameters() lists every weight and the bias', () => {
    const ps = new MLP(200_000, [1]).parameters();
    expect(ps).toHaveLength(200_001);
    expect(new Layer(200_000, 1).parameters()).toHaveLength(200_001);
  });

  it('a 300k-row CSV parses, and the Trainer sizes its classes from 300k labels', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => `${(i % 7) / 7},${(i % 5) / 5},${i % 2}`);
    const data = parseCsv(rows.join('\n'));
    expect(data.X).toHaveLength(300_000);
    expect(classCount(data.y)).toBe(2);
    const t = new Trainer(new MLP(2, [2, 1]), data, { batchSize: 10, steps: 1 });
    expect(Number.isFinite(t.step().loss)).toBe(true);
  }, 60_000);

  it('the decision-boundary picture takes 200,000 points', () => {
    const X = Array.from({ length: 200_000 }, (_, i) => [i, -i]);
    const y = X.map((_, i) => i % 2);
    const spec = decisionBoundarySpec(() => 0, X, y, { resolution: 4 }) as { title?: unknown };
    expect(spec).toBeTypeOf('object');
  });

  it('a model.json with a 300k-neuron layer loads and predicts', () => {
    const n = 300_000;
    const json = {
      format: MLP_FORMAT,
      nin: 1,
      layers: [
        {
          activation: 'relu',
          weights: Array.from({ length: n }, () => [1]),
          biases: new Array<number>(n).fill(0),
        },
        { activation: 'linear', weights: [new Array<number>(n).fill(1)], biases: [0] },
      ],
    };
    const model = MLP.fromJSON(json);
    // relu(1·x + 0) summed over 300k neurons: 2 → 6e5, by the math.
    expect(model.predict([2])).toEqual([6e5]);
  }, 60_000);
});

describe('MLP.fromJSON: malformed input loads nothing', () => {
  const good = () => ({
    format: MLP_FORMAT,
    nin: 2,
    layers: [{ activation: 'linear', weights: [[0.5, 1]], biases: [0] }],
  });

  it('rejects holes in weights, biases and layers (forEach would skip them and predict NaN)', () => {
    const w = good();
    // eslint-disable-next-line no-sparse-arrays
    w.layers[0]!.weights[0] = [, 1] as unknown as number[];
    expect(() => MLP.fromJSON(w)).toThrow(
      /layers\[0\]\.weights\[0\]\[0\]: expected a finite number, got undefined/,
    );
    const b = good();
    b.layers[0]!.biases = new Array<number>(1);
    expect(() => MLP.fromJSON(b)).toThrow(
      /layers\[0\]\.biases\[0\]: expected a finite number, got undefined/,
    );
    const l = good();
    l.layers = new Array(1) as typeof l.layers;
    expect(() => MLP.fromJSON(l)).toThrow(/layers\[0\]: expected an object/);
  });

  it('says why text is not JSON on one line (JSON.parse quotes the text, line breaks and all)', () => {
    // Found by the CLI fuzzer: `micrograd predict --model pts.csv` printed a three-line error.
    expect(() => MLP.fromJSON('x,y,label\n0,0,0\n')).toThrow(
      /^MLP\.fromJSON: the text is not valid JSON \(Unexpected token 'x', "x,y,label\\n0,0,0\\n" is not valid JSON\)$/,
    );
  });

  it('accepts a byte-order mark before the JSON text, as CSV input does', () => {
    const text = `\uFEFF${JSON.stringify(good())}`;
    expect(MLP.fromJSON(text).predict([2, 3])).toEqual([4]); // 0.5·2 + 1·3 + 0
    expect(parseCsv('\uFEFFx,y,label\n1,2,0\n').X).toEqual([[1, 2]]);
  });
});

describe('parseCsv numbers are decimal', () => {
  it.each(['0x10', '0b1', '0o7', 'Infinity', '1_000'])('refuses %s with its line and column', (cell) => {
    expect(() => parseCsv(`1,2,0\n${cell},1,0\n`)).toThrow(
      new RangeError(`parseCsv: line 2, column 1: expected a finite number, got ${JSON.stringify(cell)}`),
    );
  });

  it('accepts the decimal forms', () => {
    expect(parseCsv('-1.5,+2e-3,.5,0\n1.,3E2,0,1\n').X).toEqual([
      [-1.5, 0.002, 0.5],
      [1, 300, 0],
    ]);
  });
});
