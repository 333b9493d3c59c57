import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeControlCharacters, escapeControlCharactersInLines } from '../../../src/core/document/controlCharacters';

describe('Escaping control characters', () => {
  it('makes ESC, CR, LF, tab, DEL, C1 controls, line separators and bidi overrides visible', () => {
    assert.equal(escapeControlCharacters('a\u001b[31mb\r\nc\td\u007fe\u0085f\u009bg\u2028h\u202ei\u2066j\u0000'), 'a\\x1b[31mb\\r\\nc\\td\\x7fe\\x85f\\x9bg\\u2028h\\u202ei\\u2066j\\x00');
  });

  it('leaves other text as it is, accents, emoji and backslashes included', () => {
    assert.equal(escapeControlCharacters('Zoë 😀 C:\\prompts\\a.prompt → ok'), 'Zoë 😀 C:\\prompts\\a.prompt → ok');
  });

  it('never lets a control character through, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        assert.ok(!/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(escapeControlCharacters(text)));
      }),
    );
  });

  describe('over several lines', () => {
    it('keeps LF, CRLF and tabs, and makes a lone CR, ESC, a line separator and a bidi override visible', () => {
      assert.equal(escapeControlCharactersInLines('a\tb\r\nc\rd\ne\u001b[2Jf\u2028g\u202eh\u0000\n'), 'a\tb\r\nc\\rd\ne\\x1b[2Jf\\u2028g\\u202eh\\x00\n');
    });

    it('escapes a CR at the very end, which no LF follows', () => {
      assert.equal(escapeControlCharactersInLines('overwrite me\r'), 'overwrite me\\r');
    });

    it('keeps the lines of any text and lets no other control character through', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary' }), (text) => {
          const escaped = escapeControlCharactersInLines(text);
          assert.equal(escaped.split('\n').length, text.split('\n').length);
          assert.ok(!/\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(escaped));
        }),
      );
    });
  });
});
