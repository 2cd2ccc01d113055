// points: a custom dataset's points as compact URL text ("x,y,label;…") and back, with clear errors.

export interface Point {
  x: number;
  y: number;
  /** The label: class 0 or 1, or for regression the target value. */
  c: number;
}

/** The most points a custom dataset may hold (the same bound as generated ones). */
export const MAX_POINTS = 500;

/** Three decimals: a link stays short, and what the page trains on is exactly what the link says. */
export const roundCoord = (v: number): number => Math.round(v * 1000) / 1000;

/** Labels keep four decimals in a link (a class 0 or 1 is unchanged). */
export const roundLabel = (v: number): number => Math.round(v * 1e4) / 1e4;

export function pointsToText(points: readonly Point[]): string {
  return points.map((p) => `${roundCoord(p.x)},${roundCoord(p.y)},${roundLabel(p.c)}`).join(';');
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** Parse "x,y,label;…" (the label a class or a target value); a RangeError names the first bad point. */
export function parsePoints(text: string): Point[] {
  const parts = text === '' ? [] : text.split(';');
  if (parts.length > MAX_POINTS) throw new RangeError(`expected at most ${MAX_POINTS} points`);
  return parts.map((part, i) => {
    const cells = part.split(',');
    const [x, y, c] = cells.map((s) => (NUMBER.test(s) ? Number(s) : NaN));
    if (cells.length !== 3 || !Number.isFinite(x) || !Number.isFinite(y) || !Number.isFinite(c)) {
      throw new RangeError(`point ${i + 1}: expected "x,y,label" with three numbers`);
    }
    if (Math.abs(x!) > 1e6 || Math.abs(y!) > 1e6)
      throw new RangeError(`point ${i + 1}: expected coordinates within ±1e6`);
    if (Math.abs(c!) > 1e6) throw new RangeError(`point ${i + 1}: expected a label within ±1e6`);
    return { x: roundCoord(x!), y: roundCoord(y!), c: roundLabel(c!) };
  });
}
