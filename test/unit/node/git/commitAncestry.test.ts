import * as assert from 'node:assert/strict';
import { isAncestorCommit } from '../../../../src/node/git/commitAncestry';
import { openRepository } from '../../../../src/node/git/gitRepository';
import { GitFixture } from '../gitFixture';

describe('Commit ancestry', () => {
  let fixture: GitFixture;

  beforeEach(() => {
    fixture = GitFixture.create();
  });

  afterEach(() => fixture.dispose());

  it('an older commit is an ancestor of a newer one, not the other way round, and a commit is its own ancestor', async () => {
    const first = fixture.commit('first', { files: { 'a.txt': '1\n' } });
    const second = fixture.commit('second', { files: { 'a.txt': '2\n' } });
    const repository = await openRepository(fixture.root);
    assert.equal(await isAncestorCommit(repository, first, second), true);
    assert.equal(await isAncestorCommit(repository, second, first), false);
    assert.equal(await isAncestorCommit(repository, second, second), true);
  });

  it('commits on unrelated branches are not ancestors of each other', async () => {
    const base = fixture.commit('base', { files: { 'a.txt': '0\n' } });
    fixture.git(['checkout', '--quiet', '-b', 'side']);
    const side = fixture.commit('side', { files: { 'a.txt': 'side\n' } });
    fixture.git(['checkout', '--quiet', 'main']);
    const main = fixture.commit('main', { files: { 'a.txt': 'main\n' } });
    const repository = await openRepository(fixture.root);
    assert.equal(await isAncestorCommit(repository, side, main), false);
    assert.equal(await isAncestorCommit(repository, base, side), true);
  });

  it('a commit the repository lacks gives no answer', async () => {
    const first = fixture.commit('first', { files: { 'a.txt': '1\n' } });
    const repository = await openRepository(fixture.root);
    assert.equal(await isAncestorCommit(repository, 'f'.repeat(40), first), undefined);
    assert.equal(await isAncestorCommit(repository, first, 'f'.repeat(40)), undefined);
  });

  it('commits of unrelated histories (no merge base) are not ancestors, rather than unknown', async () => {
    const main = fixture.commit('main', { files: { 'a.txt': 'main\n' } });
    fixture.git(['checkout', '--quiet', '--orphan', 'other']);
    const other = fixture.commit('other', { files: { 'a.txt': 'other\n' } });
    const repository = await openRepository(fixture.root);
    assert.equal(await isAncestorCommit(repository, main, other), false);
    assert.equal(await isAncestorCommit(repository, other, main), false);
  });
});
