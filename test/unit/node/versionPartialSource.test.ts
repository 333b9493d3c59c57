import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { openPromptFile } from '../../../src/node/promptFileInRepository';
import { partialFileAt, partialSourceAt } from '../../../src/node/versionPartialSource';
import { GitFixture } from './gitFixture';

describe('Partials as a version has them', () => {
  let fixture: GitFixture;
  let first: string;
  let second: string;

  beforeEach(() => {
    fixture = GitFixture.create();
    first = fixture.commit('v1', { files: { 'prompts/greet.prompt': '{{> style}}\n', 'partials/_style.prompt': 'top style' } });
    second = fixture.commit('v2', { files: { 'prompts/_style.prompt': 'near style' } });
  });

  afterEach(() => fixture.dispose());

  async function open() {
    return openPromptFile(path.join(fixture.root, 'prompts', 'greet.prompt'));
  }

  it('in the working tree, a partial is found with its repository-relative path', async () => {
    fixture.write('prompts/_style.prompt', 'working style');
    const find = partialFileAt(await open(), { kind: 'working', path: 'prompts/greet.prompt' });
    assert.deepEqual(await find('style'), { path: 'prompts/_style.prompt', text: 'working style' });
    assert.equal(await find('missing'), undefined);
  });

  it('in a commit, the nearest candidate the commit has wins, with its path', async () => {
    const file = await open();
    assert.deepEqual(await partialFileAt(file, { kind: 'commit', commit: first, path: 'prompts/greet.prompt' })('style'), { path: 'partials/_style.prompt', text: 'top style' });
    assert.deepEqual(await partialFileAt(file, { kind: 'commit', commit: second, path: 'prompts/greet.prompt' })('style'), { path: 'prompts/_style.prompt', text: 'near style' });
    assert.equal(await partialFileAt(file, { kind: 'commit', commit: second, path: 'prompts/greet.prompt' })('missing'), undefined);
  });

  it('a partial name that cannot be a file, or a version that is no prompt file, finds nothing', async () => {
    const file = await open();
    assert.equal(await partialFileAt(file, { kind: 'commit', commit: second, path: 'prompts/greet.prompt' })('../style'), undefined);
    assert.equal(await partialFileAt(file, { kind: 'commit', commit: second, path: 'prompts/greet.txt' })('style'), undefined);
  });

  it('the partial source gives just the text, at a commit or in the working tree', async () => {
    const file = await open();
    assert.equal(await partialSourceAt(file, { kind: 'commit', commit: first, path: 'prompts/greet.prompt' })('style'), 'top style');
    assert.equal(await partialSourceAt(file, { kind: 'working', path: 'prompts/greet.prompt' })('style'), 'near style');
  });
});
