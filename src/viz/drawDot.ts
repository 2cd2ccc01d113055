// drawDot: a Value graph as Graphviz DOT in the walkthrough's shape, renderable to SVG/PNG and savable.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import { JUPYTER_DISPLAY, type MimeBundle } from '../engine/display.js';
import { topoSort, Value } from '../engine/value.js';
import { escapePlainLabel, escapeRecordField } from './dotEscape.js';
import { formatCompact } from './formatCompact.js';
import { dotToSvg } from './graphviz.js';
import { layoutCost, type LayoutCost } from './layoutCost.js';
import { formatFromPath, renderPicture, writeOutput, type PictureFormat } from './picture.js';
import type { PngOptions } from './svgToPng.js';

/** Which way a graph picture flows: `LR` left to right (the walkthrough's), `TB` top to bottom. */
export type Rankdir = 'LR' | 'TB';

/** Options of {@link drawDot}: the direction, the size limits and the compact layout. */
export interface DrawDotOptions {
  /** Layout direction: 'LR' (left to right, the default) or 'TB' (top to bottom). */
  rankdir?: Rankdir;
  /**
   * Most DOT nodes (Values plus op nodes) that `render` and `save` will lay out. Graphviz's layout time
   * grows faster than linearly; past this the call refuses with the graph's size instead of hanging.
   * Default 3,000 (a few seconds): one sample through MLP(2, [16, 16, 1]) is about 1,600 and takes ~1 s.
   */
  maxNodes?: number;
  /**
   * Most nodes Graphviz may have to place, counting the virtual nodes it adds along long edges (a value
   * used at many depths, as `x` in `x+x+…+x`, has one long edge per use). Default 20,000 (a few seconds);
   * a 100-term `x+x+…+x` needs ~9,900, one sample through MLP(2, [16, 16, 1]) ~5,700.
   */
  maxLayoutNodes?: number;
  /**
   * A picture that fits a page: each record's label, data and grad stacked across the direction of flow
   * (under each other left to right), shorter gaps between ranks and nodes, and small op nodes. About half
   * as wide as the walkthrough's picture left to right. Default false: the walkthrough's draw_dot exactly.
   */
  compact?: boolean;
}

/** The default of {@link DrawDotOptions.maxNodes}: the most DOT nodes `render` and `save` lay out. */
export const DEFAULT_MAX_NODES = 3000;
/**
 * The default of {@link DrawDotOptions.maxLayoutNodes}: the most nodes, virtual ones included, Graphviz may
 * have to place (a few seconds).
 */
export const DEFAULT_MAX_LAYOUT_NODES = 20_000;
/** Past this many DOT nodes (~120 MB of DOT text) not even the DOT text is built. */
export const MAX_DOT_NODES = 1_000_000;
// With this many virtual nodes, Graphviz's x-positioning (network simplex) dominates the layout: one
// pass (`nslimit=1`) cut a 100-term `x+x+…+x` from 50 s to 2 s; smaller graphs keep the exact layout.
const NSLIMIT_FROM_VIRTUAL_NODES = 2000;

const int = (n: number): string => n.toLocaleString('en-US');

/** A snapshot of a graph (numbers and labels as they were at drawDot), its DOT text, and rendering. */
export class GraphDrawing {
  /** Number of Values in the graph. */
  readonly valueCount: number;
  /** Number of DOT nodes (Values plus op nodes): what Graphviz has to lay out. */
  readonly nodeCount: number;
  /** The most DOT nodes `render`, `svg` and `save` lay out ({@link DrawDotOptions.maxNodes}). */
  readonly maxNodes: number;
  /** The most nodes, virtual ones included, Graphviz may place ({@link DrawDotOptions.maxLayoutNodes}). */
  readonly maxLayoutNodes: number;
  readonly #nodes: readonly Value[];
  readonly #rankdir: Rankdir;
  readonly #compact: boolean;
  // Snapshots, so the drawing shows the graph as it was when drawn, whenever its text is built.
  readonly #data: Float64Array;
  readonly #grad: Float64Array;
  readonly #labels: string[];
  #ids: Map<Value, number> | undefined;
  #cost: LayoutCost | undefined;
  #source: string | undefined;
  #svg: Promise<string> | undefined;

