// drawDot: a Value graph as Graphviz DOT in the walkthrough's shape, renderable to SVG/PNG and savable.

import { checkOptions } from '../engine/checkKeys.js';
import { describe } from '../engine/describe.js';
import { JUPYTER_DISPLAY, type MimeBundle } from '../engine/display.js';
import { Value } from '../engine/value.js';
import { escapePlainLabel, escapeRecordField } from './dotEscape.js';
import { formatFixed } from './formatFixed.js';
import { dotToSvg } from './graphviz.js';
import { formatFromPath, renderPicture, writeOutput, type PictureFormat } from './picture.js';
import type { PngOptions } from './svgToPng.js';
import { trace } from './trace.js';

export type Rankdir = 'LR' | 'TB';

export interface DrawDotOptions {
  /** Layout direction: 'LR' (left to right, the default) or 'TB' (top to bottom). */
  rankdir?: Rankdir;
  /**
   * Most DOT nodes (Values plus op nodes) that `render` and `save` will lay out. Graphviz's layout time
   * grows faster than linearly; past this the call refuses with the graph's size instead of hanging.
   * Default 3,000 (a few seconds): one sample through MLP(2, [16, 16, 1]) is about 1,600 and takes ~1 s.
   */
  maxNodes?: number;
}

export const DEFAULT_MAX_NODES = 3000;

/** The DOT text of a graph, plus rendering. */
export class GraphDrawing {
  /** DOT source: one record node per Value, an op node per non-leaf Value. */
  readonly source: string;
  /** Number of Values in the graph. */
  readonly valueCount: number;
  /** Number of DOT nodes (Values plus op nodes): what Graphviz has to lay out. */
  readonly nodeCount: number;
  readonly maxNodes: number;
  #svg: Promise<string> | undefined;

  constructor(source: string, valueCount: number, nodeCount: number, maxNodes: number) {
    this.source = source;
    this.valueCount = valueCount;
    this.nodeCount = nodeCount;
    this.maxNodes = maxNodes;
  }

  /** Lay out the graph and draw it: SVG text, PNG bytes (Node only), or the DOT text itself. */
  render(format: 'svg' | 'dot'): Promise<string>;
  render(format: 'png', png?: PngOptions): Promise<Uint8Array>;
  async render(format: PictureFormat | 'dot', png?: PngOptions): Promise<string | Uint8Array> {
    if (format === 'dot') return this.source;
    return renderPicture(format, () => this.svg(), png);
  }

  /** The SVG picture, laid out by Graphviz once and kept (refused past `maxNodes`). */
  svg(): Promise<string> {
    this.#svg ??= this.layout();
    return this.#svg;
  }

  private async layout(): Promise<string> {
    if (this.nodeCount > this.maxNodes) {
      throw new RangeError(
        `the graph has ${this.nodeCount} nodes (${this.valueCount} values plus their op nodes), more than ` +
          `the render limit of ${this.maxNodes}; draw a smaller piece of it (one neuron, one layer) ` +
          `or raise the limit to ${this.nodeCount} (drawDot's maxNodes option, or --max-nodes)`,
      );
    }
    return dotToSvg(this.source);
  }

  /** Render to a file whose extension picks the format: .svg, .png or .dot (Node only). */
  async save(path: string, png?: PngOptions): Promise<void> {
    const format = formatFromPath(path, ['svg', 'png', 'dot'] as const);
    const content = format === 'png' ? await this.render('png', png) : await this.render(format);
    await writeOutput(path, content);
  }

  toString(): string {
    return this.source;
  }

  /** The last line of a Jupyter cell draws the graph inline, as `draw_dot(o)` does in the walkthrough. */
  async [JUPYTER_DISPLAY](): Promise<MimeBundle> {
    const text = `graph of ${this.valueCount} values (${this.nodeCount} DOT nodes)`;
    return { 'text/plain': text, 'image/svg+xml': await this.svg() };
  }
}

/**
 * Draw the graph under `root` as the walkthrough's draw_dot does: `{ label | data 0.7071 | grad 1.0000 }`
 * records (Python's %.4f), an op node feeding each computed Value, and an edge from each input to the op
 * node of the Value it feeds. Node ids are positions in `trace(root).nodes`, so output is reproducible.
 */
export function drawDot(root: Value, opts: DrawDotOptions = {}): GraphDrawing {
  if (!(root instanceof Value)) throw new TypeError(`drawDot(root): expected a Value, got ${describe(root)}`);
  checkOptions(opts, ['rankdir', 'maxNodes'], 'drawDot(root, opts)');
  const rankdir = opts.rankdir ?? 'LR';
  if (rankdir !== 'LR' && rankdir !== 'TB') {
    throw new RangeError(`drawDot: expected rankdir to be 'LR' or 'TB', got ${describe(rankdir)}`);
  }
  const maxNodes = opts.maxNodes ?? DEFAULT_MAX_NODES;
  if (typeof maxNodes !== 'number' || !Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new RangeError(`drawDot: expected maxNodes to be a positive integer, got ${describe(maxNodes)}`);
  }
  const { nodes, edges, ids } = trace(root);
  const lines = ['digraph {', `  graph [rankdir=${rankdir}]`, '  node [fontname="DejaVu Sans"]'];
  let nodeCount = 0;
  nodes.forEach((v, i) => {
    const label = `{ ${escapeRecordField(v.label)} | data ${formatFixed(v.data)} | grad ${formatFixed(v.grad)} }`;
    lines.push(`  n${i} [label="${label}" shape=record]`);
    nodeCount++;
    if (v.opName !== undefined) {
      lines.push(`  n${i}op [label="${escapePlainLabel(v.op)}"]`, `  n${i}op -> n${i}`);
      nodeCount++;
    }
  });
  for (const [child, parent] of edges) lines.push(`  n${ids.get(child)!} -> n${ids.get(parent)!}op`);
  lines.push('}', '');
  return new GraphDrawing(lines.join('\n'), nodes.length, nodeCount, maxNodes);
}
