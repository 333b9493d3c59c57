import * as assert from 'node:assert/strict';
import { errorDescription, failureSentence, isProgrammingError } from '../../../src/core/document/errorDescription';
import { GitError } from '../../../src/node/git/gitError';

describe('Describing failures for the log and the notification', () => {
  it('the log keeps git\'s stderr and every cause, one per line', () => {
    const cause = new GitError('notARepository', '/tmp/x is not inside a Git repository.', 'fatal: not a git repository (or any of the parent directories): .git\n');
    const error = new Error('Cannot read the versions of a.prompt.', { cause });
    assert.equal(
      errorDescription(error),
      [
        'Error: Cannot read the versions of a.prompt.',
        'caused by: GitError: /tmp/x is not inside a Git repository.',
        '  stderr: fatal: not a git repository (or any of the parent directories): .git',
      ].join('\n'),
    );
  });

  it('a cause that is not an Error is kept as text, and a cycle of causes ends', () => {
    const looping = new Error('outer');
    looping.cause = looping;
    assert.equal(errorDescription(looping), 'Error: outer');
    assert.equal(errorDescription(new Error('outer', { cause: 'EACCES' })), 'Error: outer\ncaused by: EACCES');
  });

  it('follows a chain of causes eight deep, no further', () => {
    let error: Error = new Error('cause 10');
    for (let level = 9; level >= 0; level--) error = new Error(`cause ${level}`, { cause: error });
    assert.deepEqual(errorDescription(error).split('\n'), ['Error: cause 0', ...Array.from({ length: 7 }, (_, index) => `caused by: Error: cause ${index + 1}`)]);
  });

  it('a programming error keeps its stack in the log', () => {
    const description = errorDescription(new TypeError("Cannot read properties of undefined (reading 'commit')"));
    const [first, second] = description.split('\n');
    assert.equal(first, "TypeError: Cannot read properties of undefined (reading 'commit')");
    assert.match(second ?? '', /^ {2}at /);
  });

  it('control characters from git cannot forge a log line', () => {
    assert.equal(errorDescription(new GitError('failed', 'Git failed: x.', 'bad\u001b[31m\rname')), 'GitError: Git failed: x.\n  stderr: bad\\x1b[31m\\rname');
  });

  it('the notification shows the first line of the message only', () => {
    assert.equal(failureSentence(new Error('The manifest does not parse.\n  at line 3')), 'The manifest does not parse.');
    assert.equal(failureSentence('plain text'), 'plain text');
  });

  it('TypeError and ReferenceError are programming errors; git failures and plain errors are not', () => {
    assert.deepEqual(
      [new TypeError('x'), new ReferenceError('y'), new GitError('gitMissing', 'Git is not installed.'), new Error('z'), new SyntaxError('bad JSON')].map(isProgrammingError),
      [true, true, false, false, false],
    );
  });
});
