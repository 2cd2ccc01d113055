// errorText: anything thrown, as one readable line (a WebAssembly abort may throw a plain object).

import { describe } from '../engine/describe.js';

/** Any thrown thing as readable text (an Error's message, else its JSON, else String). */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    const json = JSON.stringify(err);
    if (json !== undefined && json !== '{}') return json.length > 300 ? `${json.slice(0, 300)}…` : json;
  } catch {
    // a cycle or a BigInt: fall through
  }
  return `${describe(err)} was thrown instead of an Error`;
}
