import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitError } from '../../../../src/node/git/gitError';
import { blobsAtCommit, readBlob, readFileAtCommit, resolveCommit } from '../../../../src/node/git/gitObjects';
import { runGit } from '../../../../src/node/git/gitProcess';
import { openRepository, type GitRepository } from '../../../../src/node/git/gitRepository';
import { currentGitUser } from '../../../../src/node/git/gitUser';
import { workingCopyDiffersFromHead } from '../../../../src/node/git/workingCopyStatus';
import { fixtureAuthor, GitFixture } from '../gitFixture';

function isGitError(kind: GitError['kind'], message?: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof GitError, `expected a GitError, got ${String(error)}`);
    assert.equal(error.kind, kind);
    if (message !== undefined) assert.equal(error.message, message);
    return true;
  };
}

describe('Git repository access', () => {
  let fixture: GitFixture;
  let repository: GitRepository;

  beforeEach(async () => {
    fixture = GitFixture.create();
    repository = await openRepository(fixture.root);
  });

  afterEach(() => fixture.dispose());

  it('finds the repository root from a subfolder', async () => {
    fs.mkdirSync(path.join(fixture.root, 'deep', 'er'), { recursive: true });
    assert.equal((await openRepository(path.join(fixture.root, 'deep', 'er'))).root, fixture.root);
  });

  it('keeps a line break inside the root folder\'s name, dropping only the one git ends its answer with', async () => {
    const odd = path.join(fixture.plainFolder(), 'line\nbreak');
    fs.mkdirSync(odd);
    await runGit(['init', '--quiet'], { cwd: odd });
    assert.equal((await openRepository(odd)).root, fs.realpathSync(odd));
  });

  it('says in one sentence that a folder is not inside a repository', async () => {
    const plain = fixture.plainFolder();
    await assert.rejects(openRepository(plain), isGitError('notARepository', `${plain} is not inside a Git repository.`));
  });

  it('says in one sentence that git is missing', async () => {
    await assert.rejects(
      openRepository(fixture.root, { gitPath: 'promptops-no-such-git' }),
      isGitError('gitMissing', 'Git is not installed or "promptops-no-such-git" is not on the PATH; install Git to see prompt versions.'),
    );
  });

  it('says the folder is missing rather than git when the folder does not exist', async () => {
    await assert.rejects(openRepository(path.join(fixture.root, 'gone')), isGitError('folderMissing'));
  });

  it('says a folder in the path is a file, in one sentence, rather than throwing from spawn', async () => {
    fixture.write('notes.txt', 'mine\n');
    const inFile = path.join(fixture.root, 'notes.txt');
    await assert.rejects(openRepository(inFile), isGitError('folderMissing', `${inFile} is not a folder.`));
    await assert.rejects(runGit(['status'], { cwd: inFile }), isGitError('folderMissing', `${inFile} is not a folder.`));
  });

  it('runs git with a fixed locale, no pager and no optional locks', async () => {
    const stdout = await runGit(['var', 'GIT_PAGER'], { cwd: fixture.root });
    assert.equal(stdout.toString('utf8').trim(), 'cat');
    const environment = await runGit(['-c', 'alias.env=!env', 'env'], { cwd: fixture.root });
    assert.match(environment.toString('utf8'), /^LC_ALL=C$/m);
    assert.match(environment.toString('utf8'), /^GIT_OPTIONAL_LOCKS=0$/m);
  });

  it('resolves a short SHA, a branch and HEAD~1 to full commit SHAs', async () => {
    const first = fixture.commit('one', { files: { 'a.prompt': '1\n' } });
    const second = fixture.commit('two', { files: { 'a.prompt': '2\n' } });
    assert.equal(await resolveCommit(repository, first.slice(0, 7)), first);
    assert.equal(await resolveCommit(repository, 'main'), second);
    assert.equal(await resolveCommit(repository, 'HEAD~1'), first);
  });

  it('rejects an unknown revision, and a name that looks like an option, as unknown revisions', async () => {
    fixture.commit('one', { files: { 'a.prompt': '1\n' } });
    await assert.rejects(resolveCommit(repository, 'nope'), isGitError('unknownRevision', '"nope" is not a commit, branch or tag in this repository.'));
    await assert.rejects(resolveCommit(repository, '--all'), isGitError('unknownRevision'));
  });

  it('reads a file at a commit byte for byte, and says when the path is not in that commit', async () => {
    const bytes = Buffer.from('\ufeffline\r\nzwei ü\r\n', 'utf8');
    const id = fixture.commit('one', { files: { 'dir with space/a.prompt': bytes } });
    assert.deepEqual(await readFileAtCommit(repository, id, 'dir with space/a.prompt'), bytes);
    await assert.rejects(readFileAtCommit(repository, id, 'b.prompt'), isGitError('pathNotInRevision', `b.prompt does not exist in commit ${id}.`));
  });

  it('finds the blobs of the paths a commit holds and reads them', async () => {
    const id = fixture.commit('one', { files: { 'a.prompt': 'A\n', 'ü b.prompt': 'B\n' } });
    const blobs = await blobsAtCommit(repository, id, ['a.prompt', 'ü b.prompt', 'missing.prompt']);
    assert.deepEqual([...blobs.keys()].sort(), ['a.prompt', 'ü b.prompt']);
    assert.equal((await readBlob(repository, blobs.get('ü b.prompt') ?? '')).toString('utf8'), 'B\n');
  });

  it('tells whether the working copy differs from HEAD: clean, edited, staged, untracked', async () => {
    fixture.commit('one', { files: { 'a.prompt': '1\n' } });
    assert.equal(await workingCopyDiffersFromHead(repository, 'a.prompt'), false);
    fixture.write('a.prompt', '2\n');
    assert.equal(await workingCopyDiffersFromHead(repository, 'a.prompt'), true);
    fixture.git(['add', 'a.prompt']);
    assert.equal(await workingCopyDiffersFromHead(repository, 'a.prompt'), true);
    fixture.write('new.prompt', 'n\n');
    assert.equal(await workingCopyDiffersFromHead(repository, 'new.prompt'), true);
  });

  it('reads the current user from git config, the repository setting winning over global ones', async () => {
    assert.deepEqual(await currentGitUser(repository), { name: fixtureAuthor.name, email: fixtureAuthor.email });
    fixture.git(['config', 'user.name', 'Zoë Q']);
    assert.equal((await currentGitUser(repository)).name, 'Zoë Q');
  });
});
