// urlState: the graph page's shareable settings, read from and written to the URL's hash.
//
//   #expr=<text>&v.x1=2&l.x1w1=x1*w1&l.%233=my+label&rankdir=TB&zoom=1.5&acc=1&practice=1
//   #exercise=123456&level=2&practice=1   (a seeded exercise: its text and values are drawn from the seed)
//
// Reading never throws and never guesses: a value that cannot be used (NaN, Infinity, empty, an unknown
// key) is left out and named in `ignored`, which the page shows. Writing then reading gives the same state.

import { EXERCISE_LEVELS, makeExercise, type ExerciseLevel } from '../../../src/walkthrough/exercise.js';

/** The picture's direction; 'auto' picks the layout that fits the box best (fitLayout.ts). */
export type Rankdir = 'auto' | 'LR' | 'TB';
export type Zoom = 'fit' | number;

/** Zoom factors the page offers besides 'fit'. */
export const ZOOMS = [0.5, 0.75, 1, 1.5, 2] as const;

export interface UrlState {
  /** The program text (lines of the expression language). */
  readonly text: string;
  /** Input values by variable name (no prototype, so any name is a key). */
  readonly values: Readonly<Record<string, number>>;
  /** Display labels by node key: a line's or variable's name, or `#i` (trace position) for an unnamed node. */
  readonly labels: Readonly<Record<string, string>>;
  readonly rankdir: Rankdir;
  readonly zoom: Zoom;
  /** Backward adds into the leaves' grads (PyTorch's behaviour) instead of a fresh pass each time. */
  readonly accumulate: boolean;
  /** Practice mode: the picture hides the grads and the learner gives them one by one. */
  readonly practice: boolean;
  /** The exercise the text and values were drawn from, while they are unchanged (the link then holds it). */
  readonly exercise?: { readonly seed: number; readonly level: ExerciseLevel } | undefined;
}

export interface ParsedUrl {
  /** Undefined when the hash holds no expression (the page then opens its first preset). */
  readonly state: UrlState | undefined;
  /** One sentence per value that was left out, naming it and why. */
  readonly ignored: readonly string[];
}

/** An object with no prototype, so keys like `__proto__` and `constructor` are plain keys. */
export function record<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

export const DEFAULTS = { rankdir: 'auto', zoom: 'fit', accumulate: false, practice: false } as const;

const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Read a location hash (with or without its `#`). */
export function parseHash(hash: string): ParsedUrl {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const ignored: string[] = [];
  const values = record<number>();
  const labels = record<string>();
  let text: string | undefined;
  let rankdir: Rankdir = DEFAULTS.rankdir;
  let zoom: Zoom = DEFAULTS.zoom;
  let accumulate: boolean = DEFAULTS.accumulate;
  let practice: boolean = DEFAULTS.practice;
  let seed: number | undefined;
  let level: ExerciseLevel = 2;
  for (const [key, raw] of params) {
    if (key === 'expr') text = raw;
    else if (key.startsWith('v.')) {
      const name = key.slice(2);
      // Number('') is 0 and Number(' ') too: an empty value is not a number.
      const x = raw.trim() === '' ? NaN : Number(raw);
      if (Number.isFinite(x)) values[name] = x;
      else ignored.push(`${name} = ${quote(raw)} is not a finite number, so ${name} keeps its default`);
    } else if (key.startsWith('l.')) labels[key.slice(2)] = raw;
    else if (key === 'rankdir') {
      if (raw === 'LR' || raw === 'TB' || raw === 'auto') rankdir = raw;
      else ignored.push(`rankdir = ${quote(raw)} is not auto, LR or TB, so the layout fits the box`);
    } else if (key === 'zoom') {
      const z = Number(raw);
      if (raw === 'fit') zoom = 'fit';
      else if ((ZOOMS as readonly number[]).includes(z)) zoom = z;
      else
        ignored.push(
          `zoom = ${quote(raw)} is not one of fit, ${ZOOMS.join(', ')}, so the graph fits its box`,
        );
    } else if (key === 'acc') {
      if (raw === '1' || raw === '0') accumulate = raw === '1';
      else ignored.push(`acc = ${quote(raw)} is not 1 or 0, so each pass starts from zero grads`);
    } else if (key === 'practice') {
      if (raw === '1' || raw === '0') practice = raw === '1';
      else ignored.push(`practice = ${quote(raw)} is not 1 or 0, so the page opens without Practice`);
    } else if (key === 'exercise') {
      const x = Number(raw);
      if (/^\d+$/.test(raw) && x <= 0xffffffff) seed = x;
      else ignored.push(`exercise = ${quote(raw)} is not a whole number from 0 to 4294967295`);
    } else if (key === 'level') {
      const x = Number(raw);
      if ((EXERCISE_LEVELS as readonly number[]).includes(x) && /^\d$/.test(raw)) level = x as ExerciseLevel;
      else ignored.push(`level = ${quote(raw)} is not 1, 2 or 3, so the exercise is at level 2`);
    } else ignored.push(`${quote(key)} is not a setting of this page`);
  }
  if (seed !== undefined) {
    // The exercise is the graph: an expression or values beside it would be a different one.
    if (text !== undefined || Object.keys(values).length > 0)
      ignored.push(`the expression and values in the link: exercise ${seed} defines the graph`);
    const ex = makeExercise(seed, level);
    const exercise = { seed, level };
    const drawn = record(Object.entries(ex.values));
    return {
      state: { text: ex.text, values: drawn, labels, rankdir, zoom, accumulate, practice, exercise },
      ignored,
    };
  }
  if (text === undefined) {
    if (params.size > 0)
      ignored.push('the link has no expression (expr=…), so the page opens its first preset');
    return { state: undefined, ignored };
  }
  return { state: { text, values, labels, rankdir, zoom, accumulate, practice }, ignored };
}

/** The hash for a state (with its `#`); settings at their defaults are left out. */
export function serializeHash(state: UrlState): string {
  const ex = state.exercise;
  const params = new URLSearchParams(
    ex === undefined ? { expr: state.text } : { exercise: String(ex.seed), level: String(ex.level) },
  );
  if (ex === undefined)
    for (const [k, x] of Object.entries(state.values))
      params.append(`v.${k}`, Object.is(x, -0) ? '-0' : String(x));
  for (const [k, label] of Object.entries(state.labels)) params.append(`l.${k}`, label);
  if (state.rankdir !== DEFAULTS.rankdir) params.set('rankdir', state.rankdir);
  if (state.zoom !== DEFAULTS.zoom) params.set('zoom', String(state.zoom));
  if (state.accumulate) params.set('acc', '1');
  if (state.practice) params.set('practice', '1');
  return `#${params.toString()}`;
}
