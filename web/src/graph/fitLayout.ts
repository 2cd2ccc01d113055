// fitLayout: which picture of a graph fits the page's box with text still readable, and at what scale.
//
// The walkthrough's picture (records left to right) fits a desktop for the post's neuron; its exp form and
// narrower screens need the compact records (label, data and grad stacked) or a top-to-bottom layout.
// The layout worker tries the candidates in order and keeps the first that fits.

import type { Rankdir } from '../../../src/viz/drawDot.js';

/** One way to draw the graph: its direction and whether its records are compact (drawDot's options). */
export interface Candidate {
  readonly rankdir: Rankdir;
  readonly compact: boolean;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Graphviz's default font (14 pt) in CSS pixels at the picture's natural size. */
export const FONT_PX = (14 * 4) / 3;
/** The smallest text a fitted picture shows: a graph that needs smaller text pans instead. */
export const MIN_FONT_PX = 9;
export const MIN_SCALE = MIN_FONT_PX / FONT_PX;
/** The largest text a fitted picture shows: a small graph leaves room on screen for the step's rows. */
export const MAX_FONT_PX = 13;
/**
 * The walkthrough's picture is chosen only where its text comes out at least this big; where it would be
 * smaller, a compact picture shows the same graph with larger text (down to MIN_FONT_PX).
 */
export const POST_FONT_PX = 11;
/** Past this many DOT nodes only one layout is tried: Graphviz's time grows faster than the graph. */
export const TRY_ALL_UP_TO = 120;

/** The walkthrough's picture first, then ever more compact ones; left to right before top to bottom. */
export const AUTO_ORDER: readonly Candidate[] = [
  { rankdir: 'LR', compact: false },
  { rankdir: 'LR', compact: true },
  { rankdir: 'TB', compact: true },
  { rankdir: 'TB', compact: false },
];

/**
 * The layouts to try, in order: for 'auto' all of AUTO_ORDER (the one chosen last time first, so a picture
 * does not switch shape while a slider moves), for LR or TB the walkthrough's picture in that direction.
 */
export function candidatesFor(rankdir: Rankdir | 'auto', dotNodes: number, last?: Candidate): Candidate[] {
  if (rankdir !== 'auto') return [{ rankdir, compact: false }];
  if (dotNodes > TRY_ALL_UP_TO) return [AUTO_ORDER[0]!];
  if (last === undefined) return [...AUTO_ORDER];
  return [last, ...AUTO_ORDER.filter((c) => c.rankdir !== last.rankdir || c.compact !== last.compact)];
}

/** A Graphviz SVG's natural size in CSS pixels (its viewBox is in points; a pixel is 3/4 of a point). */
export function naturalSize(svgText: string): Size {
  const m = /viewBox="[-\d.]+ [-\d.]+ ([\d.]+) ([\d.]+)"/.exec(svgText);
  if (m === null) throw new Error('Graphviz returned an SVG without a viewBox');
  return { width: (Number(m[1]) * 4) / 3, height: (Number(m[2]) * 4) / 3 };
}

/** The largest scale (text at most MAX_FONT_PX) at which `size` fits inside `room`. */
export function fitScale(size: Size, room: Size): number {
  return Math.min(MAX_FONT_PX / FONT_PX, room.width / size.width, room.height / size.height);
}

/** The smallest scale at which a candidate counts as fitting (see POST_FONT_PX). */
export function minScaleFor(c: Candidate): number {
  return (c.compact ? MIN_FONT_PX : POST_FONT_PX) / FONT_PX;
}

/**
 * How well candidate `c`, a picture of natural `size`, suits `room`: Infinity when it fits (minScaleFor);
 * short of that, a picture as narrow as the room at MIN_SCALE (it pans one way only, as a page scrolls)
 * beats one that pans both ways, then the larger scale wins.
 */
export function fitScore(c: Candidate, size: Size, room: Size): number {
  const scale = fitScale(size, room);
  if (scale >= minScaleFor(c)) return Infinity;
  return (size.width * MIN_SCALE <= room.width ? 1 : 0) + scale;
}
