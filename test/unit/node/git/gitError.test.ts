import * as assert from 'node:assert/strict';
import { gitErrorFromStderr } from '../../../../src/node/git/gitError';

describe('git errors from stderr', () => {
  const cases: [string, string, string][] = [
    ['fatal: not a git repository (or any of the parent directories): .git\n', 'notARepository', '/tmp/x is not inside a Git repository.'],
    ["fatal: your current branch 'main' does not have any commits yet\n", 'noCommits', 'The branch "main" has no commits yet.'],
    ["fatal: path 'support/x.prompt' does not exist in 'HEAD'\n", 'pathNotInRevision', 'support/x.prompt does not exist in HEAD.'],
    ["fatal: path 'x.prompt' exists on disk, but not in 'a1b2c3d'\n", 'pathNotInRevision', 'x.prompt does not exist in a1b2c3d.'],
    [
      "fatal: ambiguous argument 'nope': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'\n",
      'unknownRevision',
      '"nope" is not a commit, branch or tag in this repository.',
    ],
    ["fatal: invalid object name 'HEAD~20'.\n", 'unknownRevision', '"HEAD~20" is not a commit, branch or tag in this repository.'],
    ["fatal: bad revision 'nope'\n", 'unknownRevision', '"nope" is not a commit, branch or tag in this repository.'],
    ['fatal: Not a valid object name nope\n', 'unknownRevision', '"nope" is not a commit, branch or tag in this repository.'],
    ['fatal: Needed a single revision\n', 'unknownRevision', 'That revision is not a commit in this repository.'],
    ['fatal: something new went wrong\n', 'failed', 'Git failed: something new went wrong.'],
    ['fatal: bad object 1234567\n', 'unknownRevision', '"1234567" is not a commit, branch or tag in this repository.'],
    ['error: object 1234567 is a tree, not a commit\nfatal: expected commit type, but the object dereferences to tree type\n', 'unknownRevision', 'That revision is not a commit in this repository.'],
    [
      "fatal: detected dubious ownership in repository at '/tmp/x'\nTo add an exception for this directory, call:\n\n\tgit config --global --add safe.directory /tmp/x\n",
      'failed',
      'Git refuses to read /tmp/x because another user owns it; add it to safe.directory to trust it.',
    ],
    ['\n\nerror: cannot lock ref.\nmore\n', 'failed', 'Git failed: cannot lock ref.'],
  ];
  for (const [stderr, kind, message] of cases) {
    it(`"${stderr.split('\n')[0] ?? ''}" is ${kind}`, () => {
      const error = gitErrorFromStderr(stderr, 128, '/tmp/x');
      assert.equal(error.kind, kind);
      assert.equal(error.message, message);
    });
  }

  it('names the exit code when git says nothing', () => {
    const error = gitErrorFromStderr('  \n', 129, '/tmp/x');
    assert.deepEqual([error.kind, error.message, error.stderr], ['failed', 'Git failed: git exited with code 129.', '  \n']);
  });
});
