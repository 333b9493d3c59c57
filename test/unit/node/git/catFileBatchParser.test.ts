import * as assert from 'node:assert/strict';
import { createCatFileBatchParser, type CatFileBatchEntry } from '../../../../src/node/git/catFileBatchParser';

// Literal `git cat-file --batch` answers: a blob whose content holds newlines, NUL and unicode, a
// name git does not know, and an empty blob.
const content = Buffer.from('line one\nzwei – ü\n\x00tail', 'utf8');
const output = Buffer.concat([
  Buffer.from(`3e757656cf36eca53338e520d134963a44f793f8 blob ${content.length}\n`),
  content,
  Buffer.from('\nHEAD:no such file.prompt missing\n'),
  Buffer.from('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391 blob 0\n\n'),
]);

const expected: CatFileBatchEntry[] = [
  { kind: 'object', oid: '3e757656cf36eca53338e520d134963a44f793f8', type: 'blob', content },
  { kind: 'missing', name: 'HEAD:no such file.prompt' },
  { kind: 'object', oid: 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391', type: 'blob', content: Buffer.alloc(0) },
];

describe('git cat-file --batch parser', () => {
  it('reads objects by their announced size, so content may hold newlines and NUL bytes', () => {
    assert.deepEqual(createCatFileBatchParser().push(output), expected);
  });

  it('gives the same answers whatever byte a chunk ends on', () => {
    for (let cut = 1; cut < output.length; cut++) {
      const parser = createCatFileBatchParser();
      const entries = [...parser.push(output.subarray(0, cut)), ...parser.push(output.subarray(cut))];
      assert.deepEqual(entries, expected, `cut at byte ${cut}`);
    }
  });

  it('waits for the line feed after the content before answering', () => {
    const parser = createCatFileBatchParser();
    const header = Buffer.from(`3e757656cf36eca53338e520d134963a44f793f8 blob ${content.length}\n`);
    assert.deepEqual(parser.push(Buffer.concat([header, content])), []);
    assert.deepEqual(parser.push(Buffer.from('\n')), [expected[0]]);
  });
});
