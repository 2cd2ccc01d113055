// envInt: a whole-number setting of the live parity runs read from the environment.

/** A whole number from the environment, or `fallback` when unset. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`${name}: expected a whole number ≥ 0, got ${raw}`);
  return n;
}