  /**
   * Use drawDot(root) to make one.
   *
   * @param nodes - The graph's Values, children before parents (as `trace(root).nodes`).
   * @param rankdir - The picture's direction.
   * @param maxNodes - The most DOT nodes to lay out.
   * @param maxLayoutNodes - The most nodes, virtual ones included, to lay out.
   * @param compact - The compact layout ({@link DrawDotOptions.compact}).
   */
  constructor(
    nodes: readonly Value[],
    rankdir: Rankdir,
    maxNodes: number,
    maxLayoutNodes: number,
    compact = false,
  ) {
    this.#nodes = nodes;
    this.#rankdir = rankdir;
    this.#compact = compact;
    this.maxNodes = maxNodes;
    this.maxLayoutNodes = maxLayoutNodes;
    this.valueCount = nodes.length;
    let count = 0;
    const data = new Float64Array(nodes.length);
    const grad = new Float64Array(nodes.length);
    nodes.forEach((v, i) => {
      count += v.opName === undefined ? 1 : 2;
      data[i] = v.data;
      grad[i] = v.grad;
    });
    this.nodeCount = count;
    this.#data = data;
    this.#grad = grad;
    this.#labels = count > MAX_DOT_NODES ? [] : nodes.map((v) => v.label);
  }

  /**
   * DOT source: one record node per Value, an op node per non-leaf Value. Built on first use; a
   * RangeError past MAX_DOT_NODES (the text alone would take hundreds of MB).
   */
  get source(): string {
    this.#source ??= this.#buildSource();
    return this.#source;
  }

  /** How much Graphviz would have to place: DOT nodes, edges, and the virtual nodes of long edges. */
  get layoutCost(): LayoutCost {
    this.#refuseText();
    this.#cost ??= layoutCost(this.#nodes, this.#idMap());
    return this.#cost;
  }

  /**
   * Lay out the graph and draw it: SVG text, or the DOT text itself.
   *
   * @param format - `svg` or `dot`.
   * @throws RangeError (as the promise's rejection) past `maxNodes` or `maxLayoutNodes`, naming the graph's
   *   size and the option to raise; or when `format` is none of `svg`, `png`, `dot`.
   */
  render(format: 'svg' | 'dot'): Promise<string>;
  /**
   * Lay out the graph and draw it as PNG bytes (Node only; needs the optional `@resvg/resvg-js`).
   *
   * @param format - `png`.
   * @param png - Scale (default 2) and background (default white).
   * @throws RangeError (as the promise's rejection) past `maxNodes` or `maxLayoutNodes`, or when the PNG
   *   would pass the size limits (see {@link PngOptions.scale}).
   */
  render(format: 'png', png?: PngOptions): Promise<Uint8Array>;
  async render(format: PictureFormat | 'dot', png?: PngOptions): Promise<string | Uint8Array> {
    if (format === 'dot') return this.source;
    return renderPicture(format, () => this.svg(), png);
  }

  /** The SVG picture, laid out by Graphviz once and kept (refused past `maxNodes`/`maxLayoutNodes`). */
  svg(): Promise<string> {
    this.#svg ??= this.#layout();
    return this.#svg;
  }

  /**
   * Render to a file whose extension picks the format: .svg, .png or .dot (Node only). The file is written
   * whole or not at all (through a temporary file renamed into place).
   *
   * @param path - The file to write, ending in `.svg`, `.png` or `.dot`.
   * @param png - For a `.png`: scale and background.
   * @throws TypeError (as the promise's rejection) when `path` is empty.
   * @throws RangeError (as the promise's rejection) when the extension is none of those, or as `render`.
   * @throws Error when the file cannot be written, saying why (no such folder, permission denied, …).
   */
  async save(path: string, png?: PngOptions): Promise<void> {
    const format = formatFromPath(path, ['svg', 'png', 'dot'] as const);
    const content = format === 'png' ? await this.render('png', png) : await this.render(format);
    await writeOutput(path, content);
  }

