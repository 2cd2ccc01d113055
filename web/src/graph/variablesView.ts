// variablesView: a number box and a slider for each input variable, kept in step with each other.

import { h } from '../dom.js';

/** Slider range: wide enough to move the value around, always containing it. */
function rangeFor(x: number): [number, number] {
  const r = Math.max(5, Math.ceil(Math.abs(x) * 2));
  return [-r, r];
}

/** Replace the fieldset's rows; `onChange` gets every (valid) edit. */
export function renderVariables(
  fieldset: HTMLFieldSetElement,
  names: readonly string[],
  values: Readonly<Record<string, number>>,
  onChange: (name: string, value: number) => void,
): void {
  const legend = fieldset.querySelector('legend')!;
  const rows = names.map((name, i) => {
    const value = values[name] ?? 0;
    const [lo, hi] = rangeFor(value);
    const id = `var-${i}`;
    const num = h('input', { id, type: 'number', step: 'any', value: String(value), 'data-var': name });
    const slider = h('input', {
      type: 'range',
      min: lo,
      max: hi,
      step: 0.01,
      value: String(value),
      'aria-label': `${name} slider`,
    });
    num.addEventListener('input', () => {
      const x = num.valueAsNumber;
      if (!Number.isFinite(x)) return; // half-typed ("-", "1e") — wait for a number
      slider.value = String(x);
      onChange(name, x);
    });
    slider.addEventListener('input', () => {
      const x = slider.valueAsNumber;
      num.value = String(x);
      onChange(name, x);
    });
    return h('div', { class: 'var-row' }, h('label', { for: id }, name), num, slider);
  });
  if (names.length === 0)
    rows.push(h('p', { class: 'muted' }, 'No variables: the expression is a constant.'));
  fieldset.replaceChildren(legend, ...rows);
}
