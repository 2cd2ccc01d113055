// pictureText: any text made safe to draw — what every label, title and caption goes through on its way to SVG.
//
// XML 1.0 has no place for most control characters (a NUL or U+0001 makes the SVG invalid and resvg refuses
// it), Vega's expression parser reads U+2028/U+2029 as line ends inside a string (a series name with one
// cannot compile), and a lone surrogate is not text at all. Controls and line/paragraph separators are
// drawn as spaces; lone surrogates and the non-characters U+FFFE/U+FFFF as U+FFFD.

// eslint-disable-next-line no-control-regex
const SPACED = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const REPLACED = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex
const ANY = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufffe\uffff]/;

/** `text` with control characters as spaces and what is not text as U+FFFD; unchanged when clean. */
export function pictureText(text: string): string {
  return ANY.test(text) ? text.replace(SPACED, ' ').replace(REPLACED, '\ufffd') : text;
}

/**
 * A copy of a JSON-like value (a chart spec) with every string, keys included, passed through
 * pictureText; the value itself when nothing needed cleaning.
 */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return pictureText(value) as T;
  if (Array.isArray(value)) {
    let out: unknown[] | null = null;
    value.forEach((v: unknown, i) => {
      const c = cleanStrings(v);
      if (c !== v) (out ??= value.slice())[i] = c;
    });
    return (out ?? value) as T;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    let changed = false;
    const entries = Object.entries(value).map(([k, v]) => {
      const ck = pictureText(k);
      const cv = cleanStrings(v as unknown);
      if (ck !== k || cv !== v) changed = true;
      return [ck, cv] as const;
    });
    return (changed ? Object.fromEntries(entries) : value) as T;
  }
  return value;
}
