import { strict as assert } from 'node:assert';
import { duplicatePromptIdDiagnostics } from '../../../src/core/checks/duplicatePromptIds';
import type { PromptIdDeclaration } from '../../../src/core/document/promptId';

const at = (line: number, from: number, to: number) => ({ start: { line, character: from }, end: { line, character: to } });
const declared = (file: string, id: string, line = 0): PromptIdDeclaration => ({ file, id, range: at(line, 6, 6 + id.length) });

describe('duplicate prompt ids', () => {
  it('names every other file when three files share an id: "a, b and c"', () => {
    const diagnostics = duplicatePromptIdDiagnostics([
      declared('a.prompt', 'shared', 1),
      declared('b.prompt', 'shared', 2),
      declared('c.prompt', 'shared', 3),
      declared('d.prompt', 'alone'),
    ]);
    assert.deepEqual(
      diagnostics.map(({ file, range, message, related }) => ({ file, range, message, related: related?.map((item) => [item.file, item.range.start.line, item.message]) })),
      [
        {
          file: 'a.prompt',
          range: at(1, 6, 12),
          message: "The prompt id 'shared' is also the id of b.prompt and c.prompt; releases could not tell them apart, so give one of them another name.",
          related: [
            ['b.prompt', 2, "'shared' is the id of b.prompt too."],
            ['c.prompt', 3, "'shared' is the id of c.prompt too."],
          ],
        },
        {
          file: 'b.prompt',
          range: at(2, 6, 12),
          message: "The prompt id 'shared' is also the id of a.prompt and c.prompt; releases could not tell them apart, so give one of them another name.",
          related: [
            ['a.prompt', 1, "'shared' is the id of a.prompt too."],
            ['c.prompt', 3, "'shared' is the id of c.prompt too."],
          ],
        },
        {
          file: 'c.prompt',
          range: at(3, 6, 12),
          message: "The prompt id 'shared' is also the id of a.prompt and b.prompt; releases could not tell them apart, so give one of them another name.",
          related: [
            ['a.prompt', 1, "'shared' is the id of a.prompt too."],
            ['b.prompt', 2, "'shared' is the id of b.prompt too."],
          ],
        },
      ],
    );
  });

  it('lists four sharing files with commas before the last "and"', () => {
    const [first] = duplicatePromptIdDiagnostics(['w', 'x', 'y', 'z'].map((name) => declared(`${name}.prompt`, 'four')));
    assert.equal(first?.message, "The prompt id 'four' is also the id of x.prompt, y.prompt and z.prompt; releases could not tell them apart, so give one of them another name.");
    assert.equal(first?.code, 'duplicate-prompt-id');
    assert.equal(first?.severity, 'error');
    assert.deepEqual(first?.data, { code: 'duplicate-prompt-id', id: 'four' });
  });

  it('says nothing when one file declares the same id twice, or every id is distinct', () => {
    assert.deepEqual(duplicatePromptIdDiagnostics([declared('a.prompt', 'same', 1), declared('a.prompt', 'same', 4), declared('b.prompt', 'other')]), []);
    assert.deepEqual(duplicatePromptIdDiagnostics([]), []);
  });
});
