// Fuzzing pictures: drawDot and render with hostile labels, odd numbers and bad options. Properties:
// the SVG is well-formed XML with only Graphviz's drawing elements, every label is drawn as written,
// and bad options are a TypeError/RangeError naming the option, never a crash inside Graphviz or resvg.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/engine/value.js';
import { drawDot } from '../../src/viz/drawDot.js';
import { allElements, parseSvg } from '../viz/svgXml.js';
import { runs, timeout, tried } from './fuzzBudget.js';

// What Graphviz's SVG writer emits for these graphs; anything else would be injected markup.
const DRAWING = new Set(['svg', 'g', 'title', 'text', 'polygon', 'path', 'ellipse', 'polyline', 'comment']);

const HOSTILE = [
  '</text><script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '&lt;script&gt;',
  '&amp;',
  '&#60;',
  '&bogus;',
  '"',
  "'",
  '\\',
  '\\n',
  '\\l',
  '\\N',
  '\\G',
  '{',
  '}',
  '|',
  '<',
  '>',
  '<port>',
  ']]>',
  '<!--',
  '-->',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u2028',
  '\ufeff',
  '😀',
  'é',
  '\ud800',
  '${x}',
  '%s',
  ' ',
];
const hostileLabel = fc.oneof(
  fc.array(fc.constantFrom(...HOSTILE), { maxLength: 6 }).map((p) => p.join('')),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/**
 * The label as the picture must show it: control characters (C0, DEL, C1) and the line and paragraph
 * separators U+2028/U+2029 become spaces, a lone surrogate and the non-characters U+FFFE/U+FFFF U+FFFD,
 * and a record field draws runs of spaces as one, without spaces at its ends. (Graphviz's record parser
 * does that; backslashed spaces would add one after every field.)
 */
const shown = (label: string): string =>
  label
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(
      /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g,
      '\ufffd',
    )
    .replace(/ +/g, ' ')
    .trim();

describe('fuzz: drawDot and render', () => {
  it(
    'hostile labels: well-formed SVG, no markup but the drawing, every label drawn as written',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(hostileLabel, { minLength: 1, maxLength: 4 }),
          fc.array(fc.constantFrom(0, -0, 1.5, -2, 1e300, -1e-300, NaN, Infinity, -Infinity), {
            minLength: 4,
            maxLength: 4,
          }),
          async (labels, numbers) => {
            tried('drawDot + render svg (hostile labels)');
            const leaves = labels.map((label, i) => new Value(numbers[i % 4]!, { label }));
            let root = leaves[0]!.tanh();
            for (const leaf of leaves.slice(1)) root = root.mul(leaf).add(1);
            root.label = labels.at(-1)!;
            root.backward();
            const svg = await drawDot(root).render('svg');
            const doc = parseSvg(svg);
            for (const el of allElements(doc)) expect(DRAWING, String(el.localName)).toContain(el.localName);
            for (const el of allElements(doc)) {
              for (const attr of Array.from(el.attributes)) expect(attr.name).not.toMatch(/^on/i);
            }
            const texts = Array.from(doc.getElementsByTagName('text'), (t) => t.textContent ?? '');
            for (const label of labels) {
              const want = shown(label);
              // An empty field is drawn as no text at all.
              if (want !== '')
                expect(
                  texts.map((t) => t.trim()),
                  JSON.stringify({ label, texts }),
                ).toContain(want);
            }
          },
        ),
        { numRuns: runs(60) },
      );
    },
    timeout(120_000),
  );

  it(
    'DOT text: one statement per line, quotes balanced, whatever the labels',
    () => {
      fc.assert(
        fc.property(fc.array(hostileLabel, { minLength: 1, maxLength: 8 }), (labels) => {
          tried('drawDot source (hostile labels)');
          const root = labels.map((label, i) => new Value(i, { label })).reduce((a, b) => a.add(b));
          const lines = drawDot(root).source.trimEnd().split('\n');
          expect(lines[0]).toBe('digraph {');
          expect(lines.at(-1)).toBe('}');
          for (const line of lines.slice(3, -1)) {
            expect(line).toMatch(/^ {2}n\d+(op)?( \[label=".*"( shape=record)?\]| -> n\d+(op)?)$/s);
            // Every quote inside a label is escaped: unescaped quotes are exactly the label's two.
            expect(line.replace(/\\./g, '').split('"').length - 1).toBe(line.includes('[label=') ? 2 : 0);
          }
        }),
        { numRuns: runs(500) },
      );
    },
    timeout(60_000),
  );

  it(
    'bad options and PNG scales: a TypeError or RangeError naming them, never a crash',
    async () => {
      const x = new Value(1, { label: 'x' });
      const root = x.mul(2).tanh();
      const drawing = drawDot(root);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.double(), fc.constantFrom(1e6, 300, 1e-9, 0, -1), fc.anything()),
          async (scale) => {
            tried('render png (scale)');
            try {
              const png = await drawing.render('png', { scale: scale as number });
              expect(png[0]).toBe(0x89); // a PNG came out: the scale was absent or a sane positive number
              expect(scale === undefined || (typeof scale === 'number' && scale > 0 && scale <= 200)).toBe(
                true,
              );
            } catch (err) {
              expect(err instanceof RangeError || err instanceof TypeError, String(err)).toBe(true);
              expect((err as Error).message).toMatch(/scale/);
            }
          },
        ),
        { numRuns: runs(60) },
      );
      fc.assert(
        fc.property(fc.anything(), fc.anything(), (rankdir, maxNodes) => {
          tried('drawDot (options)');
          try {
            drawDot(root, { rankdir, maxNodes } as never);
          } catch (err) {
            expect(err instanceof RangeError || err instanceof TypeError, String(err)).toBe(true);
            expect((err as Error).message).toMatch(/rankdir|maxNodes/);
          }
        }),
        { numRuns: runs(500) },
      );
    },
    timeout(120_000),
  );
});
