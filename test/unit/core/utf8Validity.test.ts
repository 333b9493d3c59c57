import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { firstInvalidUtf8Offset, firstInvalidUtf8Position } from '../../../src/core/document/utf8Validity';

const fatal = new TextDecoder('utf-8', { fatal: true });

function decodes(bytes: Uint8Array): boolean {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('UTF-8 validity', () => {
  it('finds the first byte that is not UTF-8 exactly where the standard decoder stops', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const offset = firstInvalidUtf8Offset(bytes);
        assert.equal(offset === undefined, decodes(bytes));
        if (offset !== undefined) assert.ok(decodes(bytes.subarray(0, offset)), 'everything before the offset is UTF-8');
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the decoder on valid text with one corrupted byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.nat(), fc.integer({ min: 0x80, max: 0xff }), (text, at, byte) => {
        const bytes = new TextEncoder().encode(text);
        if (bytes.length > 0) bytes[at % bytes.length] = byte;
        assert.equal(firstInvalidUtf8Offset(bytes) === undefined, decodes(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the bad byte\'s line and UTF-16 column, after CRLF, a BOM and astral characters', () => {
    const text = '\uFEFFname: Zoë\r\nemoji: 😀 ';
    const bytes = new Uint8Array([...new TextEncoder().encode(text), 0xff, 0x0a]);
    assert.deepEqual(firstInvalidUtf8Position(bytes), { line: 1, character: 10 });
    assert.equal(firstInvalidUtf8Position(new TextEncoder().encode('all fine\n')), undefined);
    assert.deepEqual(firstInvalidUtf8Position(new Uint8Array([0x41, 0xc0, 0x80])), { line: 0, character: 1 }, 'an overlong encoding is not UTF-8');
    assert.deepEqual(firstInvalidUtf8Position(new Uint8Array([0xed, 0xa0, 0x80])), { line: 0, character: 0 }, 'an encoded surrogate is not UTF-8');
  });
});
