// controls: the page's form controls, filled from the config and read back one change at a time.

import { h } from '../dom.js';
import {
  ACTIVATION_CHOICES,
  configFromParams,
  configToParams,
  DATASETS,
  LOSS_TITLES,
  LOSSES,
  OPTIMIZERS,
  PROBLEM_DATASETS,
  PROBLEMS,
  REGULARIZATIONS,
  SPEEDS,
  type Ignored,
  type TrainConfig,
} from './config.js';
import { pointsToText } from './points.js';

const TITLES: Record<string, string> = {
  custom: 'your points',
  plane: 'plane',
  gauss: 'multi-Gaussian',
  classification: 'classification',
  regression: 'regression',
  relu: 'ReLU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  linear: 'linear',
  adam: 'Adam',
  sgd: 'SGD',
  none: 'none',
  l1: 'L1',
  l2: 'L2',
  '0': 'max',
  ...LOSS_TITLES,
};

const CHOICES: Record<string, readonly (string | number)[]> = {
  problem: PROBLEMS,
  dataset: DATASETS,
  activation: ACTIVATION_CHOICES,
  loss: LOSSES,
  optimizer: OPTIMIZERS,
  reg: REGULARIZATIONS,
  speed: SPEEDS,
};

type Control = HTMLInputElement | HTMLSelectElement;

/** Every control whose name is a URL key. */
function controls(root: ParentNode): Control[] {
  return [...root.querySelectorAll<Control>('input[name], select[name]')].filter((el) => el.name !== '');
}

export function fillChoices(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLSelectElement>('select[name]')) {
    const choices = CHOICES[el.name];
    if (choices === undefined) continue;
    el.replaceChildren(
      ...choices.map((c) =>
        h(
          'option',
          { value: String(c) },
          TITLES[String(c)] ?? (el.name === 'speed' ? `${c} steps/s` : String(c)),
        ),
      ),
    );
  }
}

/** Show `c` in every control; only the problem type's datasets and losses are offered. */
export function showConfig(root: ParentNode, c: TrainConfig): void {
  const offered: Record<string, readonly string[]> = {
    dataset: PROBLEM_DATASETS[c.problem],
    loss: c.problem === 'regression' ? ['mse'] : LOSSES,
  };
  for (const [name, list] of Object.entries(offered)) {
    for (const o of root.querySelectorAll<HTMLOptionElement>(`select[name='${name}'] option`)) {
      o.hidden = o.disabled = !list.includes(o.value);
    }
  }
  const params = configToParams(c);
  for (const el of controls(root)) {
    const v = params.get(el.name);
    if (v === null) continue;
    if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === '1';
    else if (el instanceof HTMLInputElement && el.type === 'radio') el.checked = el.value === v;
    else el.value = v;
  }
}

/**
 * The config after `el` changed, checked by the same parser as a link; a value it cannot use comes back in
 * `ignored` (and the config unchanged).
 */
export function readChange(
  el: Control,
  c: TrainConfig,
  saved: Readonly<Record<TrainConfig['problem'], TrainConfig['points']>>,
): { config: TrainConfig; ignored: Ignored[] } {
  const params = configToParams(c);
  let value = el.value;
  if (el instanceof HTMLInputElement && el.type === 'checkbox') value = el.checked ? '1' : '0';
  if (el.name === 'hidden') value = value.replace(/\s+/g, '');
  if (el instanceof HTMLInputElement && el.type !== 'range' && el.type !== 'text' && !el.checkValidity()) {
    return { config: c, ignored: [{ key: el.name, value, reason: el.validationMessage }] };
  }
  params.set(el.name, value);
  // Leaving the custom dataset leaves its points out of the link (they belong to dataset=custom), kept in
  // `saved` for coming back; a new problem type starts on its first dataset, regression with MSE.
  if (el.name === 'dataset' && value !== 'custom') params.delete('points');
  if (el.name === 'problem') {
    const p = value === 'regression' ? 'regression' : 'classification';
    params.set('dataset', PROBLEM_DATASETS[p][0]!);
    params.set('loss', p === 'regression' ? 'mse' : 'max-margin');
    params.delete('points');
  }
  if (el.name === 'dataset' && value === 'custom') {
    const points = saved[c.problem];
    if (points.length > 0) params.set('points', pointsToText(points));
  }
  return configFromParams(params);
}

/** The label text of a control, for messages. */
export function labelOf(root: ParentNode, name: string): string {
  const el = root.querySelector(`[name='${name}']`);
  const text = el === null ? null : root.querySelector(`label[for='${el.id}']`)?.textContent;
  return (text ?? name).replace(/\s+/g, ' ').trim();
}
