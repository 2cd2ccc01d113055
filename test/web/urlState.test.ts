// The graph page's URL state: hostile hashes never throw and every unusable value is named; writing a
// state and reading it back gives the same state (fast-check, bounded runs).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHash, record, serializeHash, ZOOMS, type UrlState } from '../../web/src/graph/urlState.js';

const name = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'x1', 'hasOwnProperty'),
);
const stateArb: fc.Arbitrary<UrlState> = fc.record({
  text: fc.string({ maxLength: 80, unit: 'binary' }),
  values: fc
    .array(fc.tuple(name, fc.double({ noNaN: true, noDefaultInfinity: true })), { maxLength: 6 })
    .map((e) => record(e)),
  labels: fc
    .array(fc.tuple(name, fc.string({ maxLength: 20, unit: 'binary' })), { maxLength: 6 })
    .map((e) => record(e)),
  rankdir: fc.constantFrom('auto' as const, 'LR' as const, 'TB' as const),
  zoom: fc.constantFrom('fit' as const, ...ZOOMS),
  accumulate: fc.boolean(),
  practice: fc.boolean(),
});

describe('graph page URL state', () => {
  it('reads what it wrote, for arbitrary states (hostile names and labels included)', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        const back = parseHash(serializeHash(s));
        expect(back.ignored).toEqual([]);
        expect(back.state).toEqual(s);
        // And writing again gives the same text: the hash is a fixed point.
        expect(serializeHash(back.state!)).toBe(serializeHash(s));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary hashes; every value it drops is named in ignored', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 30, unit: 'binary' }),
      fc
        .tuple(
          fc.constantFrom(
            'expr',
            'v.x',
            'v.__proto__',
            'l.#3',
            'rankdir',
            'zoom',
            'acc',
            'practice',
            'exercise',
            'level',
            'junk',
            '',
          ),
          fc.constantFrom(
            'NaN',
            'Infinity',
            '-Infinity',
            '',
            ' ',
            '1e999',
            '0x10',
            '2',
            'fit',
            'LR',
            '%',
            '<b>',
          ),
        )
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), fc.boolean(), (pieces, hashMark) => {
        const hash = `${hashMark ? '#' : ''}${pieces.join('&')}`;
        const { state, ignored } = parseHash(hash);
        const params = [...new URLSearchParams(hash.replace(/^#/, ''))];
        for (const [k, v] of params) {
          if (!k.startsWith('v.')) continue;
          const x = Number(v);
          // Every non-finite or empty value is named, never silently turned into a number.
          if (v.trim() === '' || !Number.isFinite(x)) {
            expect(ignored.some((m) => m.startsWith(`${k.slice(2)} = `))).toBe(true);
          }
        }
        if (state !== undefined) {
          for (const x of Object.values(state.values)) expect(Number.isFinite(x)).toBe(true);
          expect(['auto', 'LR', 'TB']).toContain(state.rankdir);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('names NaN, Infinity and empty values instead of turning them into 1 or 0', () => {
    const { state, ignored } = parseHash('#expr=x*y%2Bz&v.x=NaN&v.y=Infinity&v.z=&zoom=9');
    expect(state!.values).toEqual(record());
    expect(ignored).toEqual([
      'x = "NaN" is not a finite number, so x keeps its default',
      'y = "Infinity" is not a finite number, so y keeps its default',
      'z = "" is not a finite number, so z keeps its default',
      'zoom = "9" is not one of fit, 0.5, 0.75, 1, 1.5, 2, so the graph fits its box',
    ]);
  });
});
