import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { fileHistory, readFileHistoryPage, type FileVersion } from '../../../../src/node/git/fileHistory';
import { GitError } from '../../../../src/node/git/gitError';
import { openRepository, type GitRepository } from '../../../../src/node/git/gitRepository';
import { GitFixture } from '../gitFixture';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function summary(versions: readonly FileVersion[]): string[] {
  return versions.map((version) => `${version.subject} @ ${version.path}`);
}

describe('File history from git', () => {
  let fixture: GitFixture;
  let repository: GitRepository;

  beforeEach(async () => {
    fixture = GitFixture.create('prompt repo – ü');
    repository = await openRepository(fixture.root);
  });

  afterEach(() => fixture.dispose());

  it('lists versions newest first with the path each commit had, across a rename into a folder with spaces and unicode', async () => {
    fixture.commit('Add summarizer', { files: { 'support/summarize.prompt': 'v1\n' } });
    fixture.commit('Unrelated change', { files: { 'README.md': 'hello\n' } });
    fixture.commit('Tighten wording', { files: { 'support/summarize.prompt': 'v2\n' } });
    fixture.commit('Move to a shared folder', { renames: { 'support/summarize.prompt': 'shared prompts/résumé.prompt' } });
    fixture.commit('Add tone', { files: { 'shared prompts/résumé.prompt': 'v3\n' } });

    const { versions, truncated, hasMore } = await readFileHistoryPage(repository, 'shared prompts/résumé.prompt');

    assert.deepEqual(summary(versions), [
      'Add tone @ shared prompts/résumé.prompt',
      'Move to a shared folder @ shared prompts/résumé.prompt',
      'Tighten wording @ support/summarize.prompt',
      'Add summarizer @ support/summarize.prompt',
    ]);
    assert.deepEqual(
      versions.map((version) => version.sha256),
      [sha256('v3\n'), sha256('v2\n'), sha256('v2\n'), sha256('v1\n')],
    );
    assert.equal(truncated, false);
    assert.equal(hasMore, false);
  });

  it('gives each version its full commit SHA, ISO author date, author and subject', async () => {
    const id = fixture.commit('Add greeting', { files: { 'greet.prompt': 'hi\n' }, author: { name: 'Grace Hopper', email: 'grace@example.com' } });
    const [version] = (await readFileHistoryPage(repository, 'greet.prompt')).versions;
    assert.deepEqual(version, {
      id,
      path: 'greet.prompt',
      date: '2026-01-01T09:00:00+00:00',
      authorName: 'Grace Hopper',
      authorEmail: 'grace@example.com',
      subject: 'Add greeting',
      blob: fixture.git(['rev-parse', `${id}:greet.prompt`]),
      sha256: sha256('hi\n'),
    });
  });

  it('keeps the versions from before a file was deleted and added again, without the deletion itself', async () => {
    fixture.commit('Add', { files: { 'a.prompt': 'first life\n' } });
    fixture.commit('Delete', { files: { 'a.prompt': null } });
    fixture.commit('Add again', { files: { 'a.prompt': 'second life\n' } });

    const { versions } = await readFileHistoryPage(repository, 'a.prompt');

    assert.deepEqual(summary(versions), ['Add again @ a.prompt', 'Add @ a.prompt']);
  });

  it('lists the changes of both merged branches, and a merge that resolved a conflict in the file', async () => {
    fixture.commit('Base', { files: { 'a.prompt': 'one\ntwo\n' } });
    fixture.git(['checkout', '--quiet', '-b', 'side']);
    fixture.commit('Side edit', { files: { 'a.prompt': 'one\nTWO\n' } });
    fixture.git(['checkout', '--quiet', 'main']);
    fixture.commit('Main edit', { files: { 'a.prompt': 'ONE\ntwo\n' } });
    fixture.commit('Main unrelated', { files: { 'other.txt': 'x\n' } });
    fixture.merge('side', 'Merge side', { 'a.prompt': 'ONE\nTWO (resolved)\n' });

    const { versions } = await readFileHistoryPage(repository, 'a.prompt');

    assert.deepEqual(summary(versions).sort(), ['Base @ a.prompt', 'Main edit @ a.prompt', 'Merge side @ a.prompt', 'Side edit @ a.prompt']);
    assert.equal(versions[0]?.subject, 'Merge side');
    assert.equal(versions[0]?.sha256, sha256('ONE\nTWO (resolved)\n'));
  });

  it('does not list a merge that only brought in a branch version unchanged', async () => {
    fixture.commit('Base', { files: { 'a.prompt': 'one\n' } });
    fixture.git(['checkout', '--quiet', '-b', 'side']);
    fixture.commit('Side edit', { files: { 'a.prompt': 'two\n' } });
    fixture.git(['checkout', '--quiet', 'main']);
    fixture.commit('Main unrelated', { files: { 'other.txt': 'x\n' } });
    fixture.merge('side', 'Merge side');

    assert.deepEqual(summary((await readFileHistoryPage(repository, 'a.prompt')).versions), ['Side edit @ a.prompt', 'Base @ a.prompt']);
  });

  it('pages through a long history: the first page says more follow, later pages skip what was shown', async () => {
    for (let i = 1; i <= 5; i++) fixture.commit(`v${i}`, { files: { 'a.prompt': `v${i}\n` } });

    const first = await readFileHistoryPage(repository, 'a.prompt', { limit: 2 });
    const second = await readFileHistoryPage(repository, 'a.prompt', { skip: 2, limit: 2 });
    const last = await readFileHistoryPage(repository, 'a.prompt', { skip: 4, limit: 2 });

    assert.deepEqual(first.versions.map((version) => version.subject), ['v5', 'v4']);
    assert.equal(first.hasMore, true);
    assert.deepEqual(second.versions.map((version) => version.subject), ['v3', 'v2']);
    assert.equal(second.hasMore, true);
    assert.deepEqual(last.versions.map((version) => version.subject), ['v1']);
    assert.equal(last.hasMore, false);
  });

  it('can stop after the first versions of the iteration without reading the rest', async () => {
    for (let i = 1; i <= 3; i++) fixture.commit(`v${i}`, { files: { 'a.prompt': `v${i}\n` } });
    const seen: string[] = [];
    for await (const version of fileHistory(repository, 'a.prompt')) {
      seen.push(version.subject);
      break;
    }
    assert.deepEqual(seen, ['v3']);
  });

  it('says the history is truncated when a shallow clone cuts it while the file already existed', async () => {
    for (let i = 1; i <= 4; i++) fixture.commit(`v${i}`, { files: { 'a.prompt': `v${i}\n` } });
    fixture.commit('Add b', { files: { 'b.prompt': 'b\n' } });
    const shallow = await openRepository(fixture.shallowClone(2));

    const cut = await readFileHistoryPage(shallow, 'a.prompt');
    const whole = await readFileHistoryPage(shallow, 'b.prompt');

    assert.deepEqual(cut.versions.map((version) => version.subject), ['v4']);
    assert.equal(cut.truncated, true);
    assert.deepEqual(whole.versions.map((version) => version.subject), ['Add b']);
    assert.equal(whole.truncated, false);
  });

  it('reads the history of a linked worktree on its own branch', async () => {
    fixture.commit('v1', { files: { 'a.prompt': 'v1\n' } });
    const worktree = fixture.addWorktree('experiment', 'work tree ü');
    fixture.commit('v2 on main', { files: { 'a.prompt': 'v2\n' } });
    fixture.git(['commit', '--quiet', '--allow-empty', '-m', 'noop'], worktree);
    const inWorktree = await openRepository(worktree);

    assert.equal(inWorktree.root, worktree);
    assert.deepEqual((await readFileHistoryPage(inWorktree, 'a.prompt')).versions.map((version) => version.subject), ['v1']);
  });

  it('is empty for a file that was never committed and in a repository without commits', async () => {
    assert.deepEqual((await readFileHistoryPage(repository, 'a.prompt')).versions, []);
    fixture.commit('Add b', { files: { 'b.prompt': 'b\n' } });
    assert.deepEqual((await readFileHistoryPage(repository, 'a.prompt')).versions, []);
  });

  it('takes a path literally: a file named with glob characters matches only itself', async () => {
    fixture.commit('Add both', { files: { '[draft] *.prompt': 'odd\n', 'd.prompt': 'plain\n' } });
    assert.deepEqual(summary((await readFileHistoryPage(repository, '[draft] *.prompt')).versions), ['Add both @ [draft] *.prompt']);
  });

  it('stops with a cancelled error when the signal is aborted', async () => {
    fixture.commit('v1', { files: { 'a.prompt': 'v1\n' } });
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(readFileHistoryPage(repository, 'a.prompt', { signal: controller.signal }), (error: unknown) => error instanceof GitError && error.kind === 'cancelled');
  });
});
