// neuronPanel: one chosen neuron's micrograd graph for one point, refreshed about once a second while training.

import { dotToSvg } from '../../../src/viz/graphviz.js';
import { byId, formatCompact, formatFixed, h, parseSvg, sizeSvg } from '../dom.js';
import type { FromWorker, ToWorker } from './messages.js';
import type { NeuronChoice } from './networkView.js';
import type { HeatmapState } from './heatmap.js';

interface View {
  chosen: NeuronChoice | undefined;
  running: boolean;
  board: HeatmapState | undefined;
  config: { hidden: number[]; loss: string; problem: string };
}

export function setupNeuronPanel(
  view: () => View,
  send: (m: ToWorker) => void,
): {
  inspect(): void;
  reset(): void;
  setMax(max: number): void;
  tick(): void;
  show(m: Extract<FromWorker, { type: 'neuron' }>): void;
} {
  const sampleInput = byId<HTMLInputElement>('sample');
  const box = byId('neuron-graph');
  let last = 0;
  const inspect = (): void => {
    const chosen = view().chosen;
    if (chosen === undefined) return;
    last = performance.now();
    const max = Number(sampleInput.max || 0);
    const sample = Math.min(max, Math.max(0, Math.floor(sampleInput.valueAsNumber || 0)));
    send({ type: 'inspect', layer: chosen.layer, neuron: chosen.neuron, sample });
  };
  const show = async (m: Extract<FromWorker, { type: 'neuron' }>): Promise<void> => {
    // Natural size in a scrolling box: a neuron with many inputs is a long chain, unreadable if shrunk.
    const svg = parseSvg(await dotToSvg(m.dot));
    sizeSvg(svg, box.clientWidth - 2, 'fit', 0.6);
    svg.setAttribute('role', 'img');
    const v = view();
    const isLast = m.layer === v.config.hidden.length;
    const what = `${isLast ? 'Output' : `Layer ${m.layer + 1}`} neuron ${m.neuron + 1}, point ${m.sample}`;
    svg.setAttribute('aria-label', `Computational graph of ${what}`);
    const point = v.board?.X[m.sample];
    const cls = v.board?.y[m.sample];
    box.replaceChildren(
      h(
        'p',
        { class: 'hint' },
        `${what}: x = (${point?.map((c) => formatFixed(c, 2)).join(', ') ?? '?'}), ` +
          `${v.config.problem === 'regression' ? `target ${cls === undefined ? '?' : formatCompact(cls)}` : `class ${cls ?? '?'}`}, ` +
          `loss ${formatCompact(m.loss)}. Grads are of this point's data loss at the current weights` +
          (m.loss !== 0
            ? '.'
            : v.config.loss === 'max-margin'
              ? ': the point is past the margin, so nothing pulls on the weights.'
              : ': its loss rounds to 0, so its grads are 0.'),
      ),
      svg,
    );
  };
  sampleInput.addEventListener('change', inspect);
  return {
    inspect,
    reset() {
      if (view().chosen === undefined) box.replaceChildren();
      else inspect();
    },
    setMax(max: number) {
      sampleInput.max = String(max);
      if (Number(sampleInput.value) > max) sampleInput.value = '0';
    },
    tick() {
      const v = view();
      if (v.running && v.chosen !== undefined && performance.now() - last > 1000) inspect();
    },
    show(m) {
      show(m).catch((err: unknown) => box.replaceChildren(h('p', { class: 'error' }, String(err))));
    },
  };
}
