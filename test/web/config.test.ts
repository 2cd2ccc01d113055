// The train page's setup survives the URL round trip, and every value it cannot use is reported, not dropped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_CHOICES,
  configFromParams,
  configToParams,
  DATASETS,
  DEFAULT_CONFIG,
  MIN_POINTS,
  PROBLEM_DATASETS,
  PROBLEMS,
  LIMITS,
  LOSSES,
  OPTIMIZERS,
  REGULARIZATIONS,
  SPEEDS,
  type TrainConfig,
} from '../../web/src/train/config.js';
import { FEATURES } from '../../web/src/train/features.js';

const parse = (query: string) => configFromParams(new URLSearchParams(query));
const keysOf = (query: string): string[] => parse(query).ignored.map((i) => i.key);

/** Any valid config, drawn from the limits and choice lists the page declares. */
const validConfig: fc.Arbitrary<TrainConfig> = fc
  .record({
    problem: fc.constantFrom(...PROBLEMS),
    dataset: fc.constantFrom(...DATASETS),
    noise: fc.double({ min: 0, max: 1, noNaN: true }),
    size: fc.integer({ min: 10, max: 500 }),
    seed: fc.integer({ min: 0, max: 1_000_000 }),
    trainPct: fc.integer({ min: 10, max: 90 }),
    points: fc.array(
      fc.record({
        x: fc.integer({ min: -5000, max: 5000 }).map((v) => v / 1000),
        y: fc.integer({ min: -5000, max: 5000 }).map((v) => v / 1000),
        c: fc.constantFrom(0, 1),
        v: fc.integer({ min: -30000, max: 30000 }).map((v) => v / 10000),
      }),
      { minLength: MIN_POINTS, maxLength: 30 },
    ),
    features: fc.subarray([...FEATURES], { minLength: 1 }),
    hidden: fc.array(fc.integer({ min: 1, max: 32 }), { maxLength: 4 }),
    activation: fc.constantFrom(...ACTIVATION_CHOICES),
    loss: fc.constantFrom(...LOSSES),
    optimizer: fc.constantFrom(...OPTIMIZERS),
    lr: fc.double({ min: 0.00001, max: 10, noNaN: true }),
    regularization: fc.constantFrom(...REGULARIZATIONS),
    regRate: fc.double({ min: 0, max: 10, noNaN: true }),
    batch: fc.integer({ min: 1, max: 500 }),
    speed: fc.constantFrom(...SPEEDS),
    maxSteps: fc.integer({ min: 1, max: 1_000_000 }),
    showTest: fc.boolean(),
    discretize: fc.boolean(),
    paint: fc.constantFrom(0 as const, 1 as const),
  })
  .map((c) => {
    const regression = c.problem === 'regression';
    const dataset = PROBLEM_DATASETS[c.problem].includes(c.dataset) ? c.dataset : 'custom';
    const points = c.points.map(({ x, y, c: k, v }) => ({ x, y, c: regression ? v : k }));
    return { ...c, dataset, loss: regression ? 'mse' : c.loss, points: dataset === 'custom' ? points : [] };
  });

