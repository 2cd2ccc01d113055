// dotEscape: make any text safe inside a quoted DOT label, plain or record-shaped.
//
// Graphviz reads a label in three passes: the DOT lexer turns \" into ", the record parser treats
// { } | < > as structure unless backslashed, and the label maker turns \\ into \ and \n, \l, \r into
// line breaks. Backslashing every special character survives all three and shows the text as written.
// Graphviz also decodes HTML entities in every label (`&lt;` is drawn as `<`), so `&` is written as
// `&amp;`: a label shows `&lt;script&gt;` as typed. Graphviz writes < > & as entities in the SVG, so
// no label can inject markup.

import { pictureText } from './pictureText.js';

// Control characters (C0, DEL and C1) would start new lines, confuse the lexer or vanish; a label shows
// them as spaces (pictureText). A lone surrogate is not text: Graphviz would draw its WTF-8 bytes as three
// characters, so it is drawn as U+FFFD.
const plainText = (text: string): string => pictureText(text).replace(/&/g, '&amp;');

/**
 * Text for a field of a `shape=record` label, inside a DOT double-quoted string. (The record parser
 * draws a run of spaces as one and drops them at the ends; backslashed spaces would keep them but add
 * a space after every field, so labels keep Graphviz's spacing.)
 */
export function escapeRecordField(text: string): string {
  return plainText(text).replace(/[\\{}|<>"]/g, (c) => `\\${c}`);
}

/** Text for a plain label, inside a DOT double-quoted string. */
export function escapePlainLabel(text: string): string {
  return plainText(text).replace(/[\\"]/g, (c) => `\\${c}`);
}
