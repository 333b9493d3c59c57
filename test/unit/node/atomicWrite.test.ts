import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkWritable, isTemporaryFileOf, writeFileAtomically, writeTargetOf } from '../../../src/node/atomicWrite';
import { FileSystemRefusal } from '../../../src/node/fileSystemRefusal';

describe('writing a file atomically', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-atomic-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const at = (name: string) => path.join(root, name);
  const refusal = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      assert.ok(error instanceof FileSystemRefusal, String(error));
      return error.message;
    }
    assert.fail('expected a refusal');
  };

  it('writes a new file and replaces an old one, keeping its mode exactly and leaving no temporary file', () => {
    writeFileAtomically(at('new.yaml'), 'one\n');
    assert.equal(fs.readFileSync(at('new.yaml'), 'utf8'), 'one\n');
    fs.chmodSync(at('new.yaml'), 0o640);
    writeFileAtomically(at('new.yaml'), new TextEncoder().encode('two\n'));
    assert.equal(fs.readFileSync(at('new.yaml'), 'utf8'), 'two\n');
    assert.equal(fs.statSync(at('new.yaml')).mode & 0o7777, 0o640);
    assert.deepEqual(fs.readdirSync(root), ['new.yaml']);
  });

  it('keeps the old content and removes the temporary file when the write fails before the rename', () => {
    fs.writeFileSync(at('m.yaml'), 'old\n');
    let temporary = '';
    assert.throws(
      () =>
        writeFileAtomically(at('m.yaml'), 'new\n', {
          beforeRename: (file) => {
            temporary = file;
            throw new Error('crash');
          },
        }),
      /crash/,
    );
    assert.ok(isTemporaryFileOf(at('m.yaml'), temporary), temporary);
    assert.equal(fs.readFileSync(at('m.yaml'), 'utf8'), 'old\n');
    assert.deepEqual(fs.readdirSync(root), ['m.yaml']);
  });

  it('rewrites a hard-linked file in place so every name shows the new bytes, shorter ones included', () => {
    fs.writeFileSync(at('a.yaml'), 'a long first version\n');
    fs.linkSync(at('a.yaml'), at('b.yaml'));
    writeFileAtomically(at('a.yaml'), 'short\n');
    assert.equal(fs.readFileSync(at('b.yaml'), 'utf8'), 'short\n');
    assert.equal(fs.statSync(at('a.yaml')).ino, fs.statSync(at('b.yaml')).ino);
  });

  it('writes through a symbolic link to its target and keeps the link; refuses it when links are refused, and a link to nowhere', () => {
    fs.mkdirSync(at('real'));
    fs.writeFileSync(at('real/m.yaml'), 'old\n');
    fs.symlinkSync(at('real/m.yaml'), at('link.yaml'));
    assert.equal(writeTargetOf(at('link.yaml')), fs.realpathSync(at('real/m.yaml')));
    writeFileAtomically(at('link.yaml'), 'new\n');
    assert.ok(fs.lstatSync(at('link.yaml')).isSymbolicLink());
    assert.equal(fs.readFileSync(at('real/m.yaml'), 'utf8'), 'new\n');
    assert.equal(refusal(() => writeFileAtomically(at('link.yaml'), 'x', { links: 'refuse', displayName: 'flags.json' })), 'flags.json is a symbolic link; it is written as a regular file only, never through a link.');
    fs.symlinkSync(at('nowhere.yaml'), at('dangling.yaml'));
    assert.equal(refusal(() => writeFileAtomically(at('dangling.yaml'), 'x', { displayName: 'prompt-releases.yaml' })), 'prompt-releases.yaml is a symbolic link to a file that does not exist; point it at a file, or remove it.');
    assert.equal(writeTargetOf(at('real/m.yaml')), at('real/m.yaml'), 'a regular file is its own target');
  });

  it('refuses a folder, a path under a file and a missing folder in one sentence, unless asked to create folders', () => {
    fs.mkdirSync(at('dir'));
    fs.writeFileSync(at('file'), '');
    assert.equal(refusal(() => writeFileAtomically(at('dir'), 'x', { displayName: 'out' })), 'out is a folder, not a file, so nothing was written there.');
    assert.equal(refusal(() => checkWritable(at('file/x.json'), { displayName: 'file/x.json' })), 'file is not a folder, so file/x.json cannot be written.');
    assert.equal(
      refusal(() => writeFileAtomically(at('file/deeper/x.json'), 'x', { displayName: 'file/deeper/x.json', createParentFolders: true })),
      'file is not a folder, so file/deeper/x.json cannot be written.',
      'a file further up is named, not reported as a missing folder or an ENOTDIR error',
    );
    assert.equal(fs.readFileSync(at('file'), 'utf8'), '', 'the file in the way is left as it was');
    assert.equal(refusal(() => writeFileAtomically(at('missing/x.json'), 'x', { displayName: 'missing/x.json' })), 'The folder missing does not exist; create it first, or pass --mkdir.');
    assert.ok(!fs.existsSync(at('missing')));
    writeFileAtomically(at('missing/deeper/x.json'), 'x', { createParentFolders: true });
    assert.equal(fs.readFileSync(at('missing/deeper/x.json'), 'utf8'), 'x');
  });

  it('checks without writing: what it would write to and what is there', () => {
    fs.writeFileSync(at('x.json'), '{}');
    const { target, existing } = checkWritable(at('x.json'));
    assert.equal(target, at('x.json'));
    assert.equal(existing?.size, 2);
    assert.equal(checkWritable(at('y.json')).existing, undefined);
    assert.deepEqual(fs.readdirSync(root), ['x.json']);
  });

  it('knows its own temporary files by name, and nothing else', () => {
    const file = path.join('repo', 'prompt-releases.yaml');
    assert.equal(isTemporaryFileOf(file, path.join('repo', '.prompt-releases.yaml.123.456.tmp')), true);
    assert.equal(isTemporaryFileOf(file, path.join('repo', 'prompt-releases.yaml.123.tmp')), false);
    assert.equal(isTemporaryFileOf(file, path.join('repo', '.prompt-releases.yaml.123.bak')), false);
    assert.equal(isTemporaryFileOf(file, path.join('repo', '.other.yaml.1.tmp')), false);
  });
});
