// Hostile chart input: a refused link or a Vega runtime error is a rejected promise (never an unhandled one),
// and control characters in any label never make the SVG invalid XML or the PNG fail.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Chart, lineChart, vegaLiteToSvg } from '../../src/viz/index.js';
import { digitGridSvg } from '../../src/viz/digitGridSvg.js';
import { svgToPng } from '../../src/viz/svgToPng.js';
import { parseSvg } from './svgXml.js';

// XML 1.0 allows tab, newline and carriage return among the C0 controls, and no U+FFFE/U+FFFF.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
});
/** Let any promise Vega left behind settle, so an unhandled rejection shows up before the test ends. */
const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 100));

const point = (extra: Record<string, unknown>, encoding: Record<string, unknown> = {}) =>
  new Chart({
    data: { values: [{ x: 1, y: 2, ...extra }] },
    mark: 'point',
    encoding: {
      x: { field: 'x', type: 'quantitative' },
      y: { field: 'y', type: 'quantitative' },
      ...encoding,
    },
  });

describe('a Chart whose rendering fails', () => {
  it('a javascript: link in an href channel rejects the promise with the link named', async () => {
    const chart = point({ u: 'javascript:alert(1)' }, { href: { field: 'u' } });
    await expect(chart.svg()).rejects.toThrow(/link "javascript:alert\(1\)" was refused/);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('an http link is kept', async () => {
    const svg = await point({ u: 'https://example.org/a' }, { href: { field: 'u' } }).svg();
    expect(svg).toContain('https://example.org/a');
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('a javascript: URL in an image mark rejects too', async () => {
    const chart = new Chart({
      data: { values: [{ x: 1, u: 'javascript:alert(1)' }] },
      mark: { type: 'image', width: 10, height: 10 },
      encoding: { x: { field: 'x', type: 'quantitative' }, url: { field: 'u' } },
    });
    await expect(chart.svg()).rejects.toThrow(/URL "javascript:alert\(1\)" was refused/);
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('data that cannot be loaded rejects the promise, naming the address', async () => {
    const chart = new Chart({
      data: { url: '/no/such/folder/points.csv' },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    });
    await expect(chart.svg()).rejects.toThrow(/could not load the data "\/no\/such\/folder\/points\.csv"/);
  });

  it('an error inside Vega’s dataflow (a bad expression at run time) rejects the promise', async () => {
    const chart = new Chart({
      data: { values: [{ x: 1, y: 2 }] },
      transform: [{ calculate: 'datum.x.y.z', as: 'q' }],
      mark: 'point',
      encoding: { x: { field: 'q', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    });
    await expect(chart.svg()).rejects.toThrow(/Drawing a chart failed: .*/);
    await settle();
    expect(unhandled).toEqual([]);
  });
});

describe('control characters in chart text', () => {
  const two = (a: string) => [
    { name: a, x: [0, 1], y: [0, 1] },
    { name: 'other', x: [0, 1], y: [1, 0] },
  ];
  const cases: [string, Parameters<typeof lineChart>][] = [
    ['a title with U+0001', [two('a'), { title: 'before\u0001after' }]],
    ['a title with NUL', [two('a'), { title: 'a\u0000b' }]],
    [
      'axis titles with U+001F, U+FFFE and a lone surrogate',
      [two('a'), { xTitle: 'x\u001f\ufffe', yTitle: '\ud800y' }],
    ],
    ['a series name with U+2028', [two('line\u2028break'), {}]],
    ['a series name with NUL', [two('nul\u0000name'), {}]],
  ];
  it.each(cases)('%s: the SVG is well-formed XML 1.0 and rasterizes', async (_name, args) => {
    const svg = await lineChart(...args).svg();
    expect(svg).not.toMatch(NOT_XML);
    parseSvg(svg);
    expect(svgToPng(svg, { scale: 1 }).length).toBeGreaterThan(100);
  });

  it('the text stays readable: a control character is drawn as a space', async () => {
    const svg = await lineChart(two('a'), { title: 'before\u0001after' }).svg();
    expect(svg).toContain('before after');
  });

  it('a digit grid’s title and captions are cleaned the same way', () => {
    const svg = digitGridSvg([{ pixels: [0, 1, 2, 3], caption: 'c\u0000d' }], { title: 't\u0007', side: 2 });
    expect(svg).not.toMatch(NOT_XML);
    parseSvg(svg);
  });
});

describe('vegaLiteToSvg', () => {
  it('cleans a spec passed directly too', async () => {
    const svg = await vegaLiteToSvg({ title: 'x\u0000', mark: 'point', data: { values: [{}] } });
    expect(svg).not.toMatch(NOT_XML);
  });
});

describe('decisionBoundary data', () => {
  it('a NaN coordinate is named with its index, not as "an array of length 2"', async () => {
    const { decisionBoundary } = await import('../../src/viz/index.js');
    const data = {
      X: [
        [0, 1],
        [NaN, 2],
      ],
      y: [0, 1],
    };
    expect(() => decisionBoundary(() => 0, data)).toThrow(
      /expected data\.X\[1\]\[0\] to be a finite number, got number NaN/,
    );
  });
});
