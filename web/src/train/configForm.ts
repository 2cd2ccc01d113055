// configForm: the training setup as labelled form controls, read back into a checked TrainConfig.

import { h } from '../dom.js';
import {
  ACTIVATION_CHOICES,
  configFromParams,
  configToParams,
  DATASETS,
  LIMITS,
  LOSS_TITLES,
  LOSSES,
  OPTIMIZERS,
  type TrainConfig,
} from './config.js';

const TITLES: Record<string, string> = {
  moons: 'moons',
  circles: 'circles',
  xor: 'xor',
  spiral: 'spiral',
  blobs: 'blobs',
  relu: 'ReLU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  adam: 'Adam',
  sgd: 'SGD',
  ...LOSS_TITLES,
};

function select(name: string, choices: readonly string[]): HTMLSelectElement {
  return h(
    'select',
    { id: `cfg-${name}`, name },
    ...choices.map((c) => h('option', { value: c }, TITLES[c] ?? c)),
  );
}

function num(name: string, [lo, hi]: readonly [number, number], step: number | 'any'): HTMLInputElement {
  return h('input', { id: `cfg-${name}`, name, type: 'number', min: lo, max: hi, step, required: true });
}

const field = (label: string, control: HTMLElement, wide = false): HTMLElement =>
  h('div', { class: wide ? 'wide' : '' }, h('label', { for: control.id }, label), control);

/** Build the controls into `form`; `onChange` gets each valid new config. */
export function buildConfigForm(
  form: HTMLFormElement,
  initial: TrainConfig,
  onChange: (c: TrainConfig) => void,
): (c: TrainConfig) => void {
  const hidden = h('input', {
    id: 'cfg-hidden',
    name: 'hidden',
    type: 'text',
    inputmode: 'numeric',
    autocomplete: 'off',
    'aria-describedby': 'cfg-hidden-hint cfg-error',
  });
  const error = h('p', { id: 'cfg-error', class: 'error wide', role: 'alert' });
  form.replaceChildren(
    field('Dataset', select('dataset', DATASETS)),
    field('Points', num('size', LIMITS.size, 1)),
    field('Noise', num('noise', LIMITS.noise, 0.05)),
    field('Seed', num('seed', LIMITS.seed, 1)),
    h(
      'div',
      { class: 'wide' },
      h('label', { for: 'cfg-hidden' }, 'Hidden layers'),
      hidden,
      h(
        'span',
        { id: 'cfg-hidden-hint', class: 'hint' },
        'Neurons per layer, e.g. 16,16 (up to 4 layers of 1–32)',
      ),
    ),
    field('Activation', select('activation', ACTIVATION_CHOICES)),
    field('Loss', select('loss', LOSSES)),
    field('Optimizer', select('optimizer', OPTIMIZERS)),
    field('Learning rate', num('lr', LIMITS.lr, 'any')),
    field('Batch size', num('batch', LIMITS.batch, 1)),
    error,
  );
  const set = (c: TrainConfig): void => {
    for (const [k, v] of configToParams(c)) {
      const el = form.elements.namedItem(k) as HTMLInputElement | HTMLSelectElement | null;
      if (el !== null) el.value = v;
    }
  };
  set(initial);
  form.addEventListener('submit', (e) => e.preventDefault());
  form.addEventListener('change', () => {
    const bad = [...form.querySelectorAll<HTMLInputElement>('input')].find((el) => !el.checkValidity());
    const hiddenOk = /^\s*(\d+\s*(,\s*\d+\s*){0,3})?$/.test(hidden.value);
    if (bad !== undefined || !hiddenOk) {
      const name =
        bad !== undefined ? form.querySelector(`label[for='${bad.id}']`)?.textContent : 'Hidden layers';
      error.textContent = `${name ?? 'A field'}: ${bad?.validationMessage ?? 'give up to 4 numbers separated by commas'}`;
      return;
    }
    error.textContent = '';
    const params = new URLSearchParams();
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      params.set(el.name, el.name === 'hidden' ? el.value.replace(/\s+/g, '') : el.value);
    }
    const c = configFromParams(params);
    set(c); // show what was kept, e.g. a batch clipped to the number of points
    onChange(c);
  });
  return set;
}
