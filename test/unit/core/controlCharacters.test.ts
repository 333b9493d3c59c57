import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeControlCharacters } from '../../../src/core/document/controlCharacters';

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
});
