import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitFrontMatter } from '../../../src/core/formats/dotprompt/frontMatterSplit';

// dotprompt 1.1.2 `parse.ts`; the split must agree with it on every text.
const dotpromptFrontMatter = /^---\s*(?:\r\n|\r|\n)([\s\S]*?)(?:\r\n|\r|\n)---\s*(?:\r\n|\r|\n)([\s\S]*)$/;

function viaRegex(text: string): { yaml: string; body: string } | undefined {
  const match = dotpromptFrontMatter.exec(text);
  if (!match || !match[1]) return undefined;
  return { yaml: match[1], body: match[2] ?? '' };
}

function viaSplit(text: string): { yaml: string; body: string } | undefined {
  const split = splitFrontMatter(text);
  if (!split.yaml) return undefined;
  return { yaml: text.slice(split.yaml.start, split.yaml.end), body: text.slice(split.bodyStart) };
}

describe('Front matter split', () => {
  it('finds YAML between --- lines and the template after them', () => {
    const text = '---\nmodel: x\n---\nHello';
    const split = splitFrontMatter(text);
    assert.deepEqual(split.yaml, { start: 4, end: 12 });
    assert.deepEqual(split.closingFence, { start: 13, end: 16 });
    assert.equal(text.slice(split.bodyStart), 'Hello');
  });

  it('treats a file without an opening --- as template only', () => {
    assert.deepEqual(splitFrontMatter('Hello {{name}}'), { bodyStart: 0 });
    assert.deepEqual(splitFrontMatter('----\nx\n---\n'), { bodyStart: 0 });
  });

  it('reports front matter that is never closed', () => {
    assert.deepEqual(splitFrontMatter('---\nmodel: x\nHello'), { bodyStart: 0, fenceProblem: 'unclosed' });
  });

  it('reports empty front matter, which dotprompt renders as text', () => {
    assert.deepEqual(splitFrontMatter('---\n\n---\nHello'), { bodyStart: 0, fenceProblem: 'empty' });
    assert.deepEqual(splitFrontMatter('---\n---\nHello'), { bodyStart: 0, fenceProblem: 'empty' });
  });

  it('accepts CRLF and trailing spaces on the fences', () => {
    const text = '---  \r\nmodel: x\r\n---\t\r\n\r\nHello';
    assert.deepEqual(viaSplit(text), { yaml: 'model: x', body: 'Hello' });
  });

  it('needs a line break after the closing fence, as dotprompt does', () => {
    assert.equal(splitFrontMatter('---\nmodel: x\n---').yaml, undefined);
  });

  it("splits every text exactly like dotprompt's regular expression", () => {
    const piece = fc.constantFrom('---', '-', '\n', '\r\n', '\r', ' ', '\t', 'a: 1', 'x', '\u00a0', '--- ', '----');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(viaSplit(text), viaRegex(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('stays fast on a long run of blank lines after the opening fence', () => {
    const text = `---${'\n'.repeat(200_000)}x`;
    const started = Date.now();
    assert.equal(splitFrontMatter(text).fenceProblem, 'unclosed');
    assert.ok(Date.now() - started < 2000);
  });
});
