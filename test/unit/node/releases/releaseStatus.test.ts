import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GitError } from '../../../../src/node/git/gitError';
import { openPromptFile } from '../../../../src/node/promptFileInRepository';
import { promotePrompt } from '../../../../src/node/releases/releaseActions';
import { readReleaseStatus } from '../../../../src/node/releases/releaseStatus';
import { openReleaseWorkspace } from '../../../../src/node/releases/releaseWorkspace';
import { runPromptops } from '../../cli/cliRunner';
import { createReleaseRepository, gitFailingOn, type ReleaseRepository } from '../../cli/releases/releaseFixture';

describe('Release status in a repository with no commits yet', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-no-commits-'));
    execFileSync('git', ['init', '--quiet', folder]);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('lists the labels instead of crashing for want of a HEAD, and fails on the commit the clone lacks, named in full', async () => {
    fs.writeFileSync(path.join(folder, 'greet.prompt'), 'Hello {{name}}\n');
    fs.writeFileSync(path.join(folder, 'prompt-releases.yaml'), `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${'a'.repeat(40)}, path: greet.prompt, sha256: ${'f'.repeat(64)}}\nevents: []\n`);
    assert.deepEqual(await runPromptops(['status'], folder), {
      code: 1,
      stdout: `greet  (greet.prompt)\n  production  ${'a'.repeat(40)}\n  vs production: HEAD differs, working copy differs\n`,
      stderr:
        `promptops status: prompt-releases.yaml:5:7: greet production serves ${'a'.repeat(40)}, but no event in the audit log puts it there; labels move only through promptops promote, rollback and canary, which record who and why.\n` +
        'promptops status: prompt-releases.yaml:5:28: greet production: commit aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa is not in this clone; fetch the full history (git fetch --unshallow), or the history was rewritten.\n',
    });
  });
});

describe('Release status when git fails while it reads HEAD', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  it('fails with what git said instead of taking the repository for one without commits', async () => {
    await promotePrompt(await openPromptFile(path.join(repo.fixture.root, 'support', 'summarize.prompt')), { version: repo.v1, now: () => new Date('2026-03-04T05:06:07.000Z') });
    // A git that fails the one call reading HEAD's files, as a damaged object store would, and runs every other.
    const failingGit = gitFailingOn(repo, '*" ls-tree "*', 'not a tree object');
    const workspace = await openReleaseWorkspace(repo.fixture.root, { gitPath: failingGit });
    await assert.rejects(readReleaseStatus(workspace), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.deepEqual([error.kind, error.message], ['failed', 'Git failed: not a tree object.']);
      return true;
    });
  });
});
