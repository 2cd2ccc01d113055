// servableRange: the Range headers `micrograd serve` passes on to its static file handler, checked first.

/** One range of bytes, first-last or first- (at most 15 digits each: exact as doubles and as parseInt). */
const SINGLE = /^bytes=(\d{1,15})-(\d{0,15})$/;

/**
 * `header` if it asks for one range of bytes that sirv serves correctly, else undefined: the range is
 * then ignored and the whole file sent, as RFC 9110 §14.2 allows. sirv reads the header with a bare
 * split('-'): it throws ERR_OUT_OF_RANGE from createReadStream, outside any handler, on a last byte
 * before the first (`bytes=10-5`, also inside a list such as `bytes=5-2, 0-1`), which ends the process;
 * and it misreads suffix ranges (`bytes=-5` as the first six bytes) and lists (as their first range).
 * A first byte past the end is left to sirv, which answers 416.
 */
export function servableRange(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const m = SINGLE.exec(header);
  if (m === null) return undefined;
  if (m[2] !== '' && Number(m[2]) < Number(m[1])) return undefined;
  return header;
}
