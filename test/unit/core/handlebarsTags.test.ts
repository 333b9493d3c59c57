import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findTagEnd, scanHandlebarsTags } from '../../../src/core/formats/dotprompt/handlebarsTags';

/** Each tag as [kind, name, its text, closed]. */
function tagsOf(source: string): [string, string, string, boolean][] {
  return scanHandlebarsTags(source).tags.map((tag) => [tag.kind, tag.name, source.slice(tag.start, tag.end), tag.closed]);
}

describe('the tolerant Handlebars tag scan', () => {
  it('classifies every kind of tag, with the block name as written', () => {
    assert.deepEqual(tagsOf('{{#each items}}{{this}}{{else}}none{{/each}}'), [
      ['open', 'each', '{{#each items}}', true],
      ['mustache', '', '{{this}}', true],
      ['else', '', '{{else}}', true],
      ['close', 'each', '{{/each}}', true],
    ]);
    assert.deepEqual(tagsOf('{{ else }}{{~else~}}{{else if x}}{{^}}{{~^~}}{{elsewhere}}{{else.x}}'), [
      ['else', '', '{{ else }}', true],
      ['else', '', '{{~else~}}', true],
      ['else', '', '{{else if x}}', true],
      ['else', '', '{{^}}', true],
      ['else', '', '{{~^~}}', true],
      ['mustache', '', '{{elsewhere}}', true],
      ['mustache', '', '{{else.x}}', true],
    ]);
    assert.deepEqual(tagsOf('{{^items}}{{/items}}{{#> layout}}{{/layout}}{{#*inline "row"}}{{/inline}}{{> footer}}{{~#if a~}}{{~/if~}}'), [
      ['open', 'items', '{{^items}}', true],
      ['close', 'items', '{{/items}}', true],
      ['open', 'layout', '{{#> layout}}', true],
      ['close', 'layout', '{{/layout}}', true],
      ['open', 'inline', '{{#*inline "row"}}', true],
      ['close', 'inline', '{{/inline}}', true],
      ['partial', 'footer', '{{> footer}}', true],
      ['open', 'if', '{{~#if a~}}', true],
      ['close', 'if', '{{~/if~}}', true],
    ]);
  });

  it('takes every white-space character Handlebars does as the end of a block name', () => {
    for (const space of [' ', '\t', '\n', '\r', '\f', '\v']) {
      assert.deepEqual(tagsOf(`{{#each${space}items}}{{else${space}}}{{/each}}`).map(([kind, name]) => [kind, name]), [
        ['open', 'each'],
        ['else', ''],
        ['close', 'each'],
      ], JSON.stringify(space));
    }
  });

  it('skips comments (short, long and with }} inside), raw blocks and escaped mustaches', () => {
    assert.deepEqual(tagsOf('{{! short }}{{!-- has }} inside --}}{{~!-- trimmed --~}}{{x}}'), [
      ['comment', '', '{{! short }}', true],
      ['comment', '', '{{!-- has }} inside --}}', true],
      ['comment', '', '{{~!-- trimmed --~}}', true],
      ['mustache', '', '{{x}}', true],
    ]);
    assert.deepEqual(tagsOf('{{{{raw}}}} {{#if}} {{{{/raw}}}}{{y}}'), [
      ['raw-open', 'raw', '{{{{raw}}}}', true],
      ['raw-close', 'raw', '{{{{/raw}}}}', true],
      ['mustache', '', '{{y}}', true],
    ]);
    assert.deepEqual(tagsOf('\\{{literal}} \\\\{{real}}'), [['mustache', '', '{{real}}', true]]);
  });

  it('finds a tag end past strings and [literal] segments holding braces, and through a triple stash', () => {
    assert.deepEqual(tagsOf('{{say "a }} b"}}{{[odd}}name]}}{{{html}}}{{say "q\\"}}"}}'), [
      ['mustache', '', '{{say "a }} b"}}', true],
      ['mustache', '', '{{[odd}}name]}}', true],
      ['mustache', '', '{{{html}}}', true],
      ['mustache', '', '{{say "q\\"}}"}}', true],
    ]);
    assert.deepEqual(tagsOf('{{[a\\]}}b]}}'), [['mustache', '', '{{[a\\]}}b]}}', true]], 'an escaped ] does not end a segment');
  });

  it('stops at a tag, string, segment or comment never closed, and marks it open to the end', () => {
    for (const source of ['a {{x', 'a {{say "x}}', "a {{say 'x}}", 'a {{[x}}', 'a {{!-- note }}', 'a {{! note']) {
      const { tags } = scanHandlebarsTags(`${source}`);
      assert.deepEqual(
        tags.map((tag) => [tag.start, tag.end, tag.closed]),
        [[2, source.length, false]],
        source,
      );
    }
    assert.deepEqual(findTagEnd('{{a (b (c))}}', 0), { end: 13, closed: true, parenDepth: 2 });
    assert.deepEqual(findTagEnd('{{a (b "(" [)]', 0), { end: 14, closed: false, parenDepth: 1 });
  });

  it('pairs blocks structurally, reports the unclosed ones innermost last, and the first too deep or too many', () => {
    const scan = scanHandlebarsTags('{{#a}}{{#b}}{{/b}}{{#c}}{{#d}}', 1, 10);
    assert.deepEqual(
      scan.pairs.map((pair) => [pair.open.name, pair.close?.name, pair.depth]),
      [
        ['a', undefined, 1],
        ['b', 'b', 2],
        ['c', undefined, 2],
        ['d', undefined, 3],
      ],
    );
    assert.deepEqual(scan.unclosed.map((tag) => tag.name), ['a', 'c', 'd']);
    assert.equal(scan.tooDeep?.name, 'b');
    assert.equal(scan.tooMany, undefined);
    const many = scanHandlebarsTags('{{a}}{{b}}{{c}}', Number.POSITIVE_INFINITY, 2);
    assert.deepEqual([many.tags.length, many.tooMany?.start], [2, 10]);
    assert.equal(scanHandlebarsTags('{{x (a (b))}}', 1).tooDeep?.start, 0, 'sub-expressions count toward the depth');
    assert.equal(scanHandlebarsTags('{{/x}}{{#y}}{{/y}}').pairs[0]?.close?.name, 'y', 'a close with nothing open is skipped');
  });

  it('never throws and keeps every tag inside the text, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('{{', '}}', '{{{{', '}}}}', '#', '/', '^', '~', '!', '--', '"', "'", '[', ']', '(', ')', '\\', 'else', ' ', 'x', '\n', '>'), { maxLength: 40 }), (parts) => {
        const source = parts.join('');
        const { tags } = scanHandlebarsTags(source, 3, 20);
        let previous = 0;
        for (const tag of tags) {
          assert.ok(tag.start >= previous && tag.start < tag.end && tag.end <= source.length, JSON.stringify(source));
          assert.ok(source.startsWith('{{', tag.start));
          previous = tag.end;
        }
      }),
      { numRuns: 500 },
    );
  });
});