  /** The DOT source (as `source`), so a drawing prints as DOT text. */
  toString(): string {
    return this.source;
  }

  /** The last line of a Jupyter cell draws the graph inline, as `draw_dot(o)` does in the walkthrough. */
  async [JUPYTER_DISPLAY](): Promise<MimeBundle> {
    const text = `graph of ${this.valueCount} values (${this.nodeCount} DOT nodes)`;
    return { 'text/plain': text, 'image/svg+xml': await this.svg() };
  }

  async #layout(): Promise<string> {
    // Both checks run on counts alone: nothing is built for a graph that will be refused.
    if (this.nodeCount > this.maxNodes) {
      throw new RangeError(
        `the graph has ${int(this.nodeCount)} nodes (${int(this.valueCount)} values plus their op nodes), ` +
          `more than the render limit of ${int(this.maxNodes)}; draw a smaller piece of it (one neuron, ` +
          `one layer) or raise the limit to ${this.nodeCount} (drawDot's maxNodes option, or --max-nodes)`,
      );
    }
    const cost = this.layoutCost;
    const total = cost.nodes + cost.virtualNodes;
    if (total > this.maxLayoutNodes) {
      throw new RangeError(
        `the graph has ${int(cost.nodes)} nodes, but ${this.#mostUsed()} gives it long edges that ` +
          `Graphviz would lay out as ${int(cost.virtualNodes)} more nodes: ${int(total)} in all, more ` +
          `than the layout limit of ${int(this.maxLayoutNodes)} (the picture would take minutes); draw ` +
          `a smaller piece of it, or raise the limit to ${total} (drawDot's maxLayoutNodes option, or ` +
          `--max-layout-nodes)`,
      );
    }
    return dotToSvg(this.source);
  }

  #refuseText(): void {
    if (this.nodeCount > MAX_DOT_NODES) {
      throw new RangeError(
        `the graph has ${int(this.nodeCount)} nodes, more than the ${int(MAX_DOT_NODES)} that drawDot ` +
          `writes as DOT text (about ${Math.round((this.nodeCount * 120) / 1e6)} MB); draw a smaller piece of it`,
      );
    }
  }

  #idMap(): Map<Value, number> {
    if (this.#ids === undefined) {
      this.#ids = new Map();
      this.#nodes.forEach((v, i) => this.#ids!.set(v, i));
    }
    return this.#ids;
  }

  /** "x (used by 99 nodes)": the Value feeding the most nodes, the usual cause of long edges. */
  #mostUsed(): string {
    const uses = new Map<Value, number>();
    for (const v of this.#nodes) for (const c of v.children) uses.set(c, (uses.get(c) ?? 0) + 1);
    let best: Value | undefined;
    let most = 0;
    for (const [v, n] of uses) if (n > most) [best, most] = [v, n];
    if (best === undefined) return 'its shape';
    const name = best.label === '' ? 'one value' : `'${best.label.slice(0, 40)}'`;
    return `${name} (used by ${int(most)} nodes)`;
  }

  #buildSource(): string {
    this.#refuseText();
    const nodes = this.#nodes;
    const ids = this.#idMap();
    const heavy = this.layoutCost.virtualNodes > NSLIMIT_FROM_VIRTUAL_NODES;
    const compact = this.#compact;
    const graphAttrs = [
      `rankdir=${this.#rankdir}`,
      ...(compact ? ['ranksep=0.2 nodesep=0.12'] : []),
      ...(heavy ? ['nslimit=1'] : []),
    ].join(' ');
    const lines = ['digraph {', `  graph [${graphAttrs}]`, '  node [fontname="DejaVu Sans"]'];
    // A record's top-level fields run across the rank direction; braces turn them along it (the post's).
    const [open, close] = compact ? ['', ''] : ['{ ', ' }'];
    const opAttrs = compact ? ' width=0.3 height=0.25 margin=0.02' : '';
    nodes.forEach((v, i) => {
      const label = `${open}${escapeRecordField(this.#labels[i]!)} | data ${formatCompact(this.#data[i]!)} | grad ${formatCompact(this.#grad[i]!)}${close}`;
      lines.push(`  n${i} [label="${label}" shape=record]`);
      if (v.opName !== undefined)
        lines.push(`  n${i}op [label="${escapePlainLabel(v.op)}"${opAttrs}]`, `  n${i}op -> n${i}`);
    });
    for (const v of nodes)
      for (const child of v.children) lines.push(`  n${ids.get(child)!} -> n${ids.get(v)!}op`);
    lines.push('}', '');
    return lines.join('\n');
  }
}

