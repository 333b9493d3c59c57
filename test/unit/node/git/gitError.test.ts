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
  ];
  for (const [stderr, kind, message] of cases) {
    it(`"${stderr.split('\n')[0] ?? ''}" is ${kind}`, () => {
      const error = gitErrorFromStderr(stderr, 128, '/tmp/x');
      assert.equal(error.kind, kind);
      assert.equal(error.message, message);
    });
  }
});
