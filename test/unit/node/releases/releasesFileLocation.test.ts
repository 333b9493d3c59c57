import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveReleasesFile } from '../../../../src/node/releases/releasesFileLocation';

describe('Where the release manifest setting puts the manifest', () => {
  let temp: string;
  let root: string;
  beforeEach(() => {
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-releases-file-')));
    root = path.join(temp, 'repo');
    fs.mkdirSync(root);
  });
  afterEach(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('an unset, empty or blank setting means prompt-releases.yaml at the root', () => {
    for (const setting of [undefined, '', '   ']) {
      assert.deepEqual(resolveReleasesFile(root, setting), { releasesFile: 'prompt-releases.yaml', manifestFile: path.join(root, 'prompt-releases.yaml') }, JSON.stringify(setting));
    }
  });

  it('a manifest in folders that do not exist yet is inside the repository, named with / separators', () => {
    assert.deepEqual(resolveReleasesFile(root, 'config/releases/prompts.yaml'), {
      releasesFile: 'config/releases/prompts.yaml',
      manifestFile: path.join(root, 'config', 'releases', 'prompts.yaml'),
    });
  });

  it('a manifest whose name starts with two dots is inside the repository; one in the parent folder is not', () => {
    assert.deepEqual(resolveReleasesFile(root, '..releases.yaml'), { releasesFile: '..releases.yaml', manifestFile: path.join(root, '..releases.yaml') });
    assert.throws(() => resolveReleasesFile(root, '../releases.yaml'), { message: `The release manifest setting "../releases.yaml" is outside the repository at ${root}; name a file inside it (relative to its root).` });
  });

  it('the repository root itself is not a manifest file', () => {
    assert.throws(() => resolveReleasesFile(root, '.'), { message: `The release manifest setting "." is outside the repository at ${root}; name a file inside it (relative to its root).` });
  });

  it('a repository opened through a symbolic link keeps its manifest inside', () => {
    const linked = path.join(temp, 'linked');
    fs.symlinkSync(root, linked);
    assert.deepEqual(resolveReleasesFile(linked, 'prompt-releases.yaml'), { releasesFile: 'prompt-releases.yaml', manifestFile: path.join(linked, 'prompt-releases.yaml') });
  });

  it('a folder link that leads back into the repository is followed, one that leads out is refused', () => {
    fs.mkdirSync(path.join(root, 'config'));
    fs.symlinkSync(path.join(root, 'config'), path.join(root, 'settings'));
    assert.equal(resolveReleasesFile(root, 'settings/releases.yaml').releasesFile, 'settings/releases.yaml');
    fs.symlinkSync(temp, path.join(root, 'up'));
    assert.throws(() => resolveReleasesFile(root, 'up/new/releases.yaml'), {
      message: `The release manifest setting "up/new/releases.yaml" leads outside the repository at ${root} through a symbolic link; name a file inside it.`,
    });
  });

  it('.git anywhere in the path is git\'s own', () => {
    assert.throws(() => resolveReleasesFile(root, 'nested/.git/releases.yaml'), {
      message: 'The release manifest setting "nested/.git/releases.yaml" is inside .git, which is git\'s own; name a file of the working tree.',
    });
  });
});
