// Every options object of the public API refuses unknown keys with a TypeError naming the key and the known ones.
import { describe, expect, it } from 'vitest';
import {
  Adam,
  compile,
  parse,
  Layer,
  makeBlobs,
  makeCircles,
  makeMoons,
  MLP,
  Neuron,
  parseCsv,
  SGD,
  spiral,
  Trainer,
  Value,
  xor,
} from '../../src/index.js';
import { drawDot, lineChart, plotFunction } from '../../src/viz/index.js';

const moons = makeMoons({ nSamples: 10, seed: 1 });
const params = () => new MLP(2, [1]).parameters();

// [entry point, call with a misspelt key, the misspelt key, a known key the message must list]
const cases: [string, () => unknown, string, string][] = [
  ['new Value', () => new Value(2, { lable: 'x' } as never), 'lable', 'label'],
  ['makeMoons', () => makeMoons({ n: 10 } as never), 'n', 'nSamples'],
  ['makeCircles', () => makeCircles({ factr: 0.5 } as never), 'factr', 'factor'],
  ['makeBlobs', () => makeBlobs({ center: 2 } as never), 'center', 'centers'],
  ['spiral', () => spiral({ class: 2 } as never), 'class', 'classes'],
  ['xor', () => xor({ samples: 2 } as never), 'samples', 'nSamples'],
  ['parseCsv', () => parseCsv('1,0\n', { delim: ';' } as never), 'delim', 'delimiter'],
  ['new Neuron', () => new Neuron(2, { act: 'tanh' } as never), 'act', 'activation'],
  ['new Layer', () => new Layer(2, 2, { activations: ['tanh'] } as never), 'activations', 'activation'],
  ['new MLP', () => new MLP(2, [1], { activaton: 'tanh' } as never), 'activaton', 'activation'],
  ['new SGD', () => new SGD(params(), { lr: 0.1, momentun: 0.9 } as never), 'momentun', 'momentum'],
  ['new Adam', () => new Adam(params(), { lr: 0.1, beta: [0.9, 0.9] } as never), 'beta', 'betas'],
  ['new Trainer', () => new Trainer(new MLP(2, [1]), moons, { batch: 2 } as never), 'batch', 'batchSize'],
  ['compile', () => compile(new Value(1).add(2), { fused: false } as never), 'fused', 'fuse'],
  ['drawDot', () => drawDot(new Value(1), { rankDir: 'TB' } as never), 'rankDir', 'rankdir'],
  [
    'Expression.build',
    () => parse('x').build({ x: 1 }, { labels: true } as never),
    'labels',
    'labelSubexpressions',
  ],
  ['lineChart', () => lineChart([{ name: 'a', x: [0], y: [0] }], { titel: 'a' } as never), 'titel', 'title'],
  ['plotFunction', () => plotFunction(Math.tanh, { from: 0, to: 1, stp: 0.1 } as never), 'stp', 'step'],
];

describe('unknown option keys', () => {
  it.each(cases)('%s names the key and lists the known ones', (_, call, key, known) => {
    let err: unknown;
    try {
      call();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TypeError);
    const msg = (err as Error).message;
    expect(msg).toContain(`unknown option "${key}"`);
    expect(msg).toMatch(new RegExp(`\\(known: [^)]*\\b${known}\\b`));
  });

  it('a non-object options argument is a TypeError too (new Value(2, "x"))', () => {
    expect(() => new Value(2, 'x' as never)).toThrow(
      /new Value\(data, opts\): expected opts to be an object/,
    );
    expect(() => makeMoons(7 as never)).toThrow(TypeError);
  });

  it('the known keys still work', () => {
    expect(new Value(2, { label: 'x' }).label).toBe('x');
    expect(makeMoons({ nSamples: 10 }).X).toHaveLength(10);
  });
});

describe('Value whose data was assigned a non-number', () => {
  it('blames the input, not the new node', () => {
    const x = new Value(1);
    (x as { data: unknown }).data = '2';
    expect(() => x.add(1)).toThrow(/^Value\.add: an input's data is string "2", expected a number/);
    expect(() => new Value(1).mul(x)).toThrow(/^Value\.mul: an input's data is string "2"/);
  });
});
