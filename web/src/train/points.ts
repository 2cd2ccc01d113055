// points: a custom dataset's points as compact URL text ("x,y,class;…") and back, with clear errors.

export interface Point {
  x: number;
  y: number;
  /** Class 0 or 1. */
  c: 0 | 1;
}

/** The most points a custom dataset may hold (the same bound as generated ones). */
export const MAX_POINTS = 500;

/** Three decimals: a link stays short, and what the page trains on is exactly what the link says. */
export const roundCoord = (v: number): number => Math.round(v * 1000) / 1000;

export function pointsToText(points: readonly Point[]): string {
  return points.map((p) => `${roundCoord(p.x)},${roundCoord(p.y)},${p.c}`).join(';');
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Parse "x,y,c;…"; a RangeError names the first bad point. */
export function parsePoints(text: string): Point[] {
  const parts = text === '' ? [] : text.split(';');
  if (parts.length > MAX_POINTS) throw new RangeError(`expected at most ${MAX_POINTS} points`);
  return parts.map((part, i) => {
    const cells = part.split(',');
    const [x, y, c] = cells.map((s) => (NUMBER.test(s) ? Number(s) : NaN));
    if (cells.length !== 3 || !Number.isFinite(x) || !Number.isFinite(y) || (c !== 0 && c !== 1)) {
      throw new RangeError(`point ${i + 1}: expected "x,y,class" with class 0 or 1`);
    }
    if (Math.abs(x!) > 1e6 || Math.abs(y!) > 1e6)
      throw new RangeError(`point ${i + 1}: expected coordinates within ±1e6`);
    return { x: roundCoord(x!), y: roundCoord(y!), c };
  });
}
