import * as assert from 'node:assert/strict';
import { abbreviateCommits } from '../../../../src/node/git/commitAbbreviations';
import { openRepository } from '../../../../src/node/git/gitRepository';
import { commitWithAmbiguousPrefix } from '../../../harness/ambiguousCommit';
import { GitFixture } from '../gitFixture';

describe('Commit abbreviations, as git makes them', () => {
  let fixture: GitFixture;
  afterEach(() => fixture.dispose());

  it('are 7 characters, longer where 7 would be ambiguous, and the full value for a commit the repository lacks', async () => {
    fixture = GitFixture.create();
    const plain = fixture.commit('first', { files: { 'a.prompt': 'one\n' } });
    fixture.write('a.prompt', 'two\n');
    fixture.git(['add', 'a.prompt']);
    const ambiguous = commitWithAmbiguousPrefix(fixture.root, 'second');
    const missing = `${plain.slice(0, 7)}${'0'.repeat(33)}`;
    const repository = await openRepository(fixture.root);
    const abbreviations = await abbreviateCommits(repository, [plain, ambiguous, missing, 'not a sha', plain]);
    assert.deepEqual([...abbreviations], [
      [plain, plain.slice(0, 7)],
      [ambiguous, ambiguous.slice(0, 8)],
      [missing, missing],
    ]);
    // The abbreviation is git's own: rev-parse agrees that 7 characters do not name one object.
    assert.equal(fixture.git(['rev-parse', '--short=7', ambiguous]), ambiguous.slice(0, 8));
  });
});
