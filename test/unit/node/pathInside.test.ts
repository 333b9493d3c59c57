import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { relativeInside } from '../../../src/node/pathInside';

describe('relativeInside: what lies inside a folder', () => {
  const root = path.join(path.sep, 'repo');

  it('gives the path under the folder, as path.relative writes it', () => {
    assert.equal(relativeInside(root, path.join(root, 'prompts', 'a.prompt')), path.join('prompts', 'a.prompt'));
  });

  it('counts a name that only starts with two dots as inside: "..releases.yaml", "..hidden/x"', () => {
    assert.equal(relativeInside(root, path.join(root, '..releases.yaml')), '..releases.yaml');
    assert.equal(relativeInside(root, path.join(root, '..hidden', 'x.prompt')), path.join('..hidden', 'x.prompt'));
  });

  it('refuses the folder itself, its parent, a sibling, and a sibling whose name starts with the folder\'s', () => {
    assert.equal(relativeInside(root, root), undefined);
    assert.equal(relativeInside(root, path.sep), undefined);
    assert.equal(relativeInside(root, path.join(path.sep, 'other', 'a.prompt')), undefined);
    assert.equal(relativeInside(root, path.join(path.sep, 'repo2', 'a.prompt')), undefined);
    assert.equal(relativeInside(root, path.join(root, '..', 'outside.yaml')), undefined);
  });
});
