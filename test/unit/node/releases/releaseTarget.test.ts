import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { GitError } from '../../../../src/node/git/gitError';
import { openPromptFile } from '../../../../src/node/promptFileInRepository';
import { breakingChangesBetween } from '../../../../src/node/releases/releaseTarget';
import { createReleaseRepository, sha256, summarizeV1, summarizeV3, type ReleaseRepository } from '../../cli/releases/releaseFixture';

// The comparison promote and canary show before a move: a version it cannot read is no reason to stop
// the move, but a failure of git itself (cancelled, not installed) is not a version it cannot read.
describe('The breaking changes between what a label serves and what replaces it', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  const open = () => openPromptFile(path.join(repo.fixture.root, 'support', 'summarize.prompt'));
  const v1 = () => ({ commit: repo.v1, path: 'support/summarize.prompt', sha256: sha256(summarizeV1) });
  const v3 = () => ({ commit: repo.v3, path: 'support/summarize.prompt', sha256: sha256(summarizeV3) });

  it('lists the input changes from v1 to v3: a required variable added', async () => {
    const changes = await breakingChangesBetween(await open(), v1(), v3());
    assert.deepEqual(
      changes.map((change) => `${change.kind} ${change.variable}`),
      ['added-without-default customer'],
    );
  });

  it('compares nothing when the version the label serves names a commit this clone lacks', async () => {
    const missing = { ...v1(), commit: 'f'.repeat(40) };
    assert.deepEqual(await breakingChangesBetween(await open(), missing, v3()), []);
  });

  it('compares nothing when the version the label serves names a path its commit lacks', async () => {
    const elsewhere = { ...v1(), path: 'support/summarize-old.prompt' };
    assert.deepEqual(await breakingChangesBetween(await open(), elsewhere, v3()), []);
  });

  it('compares nothing when either version is not in a prompt format (a path written into the manifest by hand)', async () => {
    // The same text as v1 under a name no prompt format has: read as a prompt, it would lack v3's required customer.
    const notes = repo.fixture.commit('notes', { files: { 'support/summarize.txt': summarizeV1 } });
    const text = { commit: notes, path: 'support/summarize.txt', sha256: sha256(summarizeV1) };
    assert.deepEqual(await breakingChangesBetween(await open(), text, v3()), []);
    assert.deepEqual(await breakingChangesBetween(await open(), v3(), text), []);
  });

  it('fails as cancelled when the move is cancelled while it compares, instead of moving without a comparison', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(breakingChangesBetween(await open(), v1(), v3(), { signal: controller.signal }), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.deepEqual([error.kind, error.message], ['cancelled', 'The git command was cancelled.']);
      return true;
    });
  });

  it('fails with the sentence for a missing git instead of moving without a comparison', async () => {
    const file = await open();
    const withoutGit = { ...file, repository: { ...file.repository, gitPath: path.join(repo.fixture.root, 'no-such-git') } };
    await assert.rejects(breakingChangesBetween(withoutGit, v1(), v3()), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.deepEqual([error.kind, error.message], ['gitMissing', `Git was not found at ${path.join(repo.fixture.root, 'no-such-git')}; install Git to see prompt versions.`]);
      return true;
    });
  });
});
