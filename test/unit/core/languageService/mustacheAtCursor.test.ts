import * as assert from 'node:assert/strict';
import { mustacheAt } from '../../../../src/core/formats/dotprompt/languageService/mustacheAtCursor';

/** The tag context at the `|` in a text. */
function at(marked: string): unknown {
  const local = marked.indexOf('|');
  return mustacheAt(marked.replace('|', ''), local);
}

describe('The tag at the cursor', () => {
  it('tells each kind of tag by its sigil and keeps what was typed after it', () => {
    assert.deepEqual(at('Hi {{na|'), { sigil: 'plain', typed: 'na' });
    assert.deepEqual(at('{{#ea|'), { sigil: 'block', typed: 'ea' });
    assert.deepEqual(at('{{^ite|'), { sigil: 'inverse', typed: 'ite' });
    assert.deepEqual(at('{{#if a}}x{{/i|'), { sigil: 'close', typed: 'i' });
    assert.deepEqual(at('{{> sty|'), { sigil: 'partial', typed: ' sty' });
    assert.deepEqual(at('{{#> lay|'), { sigil: 'partial', typed: ' lay' });
    assert.deepEqual(at('{{&raw|'), { sigil: 'plain', typed: 'raw' });
    assert.deepEqual(at('{{#if a}}{{else if b|'), { sigil: 'block', typed: 'if b' });
    assert.deepEqual(at('{{{~tri|'), { sigil: 'plain', typed: 'tri' });
  });

  it('offers nothing outside tags, in closed tags, in strings, escaped tags, comments and decorators', () => {
    assert.equal(at('|'), undefined);
    assert.equal(at('plain text|'), undefined);
    assert.equal(at('{{name}} after|'), undefined);
    assert.equal(at('{{role "sys|'), undefined);
    assert.equal(at('{{role "a\\"b|'), undefined);
    assert.deepEqual(at('{{role "a" b|'), { sigil: 'plain', typed: 'role "a" b' });
    assert.equal(at('\\{{name|'), undefined);
    assert.deepEqual(at('\\\\{{name|'), { sigil: 'plain', typed: 'name' });
    assert.equal(at('{{! note|'), undefined);
    assert.equal(at('{{#*inline "x"|'), undefined);
  });

  it('offers nothing inside a raw block\'s content, and again after it closes', () => {
    assert.equal(at('{{{{raw}}}} {{na|'), undefined);
    assert.deepEqual(at('{{{{raw}}}} {{x}} {{{{/raw}}}} {{na|'), { sigil: 'plain', typed: 'na' });
    assert.equal(at('{{!-- {{na| --}}'), undefined);
    assert.equal(at('{{!-- {{na|'), undefined, 'a comment left open runs to the end of the text');
    assert.deepEqual(at('{{!-- c --}} {{na|'), { sigil: 'plain', typed: 'na' });
  });
});
