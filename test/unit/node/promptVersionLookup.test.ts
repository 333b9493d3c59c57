import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { GitError } from '../../../src/node/git/gitError';
import { openRepository } from '../../../src/node/git/gitRepository';
import { findPromptVersions, isSha256 } from '../../../src/node/promptVersionLookup';
import { fixtureAuthor, GitFixture } from './gitFixture';

const noReleases = { prompts: new Map(), events: [] } as const;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('Finding prompt versions by hash or commit', () => {
  let fixture: GitFixture;

  beforeEach(() => {
    fixture = GitFixture.create();
  });

  afterEach(() => fixture.dispose());

  it('only 64 hex digits, in either case, are a SHA-256', () => {
    assert.equal(isSha256('a'.repeat(64)), true);
    assert.equal(isSha256('A'.repeat(64)), true);
    assert.equal(isSha256('a'.repeat(63)), false);
    assert.equal(isSha256('a'.repeat(65)), false);
    assert.equal(isSha256(`${'a'.repeat(63)}g`), false);
    assert.equal(isSha256(`x${'a'.repeat(64)}`), false);
  });

  it('a hash finds every commit whose prompt file has those bytes, oldest first, whatever the hash\'s case', async () => {
    const first = fixture.commit('add greet', { files: { 'greet.prompt': 'hello\n', 'notes.txt': 'hello\n' } });
    fixture.commit('change greet', { files: { 'greet.prompt': 'hi\n' } });
    const back = fixture.commit('back to hello', { files: { 'greet.prompt': 'hello\n', 'copy.prompty': 'hello\n' } });
    const found = await findPromptVersions(await openRepository(fixture.root), noReleases, sha('hello\n').toUpperCase());
    assert.deepEqual(
      found.map((version) => [version.commit, version.path, version.promptId, version.source.toString('utf8'), version.sha256]),
      [
        [first, 'greet.prompt', 'greet', 'hello\n', sha('hello\n')],
        [back, 'greet.prompt', 'greet', 'hello\n', sha('hello\n')],
        [back, 'copy.prompty', 'copy', 'hello\n', sha('hello\n')],
      ],
    );
    assert.deepEqual([found[0]?.subject, found[0]?.authorName, found[0]?.authorEmail, found[0]?.date], ['add greet', fixtureAuthor.name, fixtureAuthor.email, '2026-01-01T09:00:00+00:00']);
  });

  it('a commit finds the prompt files it changed, not deleted ones or other files', async () => {
    fixture.commit('add', { files: { 'a.prompt': 'a\n', 'b.prompt': 'b\n' } });
    const commit = fixture.commit('edit and delete', { files: { 'a.prompt': 'a2\n', 'b.prompt': null, 'readme.md': 'r\n' } });
    const found = await findPromptVersions(await openRepository(fixture.root), noReleases, commit.slice(0, 10));
    assert.deepEqual(
      found.map((version) => [version.commit, version.path, version.sha256]),
      [[commit, 'a.prompt', sha('a2\n')]],
    );
  });

  it('a hash no prompt file ever had finds nothing', async () => {
    fixture.commit('add', { files: { 'a.prompt': 'a\n' } });
    assert.deepEqual(await findPromptVersions(await openRepository(fixture.root), noReleases, '0'.repeat(64)), []);
  });

  it('a repository without commits has no versions of any hash', async () => {
    assert.deepEqual(await findPromptVersions(await openRepository(fixture.root), noReleases, sha('hello\n')), []);
  });

  it('an unknown commit is an unknown-revision error', async () => {
    fixture.commit('add', { files: { 'a.prompt': 'a\n' } });
    await assert.rejects(findPromptVersions(await openRepository(fixture.root), noReleases, 'nope'), (error: unknown) => error instanceof GitError && error.kind === 'unknownRevision');
  });
});
