// inspectValue: the text a value shows as, in the spirit of Deno's and Node's inspect (short, one line when
// it fits), for a cell's last expression and for console.log's non-string arguments.

const MAX_ITEMS = 100;
const MAX_DEPTH = 2;

function hasOwnToString(v: object): boolean {
  if (ArrayBuffer.isView(v)) return false; // typed arrays' toString is the bare list: shown as a list
  // A class that defines toString (Value prints `Value(data=-6.0)`) shows as its own text.
  for (let p: object | null = Object.getPrototypeOf(v); p !== null; p = Object.getPrototypeOf(p)) {
    if (p === Object.prototype || p === Array.prototype) return false;
    if (Object.prototype.hasOwnProperty.call(p, 'toString')) return true;
  }
  return false;
}

function list(items: string[], more: number, open: string, close: string): string {
  const all = more > 0 ? [...items, `... ${more} more items`] : items;
  if (all.length === 0) return `${open}${close}`;
  return `${open} ${all.join(', ')} ${close}`;
}

function inner(v: unknown, depth: number, seen: Set<object>): string {
  if (typeof v === 'string') return depth === 0 ? JSON.stringify(v) : `'${v.replace(/'/g, "\\'")}'`;
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
  if (v === null || typeof v !== 'object') return String(v);
  if (seen.has(v)) return '[Circular]';
  if (v instanceof Error) return v.stack ?? `${v.name}: ${v.message}`;
  if (v instanceof Date) return v.toISOString();
  if (v instanceof RegExp) return String(v);
  if (hasOwnToString(v)) return String(v);
  if (depth > MAX_DEPTH) return Array.isArray(v) ? '[Array]' : '[Object]';
  seen.add(v);
  try {
    const sub = (x: unknown): string => inner(x, depth + 1, seen);
    if (Array.isArray(v) || ArrayBuffer.isView(v)) {
      const arr = Array.from(v as ArrayLike<unknown>);
      const prefix = Array.isArray(v) ? '' : `${v.constructor.name}(${arr.length}) `;
      return prefix + list(arr.slice(0, MAX_ITEMS).map(sub), arr.length - MAX_ITEMS, '[', ']');
    }
    if (v instanceof Map) {
      const entries = [...v].slice(0, MAX_ITEMS).map(([k, x]) => `${sub(k)} => ${sub(x)}`);
      return `Map(${v.size}) ${list(entries, v.size - MAX_ITEMS, '{', '}')}`;
    }
    if (v instanceof Set) {
      return `Set(${v.size}) ${list([...v].slice(0, MAX_ITEMS).map(sub), v.size - MAX_ITEMS, '{', '}')}`;
    }
    const keys = Object.keys(v);
    const name = v.constructor?.name;
    const prefix = name === undefined || name === 'Object' ? '' : `${name} `;
    const fields = keys.slice(0, MAX_ITEMS).map((k) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
      return `${key}: ${sub((v as Record<string, unknown>)[k])}`;
    });
    return prefix + list(fields, keys.length - MAX_ITEMS, '{', '}');
  } finally {
    seen.delete(v);
  }
}

/** How a cell's last expression shows (strings quoted, as Deno's kernel shows them). */
export function inspectValue(v: unknown): string {
  return inner(v, 0, new Set());
}

/** How console.log shows its arguments: strings as they are, the rest inspected, joined by spaces. */
export function formatLogArgs(args: unknown[]): string {
  return args.map((a) => (typeof a === 'string' ? a : inspectValue(a))).join(' ');
}