describe('train page URL state', () => {
  it('reads an empty query as the defaults, with nothing ignored', () => {
    expect(parse('')).toEqual({ config: DEFAULT_CONFIG, ignored: [] });
  });

  it('round-trips any valid setup exactly (property, 300 runs)', () => {
    fc.assert(
      fc.property(validConfig, (c) => {
        const back = parse(configToParams(c).toString());
        expect(back.ignored).toEqual([]);
        expect(back.config).toEqual(c);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any query, and what it reads serializes to a fixed point (property, 500 runs)', () => {
    const keys = [
      'dataset',
      'lr',
      'size',
      'hidden',
      'features',
      'points',
      'reg',
      'speed',
      'limit',
      'x',
      '__proto__',
    ];
    const entry = fc.tuple(fc.oneof(fc.constantFrom(...keys), fc.string()), fc.string());
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        const params = new URLSearchParams(entries);
        const { config, ignored } = configFromParams(params);
        const again = configFromParams(configToParams(config));
        expect(again.ignored).toEqual([]);
        expect(again.config).toEqual(config);
        // Every key present is either used as given or reported: none silently becomes a default.
        for (const [k, v] of entries) {
          const reported = ignored.some((i) => i.key === k);
          if (!reported) expect(configToParams(config).get(k)).not.toBeNull();
          if (!reported && k === 'lr') expect(config.lr).toBe(Number(v));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("reports the issue's hostile values by key and reason, and uses the defaults for them", () => {
    const r = parse('size=1e9&lr=1e308&dataset=%3Cscript%3Ealert(1)%3C/script%3E&hidden=16,x&lrr=2');
    expect(r.ignored.map((i) => i.key).sort()).toEqual(['dataset', 'hidden', 'lr', 'lrr', 'size']);
    expect(r.ignored.find((i) => i.key === 'size')?.reason).toBe('expected a whole number from 10 to 500');
    expect(r.ignored.find((i) => i.key === 'lrr')?.reason).toBe('not a setting of this page');
    expect(r.config).toEqual(DEFAULT_CONFIG);
  });

  it('rejects numbers that are not plain decimals (hex, empty, Infinity, NaN)', () => {
    for (const v of ['0x10', '', 'Infinity', 'NaN', '1e', ' '])
      expect(keysOf(`seed=${encodeURIComponent(v)}`)).toEqual(['seed']);
    expect(parse('seed=12').config.seed).toBe(12);
    expect(parse('lr=1e-3').config.lr).toBe(0.001);
  });

  it('checks layer sizes, features and points one by one', () => {
    expect(parse('hidden=').config.hidden).toEqual([]);
    expect(keysOf('hidden=1,2,3,4,5')).toEqual(['hidden']);
    expect(keysOf(`hidden=${LIMITS.neurons[1] + 1}`)).toEqual(['hidden']);
    expect(parse('features=x2,x1,x2').config.features).toEqual(['x1', 'x2']);
    expect(keysOf('features=')).toEqual(['features']);
    expect(keysOf('features=x1,x3')).toEqual(['features']);
    const ten = (c: string): string => Array.from({ length: 10 }, (_, i) => `${i},2,${c}`).join(';');
    expect(parse(`dataset=custom&points=${ten('1')}`).config.points[9]).toEqual({ x: 9, y: 2, c: 1 });
    // A class other than 0 or 1 is a classification point no more: reported, and the points dropped.
    expect(keysOf(`dataset=custom&points=${ten('2')}`)).toEqual(['points', 'dataset']);
    // The same real-valued labels are targets under regression.
    expect(parse(`problem=regression&dataset=custom&points=${ten('0.25')}`).config.points[0]!.c).toBe(0.25);
    // As few as CSV and shift-click allow (10), not fewer, from a link too.
    expect(parse('dataset=custom&points=1,2,0;3,4,1').ignored[0]!.reason).toMatch(/at least 10/);
    expect(parse('points=1,2,0;3,4,1').config.points).toEqual([]);
    expect(keysOf('points=1,2,0;3,4,1')).toEqual(['points']); // points only belong to a custom dataset
  });

  it('keeps a setup true to its problem type: regression data and MSE, or the classification sets', () => {
    const r = parse('problem=regression&dataset=moons&loss=bce');
    expect(r.config).toMatchObject({ problem: 'regression', dataset: 'plane', loss: 'mse' });
    expect(r.ignored.map((i) => `${i.key}: ${i.reason}`)).toEqual([
      'dataset: not a regression dataset',
      'loss: regression trains with mse',
    ]);
    expect(parse('dataset=gauss').config.dataset).toBe('moons');
    expect(parse('problem=regression').config).toMatchObject({ dataset: 'plane', loss: 'mse' });
  });

  it('reports a key given twice', () => {
    expect(parse('lr=0.1&lr=0.2').ignored).toEqual([
      { key: 'lr', value: '0.2', reason: 'given twice; the first is used' },
    ]);
    expect(parse('lr=0.1&lr=0.2').config.lr).toBe(0.1);
  });
});
