// dotEscape: make any text safe inside a quoted DOT label, plain or record-shaped.
//
// Graphviz reads a label in three passes: the DOT lexer turns \" into ", the record parser treats
// { } | < > as structure unless backslashed, and the label maker turns \\ into \ and \n, \l, \r into
// line breaks. Backslashing every special character survives all three and shows the text as written.
// Graphviz also decodes HTML entities in every label (`&lt;` is drawn as `<`), so `&` is written as
// `&amp;`: a label shows `&lt;script&gt;` as typed. Graphviz writes < > & as entities in the SVG, so
// no label can inject markup.

// Control characters would start new lines or confuse the lexer; a label shows them as spaces.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** Text for a field of a `shape=record` label, inside a DOT double-quoted string. */
export function escapeRecordField(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\{}|<>"]/g, (c) => `\\${c}`);
}

/** Text for a plain label, inside a DOT double-quoted string. */
export function escapePlainLabel(text: string): string {
  return text
    .replace(CONTROL, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\"]/g, (c) => `\\${c}`);
}
