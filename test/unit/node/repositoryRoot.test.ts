import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { findRepositoryRoot } from '../../../src/node/repositoryRoot';

function filesWith(...existing: string[]) {
  const set = new Set(existing.map((file) => path.resolve(file)));
  const asked: string[] = [];
  return { asked, exists: (file: string) => (asked.push(file), set.has(file)) };
}

describe('The repository root of a folder', () => {
  const top = path.resolve('/work/space');

  it('is the nearest folder at or above the start that holds .git', () => {
    const files = filesWith(path.join(top, '.git'), path.join(top, 'nested', '.git'));
    assert.equal(findRepositoryRoot(path.join(top, 'nested', 'deep', 'er'), files), path.join(top, 'nested'));
    assert.equal(findRepositoryRoot(path.join(top, 'other'), files), top);
    assert.equal(findRepositoryRoot(top, files), top);
  });

  it('is undefined when no folder up to the file-system root holds .git, after asking about each of them once', () => {
    const files = filesWith();
    const start = path.join(top, 'a');
    assert.equal(findRepositoryRoot(start, files), undefined);
    assert.deepEqual(files.asked, [path.join(top, 'a', '.git'), path.join(top, '.git'), path.join(path.dirname(top), '.git'), path.join(path.parse(top).root, '.git')]);
  });
});