function checkLimit(name: string, value: unknown, fallback: number): number {
  const n = value ?? fallback;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new RangeError(`drawDot: expected ${name} to be a positive integer, got ${describe(n)}`);
  }
  return n;
}

/**
 * Draw the graph under `root` as the walkthrough's draw_dot does: `{ label | data 0.7071 | grad 1.0000 }`
 * records (Python's %.4f below a million, `1.561e+49` above: formatCompact), an op node feeding each computed Value, and an edge from each input to the op
 * node of the Value it feeds. Node ids are positions in `trace(root).nodes`, so output is reproducible.
 * Only counts and a snapshot of the numbers are taken here; the text is built when first asked for.
 *
 * @param root - The Value whose graph to draw (usually after `root.backward()`, so the grads show).
 * @param opts - Direction (default `LR`), size limits, compact layout.
 * @throws TypeError when `root` is not a Value, `opts` has an unknown key or `compact` is not a boolean.
 * @throws RangeError when `rankdir` is not `LR` or `TB`, or a limit is not a positive integer.
 *
 * @example
 * The walkthrough's first graph, L = (a·b + c)·f:
 * ```ts
 * import { Value } from 'micrograd-ts';
 * import { drawDot } from 'micrograd-ts/viz';
 *
 * const a = new Value(2, { label: 'a' });
 * const b = new Value(-3, { label: 'b' });
 * const c = new Value(10, { label: 'c' });
 * const f = new Value(-2, { label: 'f' });
 * const e = a.mul(b);
 * e.label = 'e';
 * const d = e.add(c);
 * d.label = 'd';
 * const L = d.mul(f);
 * L.label = 'L';
 * L.backward();
 * const drawing = drawDot(L);
 * console.log(drawing.valueCount, drawing.nodeCount); // → 7 10
 * await drawing.save('graph.svg'); // or .png (2× scale), or .dot
 * const png = await drawing.render('png', { scale: 1 }); // a Uint8Array
 * ```
 */
export function drawDot(root: Value, opts: DrawDotOptions = {}): GraphDrawing {
  if (!(root instanceof Value)) throw new TypeError(`drawDot(root): expected a Value, got ${describe(root)}`);
  checkOptions(opts, ['rankdir', 'maxNodes', 'maxLayoutNodes', 'compact'], 'drawDot(root, opts)');
  const rankdir = opts.rankdir ?? 'LR';
  if (rankdir !== 'LR' && rankdir !== 'TB') {
    throw new RangeError(`drawDot: expected rankdir to be 'LR' or 'TB', got ${describe(rankdir)}`);
  }
  const maxNodes = checkLimit('maxNodes', opts.maxNodes, DEFAULT_MAX_NODES);
  const maxLayoutNodes = checkLimit('maxLayoutNodes', opts.maxLayoutNodes, DEFAULT_MAX_LAYOUT_NODES);
  if (opts.compact !== undefined && typeof opts.compact !== 'boolean') {
    throw new TypeError(`drawDot: expected compact to be a boolean, got ${describe(opts.compact)}`);
  }
  return new GraphDrawing(topoSort(root), rankdir, maxNodes, maxLayoutNodes, opts.compact ?? false);
}
