import * as assert from 'node:assert/strict';
import { CatFileBatch } from '../../../../src/node/git/catFileBatch';
import { GitError } from '../../../../src/node/git/gitError';
import { gitVersionOf, isAtLeast, parseGitVersion } from '../../../../src/node/git/gitVersion';
import { GitFixture } from '../gitFixture';

describe('Reading many objects through one git cat-file', () => {
  let fixture: GitFixture;

  beforeEach(() => {
    fixture = GitFixture.create();
  });

  afterEach(() => fixture.dispose());

  for (const buffered of [false, true]) {
    it(`answers every request in order, missing objects as errors (${buffered ? '--batch-command --buffer' : '--batch'})`, async function () {
      if (buffered && !isAtLeast(await gitVersionOf(), [2, 36])) this.skip();
      const id = fixture.commit('files', { files: { 'dir ü/a.prompt': 'A\n', 'b.prompt': Buffer.from([0, 1, 2, 10, 255]) } });
      const batch = new CatFileBatch({ cwd: fixture.root }, buffered);
      const [a, b, missing, byPath] = [
        batch.read(fixture.git(['rev-parse', `${id}:dir ü/a.prompt`])),
        batch.read(fixture.git(['rev-parse', `${id}:b.prompt`])),
        batch.read('0123456789012345678901234567890123456789'),
        batch.read(`${id}:dir ü/a.prompt`),
      ];
      assert.equal((await a).toString('utf8'), 'A\n');
      assert.deepEqual(await b, Buffer.from([0, 1, 2, 10, 255]));
      await assert.rejects(missing, (error: unknown) => error instanceof GitError && error.kind === 'unknownRevision');
      assert.equal((await byPath).toString('utf8'), 'A\n');
      batch.close();
    });
  }

  it('rejects pending and later requests when git cannot start', async () => {
    const batch = new CatFileBatch({ cwd: fixture.root, gitPath: 'promptops-no-such-git' }, false);
    await assert.rejects(batch.read('HEAD'), (error: unknown) => error instanceof GitError && error.kind === 'gitMissing');
    await assert.rejects(batch.read('HEAD'), (error: unknown) => error instanceof GitError && error.kind === 'gitMissing');
  });
});

describe('Git versions', () => {
  it('reads release and vendor version strings', () => {
    assert.deepEqual(parseGitVersion('git version 2.39.5\n'), [2, 39, 5]);
    assert.deepEqual(parseGitVersion('git version 2.45.1.windows.1'), [2, 45, 1]);
    assert.deepEqual(parseGitVersion('git version 2.36'), [2, 36, 0]);
    assert.deepEqual(parseGitVersion('nonsense'), [0]);
  });

  it('compares versions part by part', () => {
    assert.equal(isAtLeast([2, 36, 0], [2, 36]), true);
    assert.equal(isAtLeast([2, 35, 9], [2, 36]), false);
    assert.equal(isAtLeast([3, 0, 0], [2, 36]), true);
    assert.equal(isAtLeast([0], [2, 36]), false);
  });
});
