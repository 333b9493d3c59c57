import * as assert from 'node:assert/strict';
import { FileHistoryCursor } from '../../../../src/node/git/fileHistoryCursor';
import { openRepository, type GitRepository } from '../../../../src/node/git/gitRepository';
import { GitFixture } from '../gitFixture';

describe('File history page by page ("Load more")', () => {
  let fixture: GitFixture;
  let repository: GitRepository;

  beforeEach(async () => {
    fixture = GitFixture.create();
    repository = await openRepository(fixture.root);
  });

  afterEach(() => fixture.dispose());

  it('each page continues where the last stopped, across a rename, and the last says no more follow', async () => {
    for (let i = 1; i <= 3; i++) fixture.commit(`v${i}`, { files: { 'old.prompt': `v${i}\n` } });
    fixture.commit('rename', { renames: { 'old.prompt': 'new.prompt' } });
    for (let i = 4; i <= 5; i++) fixture.commit(`v${i}`, { files: { 'new.prompt': `v${i}\n` } });
    const cursor = new FileHistoryCursor(repository, 'new.prompt');
    const pages = [await cursor.nextPage(2), await cursor.nextPage(2), await cursor.nextPage(2), await cursor.nextPage(2)];
    assert.deepEqual(
      pages.map((page) => [page.versions.map((version) => `${version.subject} ${version.path}`), page.hasMore, page.truncated]),
      [
        [['v5 new.prompt', 'v4 new.prompt'], true, false],
        [['rename new.prompt', 'v3 old.prompt'], true, false],
        [['v2 old.prompt', 'v1 old.prompt'], false, false],
        [[], false, false],
      ],
    );
  });

  it('pages asked for at once come out in order, none twice', async () => {
    for (let i = 1; i <= 5; i++) fixture.commit(`v${i}`, { files: { 'a.prompt': `v${i}\n` } });
    const cursor = new FileHistoryCursor(repository, 'a.prompt');
    const [first, second, third] = await Promise.all([cursor.nextPage(2), cursor.nextPage(2), cursor.nextPage(2)]);
    assert.deepEqual([first, second, third].map((page) => page.versions.map((version) => version.subject)), [['v5', 'v4'], ['v3', 'v2'], ['v1']]);
  });

  it('a closed cursor has no more pages', async () => {
    for (let i = 1; i <= 3; i++) fixture.commit(`v${i}`, { files: { 'a.prompt': `v${i}\n` } });
    const cursor = new FileHistoryCursor(repository, 'a.prompt');
    assert.deepEqual((await cursor.nextPage(1)).versions.map((version) => version.subject), ['v3']);
    await cursor.close();
    assert.deepEqual(await cursor.nextPage(1), { versions: [], hasMore: false, truncated: false });
  });
});
