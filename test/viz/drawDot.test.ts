// drawDot: the walkthrough's graph pictures as DOT text, escaped labels, and SVG/PNG actually rendered.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/engine/value.js';
import { drawDot } from '../../src/viz/drawDot.js';
import { trace } from '../../src/viz/trace.js';
import { mlpSample } from '../../bench/mlpSample.js';
import { buildNeuron } from '../../src/walkthrough/neuron.js';
import { allElements, parseSvg, pngSize, PNG_SIGNATURE } from './svgXml.js';

/** The DOT statements, split into record nodes, op nodes and edges. */
function statements(source: string): { records: string[]; ops: string[]; edges: Array<[string, string]> } {
  const lines = source.split('\n').map((l) => l.trim());
  const records = lines.filter((l) => l.includes('shape=record'));
  const ops = lines.filter((l) => /^n\d+op \[label=/.test(l));
  const edges = lines
    .map((l) => /^(\w+) -> (\w+)$/.exec(l))
    .filter((m) => m !== null)
    .map((m) => [m[1]!, m[2]!] as [string, string]);
  return { records, ops, edges };
}

function recordLabel(label: string, data: string, grad: string): string {
  return `[label="{ ${label} | data ${data} | grad ${grad} }" shape=record]`;
}

describe('drawDot on the walkthrough neuron (tanh form)', () => {
  const neuron = buildNeuron('tanh');
  neuron.o.backward();
  const { source } = drawDot(neuron.o);
  const { records, ops, edges } = statements(source);

  it('has one record per Value and one op node per computed Value', () => {
    // 5 leaves + x1*w1, x2*w2, their sum, nn, o = 10 Values; the 5 computed ones get op nodes.
    expect(records).toHaveLength(10);
    expect(ops.map((l) => /label="(.*)"/.exec(l)![1]).sort()).toEqual(['*', '*', '+', '+', 'tanh']);
  });

  it('prints label, data and grad with four decimals as the post does', () => {
    // Numbers from the post's picture (data and grad after o.backward(), which the post prints).
    for (const want of [
      recordLabel('x1', '2.0000', '-1.5000'),
      recordLabel('w1', '-3.0000', '1.0000'),
      recordLabel('x2', '0.0000', '0.5000'),
      recordLabel('w2', '1.0000', '0.0000'),
      recordLabel('b', '6.8814', '0.5000'),
      recordLabel('x1*w1 + x2*w2', '-6.0000', '0.5000'),
      recordLabel('nn', '0.8814', '0.5000'),
      recordLabel('o', '0.7071', '1.0000'),
    ]) {
      expect(records.some((r) => r.endsWith(want))).toBe(true);
    }
  });

  it('links each input to its parent op node and each op node to its Value', () => {
    // Inputs: 4 binary ops × 2 + tanh = 9 edges, plus 5 op → value edges.
    expect(edges).toHaveLength(9 + 5);
    const id = (label: string): string => records.find((r) => r.includes(`{ ${label} |`))!.split(' ')[0]!;
    expect(edges).toContainEqual([id('x1'), `${id('x1*w1')}op`]);
    expect(edges).toContainEqual([id('w1'), `${id('x1*w1')}op`]);
    expect(edges).toContainEqual([id('b'), `${id('nn')}op`]);
    expect(edges).toContainEqual([id('nn'), `${id('o')}op`]);
    expect(edges).toContainEqual([`${id('o')}op`, id('o')]);
  });

  it('is the same text on every run (ids are positions, not addresses)', () => {
    const again = buildNeuron('tanh');
    again.o.backward();
    expect(drawDot(again.o).source).toBe(source);
  });

  it('lays out left to right by default and top to bottom on request', () => {
    expect(source).toContain('rankdir=LR');
    expect(drawDot(neuron.o, { rankdir: 'TB' }).source).toContain('rankdir=TB');
  });
});

describe('drawDot on the exp form of the neuron', () => {
  it('shows tanh rebuilt from *2, exp, +(-1), +1, **-1 and *', () => {
    const neuron = buildNeuron('exp');
    neuron.o.backward();
    const { records, ops, edges } = statements(drawDot(neuron.o).source);
    // Leaves: x1 x2 w1 w2 b and the constants 2, -1, 1 (8); computed: x1*w1, x2*w2, sum, nn, nn*2, e,
    // e-1, e+1, (e+1)**-1, o (10).
    expect(records).toHaveLength(18);
    expect(ops.map((l) => /label="(.*)"/.exec(l)![1]).sort()).toEqual(
      ['*', '*', '*', '*', '**-1', '+', '+', '+', '+', 'exp'].sort(),
    );
    // Inputs: 8 binary ops × 2 + exp + pow = 18, plus 10 op → value edges.
    expect(edges).toHaveLength(18 + 10);
    expect(records.some((r) => r.endsWith(recordLabel('o', '0.7071', '1.0000')))).toBe(true);
    expect(records.some((r) => r.endsWith(recordLabel('e', '5.8284', '0.0429')))).toBe(true);
  });
});

describe('trace', () => {
  it('lists each node once and each distinct input once (a + a has one edge)', () => {
    const a = new Value(3, { label: 'a' });
    const b = a.add(a);
    const t = trace(b);
    expect(t.nodes).toEqual([a, b]);
    expect(t.edges).toEqual([[a, b]]);
    expect(t.ids.get(b)).toBe(1);
  });
});

describe('drawDot numbers and files', () => {
  it("prints non-finite numbers and negative zero as Python's %.4f does", () => {
    const a = new Value(NaN, { label: 'a' });
    const b = new Value(-0, { label: 'b' });
    const c = new Value(-Infinity, { label: 'c' });
    const { source } = drawDot(a.add(b).add(c));
    // '%.4f' % float('nan') == 'nan', '%.4f' % -0.0 == '-0.0000', '%.4f' % float('-inf') == '-inf'
    expect(source).toContain('{ a | data nan | grad 0.0000 }');
    expect(source).toContain('{ b | data -0.0000 | grad 0.0000 }');
    expect(source).toContain('{ c | data -inf | grad 0.0000 }');
  });

  it('writes a number from a million up with four significant digits and an exponent, not 200 digits', () => {
    const x = new Value(1e200, { label: 'x' });
    const { source } = drawDot(x.mul(-3.5e6));
    // Math: 1e200 · -3.5e6 = -3.5e206; below a million the post's %.4f is kept (grad 0.0000).
    expect(source).toContain('{ x | data 1.000e+200 | grad 0.0000 }');
    expect(source).toContain('data -3.500e+6 | grad 0.0000');
    expect(source).toContain('data -3.500e+206 | grad 0.0000');
  });

  it('saves DOT text by extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'micrograd-dot-'));
    try {
      const drawing = drawDot(new Value(2, { label: 'x' }).tanh());
      await drawing.save(join(dir, 'g.dot'));
      expect(readFileSync(join(dir, 'g.dot'), 'utf8')).toBe(drawing.source);
      await expect(drawing.save(join(dir, 'g.jpg'))).rejects.toThrow(
        /expected a file name ending in \.svg, \.png, \.dot/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('drawDot compact', () => {
  it("stacks a record's fields and tightens the layout only when asked; the default is the post's", () => {
    const { o } = buildNeuron('tanh');
    const post = drawDot(o).source;
    expect(post).toContain('[label="{ nn | data 0.8814 | grad 0.0000 }" shape=record]');
    expect(post).toContain('graph [rankdir=LR]');
    expect(post).toContain('[label="tanh"]');
    const compact = drawDot(o, { compact: true }).source;
    expect(compact).toContain('[label="nn | data 0.8814 | grad 0.0000" shape=record]');
    expect(compact).toContain('graph [rankdir=LR ranksep=0.2 nodesep=0.12]');
    expect(compact).toContain('[label="tanh" width=0.3 height=0.25 margin=0.02]');
    expect(() => drawDot(o, { compact: 'yes' as unknown as boolean })).toThrow(
      /compact to be a boolean, got string "yes"/,
    );
  });
});

describe('drawDot argument checks', () => {
  it('rejects a bad rankdir, a bad limit and a non-Value root', () => {
    const v = new Value(1);
    expect(() => drawDot(v, { rankdir: 'RL' as 'LR' })).toThrow(
      /rankdir to be 'LR' or 'TB', got string "RL"/,
    );
    expect(() => drawDot(v, { maxNodes: 0 })).toThrow(/maxNodes to be a positive integer/);
    expect(() => drawDot(3 as unknown as Value)).toThrow(/expected a Value, got number 3/);
    expect(() => drawDot(v, null as unknown as object)).toThrow(/expected opts to be an object, got null/);
    expect(() => trace({} as Value)).toThrow(/trace\(root\): expected a Value, got an object/);
  });
});

describe('hostile labels', () => {
  const hostile = 'a|b{c}<d>"e\\f \\n \\N </text><script>alert(1)</script>';

  it('cannot break the DOT text or inject markup into the SVG', async () => {
    const a = new Value(1, { label: hostile });
    const o = a.tanh();
    o.label = '\\';
    const svg = await drawDot(o).render('svg');
    const doc = parseSvg(svg);
    const names = new Set(allElements(doc).map((e) => e.localName));
    expect(names.has('script')).toBe(false);
    // The label shows exactly as written, as one text element (record syntax did not split it).
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts).toContain(hostile);
    expect(texts).toContain('\\');
    expect(texts).toContain('data 1.0000');
  });
});

describe('rendering', () => {
  it('renders the neuron to SVG with every label and to a PNG of matching size', async () => {
    const neuron = buildNeuron('tanh');
    neuron.o.backward();
    const drawing = drawDot(neuron.o);
    const svg = await drawing.render('svg');
    const doc = parseSvg(svg);
    const texts = Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent);
    for (const want of ['x1', 'w2', 'tanh', 'data 0.7071', 'grad -1.5000']) expect(texts).toContain(want);
    const width = Number.parseFloat(doc.documentElement!.getAttribute('width')!); // "1234pt"
    const png = await drawing.render('png', { scale: 1 });
    expect(Array.from(png.slice(0, 8))).toEqual(PNG_SIGNATURE);
    // resvg reads Graphviz's pt sizes at 96 px per 72 pt; ±1 px for rounding to whole pixels.
    expect(Math.abs(pngSize(png).width - (width * 96) / 72)).toBeLessThanOrEqual(1);
  });

  it('refuses a graph past the limit, naming its size and the way out', async () => {
    let v = new Value(0, { label: 'x' });
    for (let i = 0; i < 20; i++) v = v.add(1);
    const drawing = drawDot(v, { maxNodes: 30 });
    // Values: x, 20 constant leaves and 20 sums = 41; the 20 sums get op nodes: 61 DOT nodes.
    expect(drawing.nodeCount).toBe(61);
    await expect(drawing.render('svg')).rejects.toThrow(
      /61 nodes \(41 values plus their op nodes\), more than the render limit of 30.*raise the limit to 61/,
    );
  });

  it('renders one sample through MLP(2, [16, 16, 1]) under the default limit', async () => {
    const drawing = drawDot(mlpSample(2, [16, 16, 1]));
    // 2 inputs + 16·(2w + b + 2 mul + 2 add + tanh) + 16·(16w + b + 16 mul + 16 add + tanh) + (16w + b + 32 ops)
    expect(drawing.valueCount).toBe(979);
    expect(drawing.nodeCount).toBe(1619); // plus an op node for each of the 640 computed Values
    const svg = await drawing.render('svg');
    expect(svg.match(/class="node"/g)).toHaveLength(1619);
  });

  it('rejects an unknown format', async () => {
    await expect(drawDot(new Value(1)).render('gif' as 'svg')).rejects.toThrow(
      /expected 'svg' or 'png', got "gif"/,
    );
  });
});
