import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { GitError } from '../../../../src/node/git/gitError';
import { openPromptFile } from '../../../../src/node/promptFileInRepository';
import { auditIdentity, breakingChangesBetween, resolveReleaseTarget } from '../../../../src/node/releases/releaseTarget';
import { createReleaseRepository, sha256, short, summarizeV1, summarizeV3, type ReleaseRepository } from '../../cli/releases/releaseFixture';

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

  it('lists the input changes between two Prompty versions, read as Prompty: a required input added', async () => {
    const reply = (inputs: string): string => `---\nname: support/reply\ninputs:\n${inputs}---\nuser:\nHello {{ who }}\n`;
    const before = reply('  - name: who\n    kind: string\n    required: true\n');
    const after = reply('  - name: who\n    kind: string\n    required: true\n  - name: topic\n    kind: string\n    required: true\n');
    const first = repo.fixture.commit('reply v1', { files: { 'support/reply.prompty': before } });
    const second = repo.fixture.commit('reply v2', { files: { 'support/reply.prompty': after } });
    const file = await openPromptFile(path.join(repo.fixture.root, 'support', 'reply.prompty'));
    const changes = await breakingChangesBetween(file, { commit: first, path: 'support/reply.prompty', sha256: sha256(before) }, { commit: second, path: 'support/reply.prompty', sha256: sha256(after) });
    assert.deepEqual(
      changes.map((change) => `${change.kind} ${change.variable}`),
      ['added-without-default topic'],
    );
  });
});

// What promote and canary resolve a VERSION to, and who the audit log says moved the label.
describe('The version a label move resolves to, and who made it', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  const open = () => openPromptFile(path.join(repo.fixture.root, 'support', 'summarize.prompt'));

  async function refusalOf(version: string): Promise<string> {
    const error = await resolveReleaseTarget(await open(), version).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof ReleaseRefusal, String(error));
    return error.message;
  }

  it('refuses @, like HEAD, while the prompt has uncommitted changes', async () => {
    const head = repo.fixture.commit('summarize v4', { files: { 'support/summarize.prompt': `${summarizeV3}More.\n` } });
    fs.appendFileSync(path.join(repo.fixture.root, 'support', 'summarize.prompt'), 'Uncommitted.\n');
    assert.equal(await refusalOf('HEAD'), 'support/summarize.prompt has uncommitted changes, so HEAD is not what the working tree shows; commit them first, or name the commit you mean.');
    assert.equal(await refusalOf('@'), 'support/summarize.prompt has uncommitted changes, so @ is not what the working tree shows; commit them first, or name the commit you mean.');
    assert.deepEqual(await resolveReleaseTarget(await open(), head), { commit: head, path: 'support/summarize.prompt', sha256: sha256(`${summarizeV3}More.\n`) });
  });

  it('resolves a commit named by its SHA when no branch is checked out (a detached HEAD, as in CI)', async () => {
    repo.fixture.git(['checkout', '--quiet', '--detach', 'HEAD']);
    assert.deepEqual(await resolveReleaseTarget(await open(), repo.v1), { commit: repo.v1, path: 'support/summarize.prompt', sha256: sha256(summarizeV1) });
    assert.deepEqual(await resolveReleaseTarget(await open(), short(repo.v1)), { commit: repo.v1, path: 'support/summarize.prompt', sha256: sha256(summarizeV1) });
  });

  it('records the user as git config has them, without the spaces around the name and the email', async () => {
    repo.fixture.git(['config', 'user.name', '  Ana Lima  ']);
    repo.fixture.git(['config', 'user.email', '  ana@example.com  ']);
    assert.equal(await auditIdentity(await open()), 'Ana Lima <ana@example.com>');
  });

  it('records the name alone when the email is blank', async () => {
    repo.fixture.git(['config', 'user.name', 'Ana Lima']);
    repo.fixture.git(['config', 'user.email', '   ']);
    assert.equal(await auditIdentity(await open()), 'Ana Lima');
  });
});
