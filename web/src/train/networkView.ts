// networkView: the network as Playground draws it — columns of neurons, each a small heatmap of its output
// over the plane, edges coloured by the weight's sign and as thick as its size; features toggle on click.

import { formatCompact, h } from '../dom.js';
import { rampCss, valuesToImage } from './colors.js';
import { FEATURE_TITLES, FEATURES, featureRow, type FeatureName } from './features.js';
import type { Bounds } from './TrainingRun.js';

export interface NeuronChoice {
  layer: number;
  neuron: number;
}

export interface NetworkActions {
  choose(c: NeuronChoice): void;
  toggleFeature(f: FeatureName): void;
  /** Add (+1) or remove (-1) a neuron of hidden layer `layer`. */
  resizeLayer(layer: number, delta: 1 | -1): void;
  /** Add (+1) or remove (-1) the last hidden layer. */
  resizeNetwork(delta: 1 | -1): void;
  /** Show a neuron's output large on the plane while it is pointed at or focused; undefined: the model's. */
  preview(c: NeuronChoice | undefined): void;
  /** Set the weight on input `i` of neuron `j` of layer `layer` (an edge edited by hand). */
  editWeight(layer: number, j: number, i: number, value: number): void;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Playground's scale: |w| from 0 to 5 maps to 1–10 px. */
const edgeWidth = (w: number): number => 1 + Math.min(5, Math.abs(w)) * 1.8;

export class NetworkView {
  private readonly host: HTMLElement;
  private readonly readout: HTMLElement;
  private readonly actions: NetworkActions;
  private features: FeatureName[] = [];
  private sizes: number[] = [];
  private thumbs: HTMLCanvasElement[][] = [];
  private edges: SVGPathElement[][][] = [];
  private weights: { w: number[][][]; b: number[][] } | undefined;

  constructor(host: HTMLElement, readout: HTMLElement, actions: NetworkActions) {
    this.host = host;
    this.readout = readout;
    this.actions = actions;
  }

  private label(layer: number, j: number): string {
    return `${layer === this.sizes.length - 1 ? 'Output' : `Layer ${layer + 1}`} neuron ${j + 1}`;
  }

  private sourceName(layer: number, i: number): string {
    return layer === 0 ? FEATURE_TITLES[this.features[i]!] : `layer ${layer} neuron ${i + 1}`;
  }

