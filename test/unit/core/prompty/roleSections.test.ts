import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { roleLinesOf, splitRoleSections } from '../../../../src/core/formats/prompty/roleSections';

describe('Prompty role sections', () => {
  it('splits a body on its role lines, with attributes in every quoting, any case, and # headings', () => {
    const body = 'Lead text\nSYSTEM:\nBe brief.\n\n# user[name="Ana", tone=\'warm\', id=7]:\nHi\r\nassistant :\r\n\r\ntool:\nuser:\nBye';
    assert.deepEqual(splitRoleSections(body), [
      { role: 'system', attributes: {}, text: 'Lead text' },
      { role: 'system', attributes: {}, text: 'Be brief.' },
      { role: 'user', attributes: { name: 'Ana', tone: 'warm', id: '7' }, text: 'Hi' },
      { role: 'user', attributes: {}, text: 'Bye' },
    ]);
  });

  it('gives each role line its offsets and where its content starts, after \\n, \\r\\n or at the end', () => {
    const body = 'user:\r\nHi\ndeveloper:\nX\nassistant:';
    assert.deepEqual(
      roleLinesOf(body).map((line) => [line.role, line.start, line.end, line.contentStart]),
      [
        ['user', 0, 5, 7],
        ['developer', 10, 20, 21],
        ['assistant', 23, 33, 33],
      ],
    );
  });

  it('is one system message for a body without role lines, and nothing for an empty one', () => {
    assert.deepEqual(splitRoleSections('  Just text.\n'), [{ role: 'system', attributes: {}, text: 'Just text.' }]);
    assert.deepEqual(splitRoleSections(''), []);
    assert.deepEqual(splitRoleSections('user: hello'), [{ role: 'system', attributes: {}, text: 'user: hello' }], 'a role followed by text on its line is not a role line');
  });

  it('keeps every non-blank line of the body in some section', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('user:', 'system:', 'assistant:', 'text', '', '  more', 'tool[id=1]:'), { maxLength: 12 }), (lines) => {
        const sections = splitRoleSections(lines.join('\n'));
        const kept = sections.flatMap((section) => section.text.split('\n').map((line) => line.trim())).filter((line) => line !== '');
        const expected = lines.filter((line) => !/^(user|system|assistant|tool\[id=1\]):$/.test(line)).map((line) => line.trim()).filter((line) => line !== '');
        assert.deepEqual(kept, expected);
      }),
    );
  });
});
