// Fuzz MLP.fromJSON (parseMlpJson) with arbitrary bytes and mutated models: it loads a working model or nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MLP } from '../../src/index.js';
import { expectClearError, runs, tried } from './fuzzBudget.js';

const good = () => new MLP(2, [3, 1], { seed: 7 }).toJSON() as unknown as Record<string, unknown>;

/** Every path (array of keys) into a JSON value, the root included. */
function paths(x: unknown, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(x)) x.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (x !== null && typeof x === 'object')
    for (const [k, v] of Object.entries(x)) out.push(...paths(v, [...at, k]));
  return out;
}

/** `x` with the value at `path` replaced (`del`: deleted, leaving a hole in an array). */
function mutate(x: unknown, path: (string | number)[], value: unknown, del: boolean): unknown {
  if (path.length === 0) return value;
  const copy = (Array.isArray(x) ? [...x] : { ...(x as object) }) as Record<string | number, unknown>;
  const [k, ...rest] = path;
  if (del && rest.length === 0) delete copy[k!];
  else copy[k!] = mutate(copy[k!], rest, value, del);
  return copy;
}

function check(input: unknown): void {
  let model: MLP;
  try {
    model = MLP.fromJSON(input);
  } catch (e) {
    expectClearError(e, /^MLP\.fromJSON: /);
    return;
  }
  // Loaded: then it is a whole model that predicts finite numbers for a finite point.
  const out = model.predict(Array.from({ length: model.nin }, () => 0.5));
  expect(out.every(Number.isFinite)).toBe(true);
}

describe('MLP.fromJSON under fuzzing', () => {
  it('arbitrary bytes as text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        tried('MLP.fromJSON (bytes)');
        check(new TextDecoder().decode(bytes));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('arbitrary JSON values and JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.json(), fc.anything()), (x) => {
        tried('MLP.fromJSON (JSON values)');
        check(x);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('a saved model with one value replaced, deleted or made a hole, as an object and as text', () => {
    const base = good();
    const all = paths(base);
    const replacement = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.constantFrom(NaN, Infinity, 1e308, -0, '1', null, [], {}, [[]], 'relu', 'tanh', 0, 3, 1e9),
    );
    fc.assert(
      fc.property(
        fc.nat(all.length - 1),
        replacement,
        fc.boolean(),
        fc.boolean(),
        (i, value, del, asText) => {
          tried('MLP.fromJSON (mutated model)');
          const m = mutate(base, all[i]!, value, del);
          check(asText ? (JSON.stringify(m) ?? '') : m);
        },
      ),
      { numRuns: runs(3000) },
    );
  });
});
