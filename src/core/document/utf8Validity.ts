import { createTextDocument, type Position } from './textDocument';

/** Length of the valid UTF-8 sequence starting at `at`, or 0 when the bytes there are not UTF-8 (RFC 3629: no overlongs, surrogates or values past U+10FFFF). */
function sequenceLength(bytes: Uint8Array, at: number): number {
  const lead = bytes[at] ?? 0;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i];
    if (byte === undefined) return 0;
    if (i === 1 ? byte < low || byte > high : byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

/** The offset of the first byte that does not start a valid UTF-8 sequence, or undefined when all of them are UTF-8. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  for (let at = 0; at < bytes.length; ) {
    const length = sequenceLength(bytes, at);
    if (length === 0) return at;
    at += length;
  }
  return undefined;
}

/**
 * Where the first byte that is not UTF-8 sits, as the editor counts positions (0-based line and
 * UTF-16 character, after a byte order mark), so a problem with it can point at its line.
 */
export function firstInvalidUtf8Position(bytes: Uint8Array): Position | undefined {
  const offset = firstInvalidUtf8Offset(bytes);
  if (offset === undefined) return undefined;
  const before = createTextDocument(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(0, offset)));
  return before.positionAt(before.text.length);
}
