// describe: a short, safe rendering of any argument for error messages.

/** `string "2"`, `undefined`, `object {}`, `Value(data=3.0)` — enough to find the bad argument. */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (x === undefined) return 'undefined';
  switch (typeof x) {
    case 'string':
      return `string ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x)}`;
    case 'number':
    case 'boolean':
    case 'bigint':
      return `${typeof x} ${String(x)}`;
    case 'function':
      return 'a function';
    case 'symbol':
      return 'a symbol';
    default: {
      const name = (x as { constructor?: { name?: string } }).constructor?.name;
      if (name === 'Value') return String(x);
      if (Array.isArray(x)) return `an array of length ${x.length}`;
      return name && name !== 'Object' ? `an instance of ${name}` : 'an object';
    }
  }
}

/**
 * Entry `i` of an array (or array-like) for an error message: `describe` of the value, or "an empty slot"
 * where a sparse array has none (`[1, , 3]` at 1), which forEach and map would silently skip.
 */
export function describeAt(a: ArrayLike<unknown>, i: number): string {
  return i in a ? describe(a[i]) : 'an empty slot (the array is sparse, as [1, , 3] is)';
}
