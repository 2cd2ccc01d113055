// networkView: the network's layers as columns of neuron buttons; choosing one asks for its graph.

import { h } from '../dom.js';

export interface NeuronChoice {
  layer: number;
  neuron: number;
}

export function renderNetwork(
  host: HTMLElement,
  sizes: readonly number[],
  chosen: NeuronChoice | undefined,
  onChoose: (c: NeuronChoice) => void,
): void {
  const columns = [
    h(
      'div',
      { class: 'layer' },
      h('span', { class: 'layer-title' }, 'input'),
      h('span', { class: 'input-node', 'aria-hidden': 'true' }, 'x0'),
      h('span', { class: 'input-node', 'aria-hidden': 'true' }, 'x1'),
    ),
  ];
  sizes.forEach((n, layer) => {
    const last = layer === sizes.length - 1;
    const col = h('div', {
      class: 'layer',
      role: 'group',
      'aria-label': last ? 'Output layer' : `Hidden layer ${layer + 1}`,
    });
    col.append(h('span', { class: 'layer-title' }, last ? 'output' : `layer ${layer + 1}`));
    for (let j = 0; j < n; j++) {
      const pressed = chosen?.layer === layer && chosen.neuron === j;
      const b = h(
        'button',
        {
          type: 'button',
          class: 'neuron',
          'aria-pressed': pressed ? 'true' : 'false',
          'aria-label': `${last ? 'Output' : `Layer ${layer + 1}`} neuron ${j + 1}`,
          'data-layer': layer,
          'data-neuron': j,
        },
        String(j + 1),
      );
      b.addEventListener('click', () => onChoose({ layer, neuron: j }));
      col.append(b);
    }
    columns.push(col);
  });
  host.replaceChildren(...columns);
}