  /** Rebuild for a new shape (features, layer sizes ending with the outputs); `bounds` for feature pictures. */
  render(
    features: FeatureName[],
    sizes: number[],
    chosen: NeuronChoice | undefined,
    bounds: Bounds | undefined,
    maxLayers: number,
    maxNeurons: number,
  ): void {
    this.features = features;
    this.sizes = sizes;
    this.weights = undefined;
    const hidden = sizes.length - 1;
    const cols = sizes.length + 1;
    const rows = Math.max(FEATURES.length, ...sizes);
    // Tall layers get smaller squares, so 16 neurons still fit a laptop screen.
    const NODE = rows > 10 ? 28 : 36;
    const ROW = NODE + (rows > 10 ? 6 : 8);
    this.host.style.setProperty('--node', `${NODE}px`);
    const width = Math.max(this.host.clientWidth, 280);
    const left = 44; // room for the features' names
    const gap = (width - left - NODE) / (cols - 1);
    const colX = (c: number): number => Math.round(left + c * gap);
    const top = 56;
    const height = top + rows * ROW;
    const nodeY = (i: number): number => top + i * ROW;

    const svg = document.createElementNS(SVG_NS, 'svg');
    svg.setAttribute('class', 'edges');
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.setAttribute('aria-hidden', 'true');
    const place = (el: HTMLElement, x: number, y: number): HTMLElement => {
      el.style.left = `${x}px`;
      el.style.top = `${y}px`;
      return el;
    };
    const parts: HTMLElement[] = [];
    const more = (delta: 1 | -1, disabled: boolean, label: string, act: () => void): HTMLButtonElement => {
      const b = h(
        'button',
        { type: 'button', class: 'plusminus', 'aria-label': label, disabled },
        delta > 0 ? '+' : '−',
      );
      b.addEventListener('click', act);
      return b;
    };
    parts.push(
      place(
        h(
          'div',
          { class: 'net-head wide' },
          more(-1, hidden === 0, 'Remove the last hidden layer', () => this.actions.resizeNetwork(-1)),
          more(1, hidden >= maxLayers, 'Add a hidden layer', () => this.actions.resizeNetwork(1)),
          h('span', {}, `${hidden} hidden layer${hidden === 1 ? '' : 's'}`),
        ),
        0,
        0,
      ),
    );
    // Features: all seven, the chosen ones pressed and wired in.
    this.thumbs = [[]];
    parts.push(place(h('span', { class: 'col-title' }, 'features'), colX(0) - left, 30));
    const featureY = new Map<FeatureName, number>();
    FEATURES.forEach((f, i) => {
      const on = features.includes(f);
      const canvas = h('canvas', { width: 32, height: 32, 'aria-hidden': 'true' });
      if (bounds !== undefined) paintFeature(canvas, f, bounds);
      const b = h(
        'button',
        {
          type: 'button',
          class: 'node feature',
          'data-feature': f,
          'aria-pressed': on ? 'true' : 'false',
          'aria-label': `Feature ${FEATURE_TITLES[f]}`,
          title: on
            ? `${FEATURE_TITLES[f]}: used (click to drop)`
            : `${FEATURE_TITLES[f]}: not used (click to add)`,
        },
        canvas,
        h('span', { class: 'feature-name' }, FEATURE_TITLES[f]),
      );
      b.addEventListener('click', () => this.actions.toggleFeature(f));
      parts.push(place(b, colX(0), nodeY(i)));
      featureY.set(f, nodeY(i));
    });
    const sourceY: number[][] = [features.map((f) => featureY.get(f)!)];
    sizes.forEach((n, layer) => {
      const last = layer === sizes.length - 1;
      const x = colX(layer + 1);
      if (last) parts.push(place(h('span', { class: 'col-title' }, 'output'), x + NODE - 40, 30));
      else {
        parts.push(
          place(
            h(
              'div',
              { class: 'col-title' },
              more(-1, n <= 1, `Remove a neuron from layer ${layer + 1}`, () =>
                this.actions.resizeLayer(layer, -1),
              ),
              more(1, n >= maxNeurons, `Add a neuron to layer ${layer + 1}`, () =>
                this.actions.resizeLayer(layer, 1),
              ),
              h('span', { class: 'count' }, `${n}`),
            ),
            x - 14,
            26,
          ),
        );
      }
      const col: HTMLCanvasElement[] = [];
      const ys: number[] = [];
      for (let j = 0; j < n; j++) {
        const canvas = h('canvas', { width: 32, height: 32, 'aria-hidden': 'true' });
        const pressed = chosen?.layer === layer && chosen.neuron === j;
        const b = h(
          'button',
          {
            type: 'button',
            class: 'node neuron',
            'aria-pressed': pressed ? 'true' : 'false',
            'aria-label': this.label(layer, j),
            'data-layer': layer,
            'data-neuron': j,
          },
          canvas,
        );
        b.addEventListener('click', () => this.actions.choose({ layer, neuron: j }));
        const show = (): void => {
          this.describeNeuron(layer, j);
          this.actions.preview({ layer, neuron: j });
        };
        const hide = (): void => this.actions.preview(undefined);
        b.addEventListener('focus', show);
        b.addEventListener('mouseenter', show);
        b.addEventListener('blur', hide);
        b.addEventListener('mouseleave', hide);
        parts.push(place(b, x, nodeY(j)));
        col.push(canvas);
        ys.push(nodeY(j));
      }
      this.thumbs.push(col);
      sourceY.push(ys);
    });
    // Edges from every source of a layer to each of its neurons.
    this.edges = sizes.map((n, layer) => {
      const x0 = colX(layer) + NODE;
      const x1 = colX(layer + 1);
      return Array.from({ length: n }, (_, j) =>
        sourceY[layer]!.map((y0, i) => {
          const p = document.createElementNS(SVG_NS, 'path');
          const ya = y0 + NODE / 2;
          const yb = sourceY[layer + 1]![j]! + NODE / 2;
          const mid = (x0 + x1) / 2;
          p.setAttribute('d', `M${x0},${ya} C${mid},${ya} ${mid},${yb} ${x1},${yb}`);
          p.setAttribute('class', 'edge');
          p.addEventListener('mouseenter', () => this.describeEdge(layer, j, i));
          p.addEventListener('click', () => this.editEdge(layer, j, i));
          p.dataset['edge'] = `${layer}-${j}-${i}`;
          svg.append(p);
          return p;
        }),
      );
    });
    const box = h('div', { class: 'net-canvas' });
    box.style.height = `${height}px`;
    box.append(svg, ...parts);
    this.host.replaceChildren(box);
    this.readout.textContent =
      'Point at an edge or a neuron (or focus a neuron) to read its weights; click an edge to change its weight.';
  }

