// drawDot's limits: a layout cost that sees long edges, counts taken before any text, and labels drawn as written.
import { describe, expect, it } from 'vitest';
import { Value } from '../../src/engine/value.js';
import { parse } from '../../src/expr/parse.js';
import { drawDot, MAX_DOT_NODES } from '../../src/viz/drawDot.js';
import { errorText } from '../../src/viz/errorText.js';
import { parseSvg } from './svgXml.js';

/** `x+x+…+x` with n terms: one leaf x feeding n - 1 sums, the k-th sum at depth k. */
const chain = (n: number): Value => parse(Array(n).fill('x').join('+')).build({ x: 1 });

describe('layout cost', () => {
  it('counts the virtual nodes of the long edges a reused leaf makes', () => {
    for (const n of [2, 10, 100]) {
      const cost = drawDot(chain(n)).layoutCost;
      // The math: x sits one rank before the first sum's op node; the k-th sum's op node is 2k - 1
      // ranks after x, so its edge from x crosses 2k - 2 ranks; summed over k = 1..n-1: (n-1)(n-2).
      // The edges between consecutive sums span one rank and add nothing. Nodes: x, n-1 sums, n-1 ops.
      expect(cost.virtualNodes).toBe((n - 1) * (n - 2));
      expect(cost.nodes).toBe(2 * n - 1);
    }
  });

  it('refuses a 200-term x+x+…+x at once, naming the reused value and the way out', async () => {
    // 399 nodes, far under maxNodes, but (199)(198) = 39,402 virtual nodes: minutes of layout before.
    const drawing = drawDot(chain(200));
    expect(drawing.nodeCount).toBe(399);
    await expect(drawing.render('svg')).rejects.toThrow(RangeError);
    await expect(drawing.render('svg')).rejects.toThrow(
      /^the graph has 399 nodes, but 'x' \(used by 199 nodes\) gives it long edges that Graphviz would lay out as 39,402 more nodes: 39,801 in all, more than the layout limit of 20,000 .*raise the limit to 39801 \(drawDot's maxLayoutNodes option, or --max-layout-nodes\)$/,
    );
    await expect(drawDot(chain(200), { maxLayoutNodes: 1000 }).render('png')).rejects.toThrow(
      /more than the layout limit of 1,000/,
    );
    expect(() => drawDot(chain(2), { maxLayoutNodes: 0.5 })).toThrow(
      /expected maxLayoutNodes to be a positive integer, got number 0.5/,
    );
  });

  it('lays out long-edge graphs with one positioning pass, other graphs exactly as before', () => {
    // Graphviz's x-positioning on ~10,000 virtual nodes took 50 s for 100 terms; nslimit=1 bounds it.
    expect(drawDot(chain(100)).source).toContain('graph [rankdir=LR nslimit=1]');
    expect(drawDot(chain(10)).source).toContain('graph [rankdir=LR]\n');
  });

  it('draws a 60-term x+x+…+x, which the limit allows', async () => {
    const svg = await drawDot(chain(60)).render('svg');
    const texts = Array.from(parseSvg(svg).getElementsByTagName('text')).map((t) => t.textContent);
    expect(texts.filter((t) => t === '+')).toHaveLength(59);
  }, 60_000);
});

describe('counting before building', () => {
  it('refuses to write DOT text past MAX_DOT_NODES, and to render past maxNodes, from counts alone', async () => {
    let v = new Value(0, { label: 'x' });
    const sums = Math.ceil(MAX_DOT_NODES / 2); // x plus each sum and its op node: 2·sums + 1 DOT nodes
    for (let i = 0; i < sums; i++) v = v.add(v);
    const drawing = drawDot(v);
    expect(drawing.nodeCount).toBe(2 * sums + 1);
    expect(() => drawing.source).toThrow(RangeError);
    expect(() => drawing.source).toThrow(/more than the 1,000,000 that drawDot writes as DOT text/);
    await expect(drawing.render('svg')).rejects.toThrow(/more than the render limit of 3,000/);
  });

  it('keeps the numbers as they were when drawn, even though the text is built later', () => {
    const x = new Value(2, { label: 'x' });
    const y = x.mul(3);
    const drawing = drawDot(y);
    y.backward();
    x.label = 'changed';
    expect(drawing.source).toContain('{ x | data 2.0000 | grad 0.0000 }');
    expect(drawDot(y).source).toContain('{ changed | data 2.0000 | grad 3.0000 }');
  });
});

describe('labels with HTML entities', () => {
  it('are drawn as written: Graphviz does not decode them', async () => {
    const labels = ['&lt;script&gt;', 'a &amp; b', '&#60;b&#x3E;', 'x & y', '&amp'];
    const leaves = labels.map((label, i) => new Value(i, { label }));
    const root = leaves.reduce((a, b) => a.add(b));
    root.label = '&quot;sum&quot;';
    const svg = await drawDot(root).render('svg');
    const texts = Array.from(parseSvg(svg).getElementsByTagName('text')).map((t) => t.textContent);
    for (const label of [...labels, '&quot;sum&quot;']) expect(texts).toContain(label);
  });
});

describe('labels that are not plain text (found by the fuzzer)', () => {
  it('draw a lone surrogate as U+FFFD and C1 controls as spaces, not as stray bytes or nothing', async () => {
    const a = new Value(1, { label: 'a\ud800b' });
    const o = a.tanh();
    o.label = 'c\u0085d\u009be';
    const svg = await drawDot(o).render('svg');
    const texts = Array.from(parseSvg(svg).getElementsByTagName('text')).map((t) => t.textContent);
    // Before: Graphviz drew the surrogate's three WTF-8 bytes as three characters and dropped U+0085.
    expect(texts).toContain('a\ufffdb');
    expect(texts).toContain('c d e');
  });
});

describe('errorText', () => {
  it('makes text of anything thrown, never [object Object]', () => {
    expect(errorText(new RangeError('r'))).toBe('r');
    expect(errorText('plain')).toBe('plain');
    expect(errorText({ status: 'abort', code: 7 })).toBe('{"status":"abort","code":7}');
    expect(errorText({})).toBe('an object was thrown instead of an Error');
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(errorText(cyclic)).not.toContain('undefined');
    expect(errorText(undefined)).toBe('undefined was thrown instead of an Error');
  });
});