  /** New thumbnails (features first, then every neuron) and weights. */
  update(thumbRes: number, maps: Float32Array[], weights: { w: number[][][]; b: number[][] }): void {
    this.weights = weights;
    let k = this.features.length;
    this.thumbs.slice(1).forEach((col) =>
      col.forEach((canvas) => {
        const m = maps[k++];
        if (m !== undefined) paintMap(canvas, m, thumbRes);
      }),
    );
    this.edges.forEach((layer, l) =>
      layer.forEach((ins, j) =>
        ins.forEach((p, i) => {
          const w = weights.w[l]?.[j]?.[i] ?? 0;
          p.style.stroke = rampCss(w);
          p.style.strokeWidth = String(edgeWidth(w));
        }),
      ),
    );
  }

  private describeEdge(layer: number, j: number, i: number): void {
    const w = this.weights?.w[layer]?.[j]?.[i];
    if (w === undefined) return;
    this.readout.textContent = `${this.edgeName(layer, j, i)}: ${formatCompact(w)}`;
  }

  private edgeName(layer: number, j: number, i: number): string {
    return `Weight from ${this.sourceName(layer, i)} to ${this.label(layer, j).toLowerCase()}`;
  }

  /** A field in the readout to type the edge's new weight into (Enter or leaving the field sets it). */
  private editEdge(layer: number, j: number, i: number): void {
    const w = this.weights?.w[layer]?.[j]?.[i];
    if (w === undefined) return;
    const input = h('input', {
      id: 'edge-weight',
      type: 'number',
      step: 'any',
      value: String(+w.toPrecision(6)),
      'aria-label': this.edgeName(layer, j, i),
    });
    // A div, not a form: Enter sets the weight here, and no submission outlives the field.
    const form = h(
      'div',
      { class: 'edge-edit' },
      h('label', { for: 'edge-weight' }, this.edgeName(layer, j, i)),
      input,
    );
    let done = false;
    const set = (): void => {
      if (done) return;
      const v = input.valueAsNumber;
      if (!Number.isFinite(v) || Math.abs(v) > 1e6) {
        this.readout.textContent = `${this.edgeName(layer, j, i)}: expected a number within ±1e6, kept ${formatCompact(w)}.`;
        done = true;
        return;
      }
      done = true;
      this.actions.editWeight(layer, j, i, v);
      this.readout.textContent = `${this.edgeName(layer, j, i)}: set to ${formatCompact(v)}.`;
    };
    input.addEventListener('change', set);
    input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        set();
      } else if (e.key === 'Escape') {
        done = true;
        this.describeEdge(layer, j, i);
      }
    });
    this.readout.replaceChildren(form);
    input.focus();
    input.select();
  }

  private describeNeuron(layer: number, j: number): void {
    const ws = this.weights?.w[layer]?.[j];
    const b = this.weights?.b[layer]?.[j];
    if (ws === undefined || b === undefined) return;
    const list = ws.map((w, i) => `${this.sourceName(layer, i)} ${formatCompact(w)}`).join(', ');
    this.readout.textContent = `${this.label(layer, j)}: bias ${formatCompact(b)}; weights from ${list}`;
    for (const p of this.edges.flat(2)) p.classList.remove('lit');
    this.edges[layer]?.[j]?.forEach((p) => p.classList.add('lit'));
  }
}

function paintMap(canvas: HTMLCanvasElement, values: Float32Array, res: number): void {
  const small = new OffscreenCanvas(res, res);
  small.getContext('2d')!.putImageData(
    valuesToImage(values, res, (v) => v),
    0,
    0,
  );
  // Backed by device pixels, so the thumbnail is as sharp as the screen allows.
  const side = Math.round(32 * Math.max(1, window.devicePixelRatio || 1));
  if (canvas.width !== side) canvas.width = canvas.height = side;
  const ctx = canvas.getContext('2d')!;
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(small, 0, 0, canvas.width, canvas.height);
}

/** A feature's own picture: its value over the plane, scaled to its largest size there. */
function paintFeature(canvas: HTMLCanvasElement, f: FeatureName, bounds: Bounds): void {
  const res = 24;
  const vals = new Float32Array(res * res);
  let max = 1e-9;
  for (let r = 0; r < res; r++)
    for (let c = 0; c < res; c++) {
      const x = bounds.x0 + ((c + 0.5) / res) * (bounds.x1 - bounds.x0);
      const y = bounds.y1 - ((r + 0.5) / res) * (bounds.y1 - bounds.y0);
      const v = featureRow([f], x, y)[0]!;
      vals[r * res + c] = v;
      max = Math.max(max, Math.abs(v));
    }
  for (let i = 0; i < vals.length; i++) vals[i] = vals[i]! / max;
  paintMap(canvas, vals, res);
}
