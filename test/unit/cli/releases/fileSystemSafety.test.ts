import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, manifestBytes, manifestIn, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';

describe('promptops export --out writes only a regular file it was asked for', () => {
  let repo: ReleaseRepository;
  let outside: string;
  beforeEach(async () => {
    repo = createReleaseRepository();
    outside = repo.fixture.plainFolder();
    await runPromptops(['promote', file, repo.v1], repo.fixture.root);
  });
  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  /** Runs export and checks it was refused in one sentence with exit 2, the manifest untouched. */
  async function refused(out: string, message: string, ...extra: string[]): Promise<void> {
    const before = manifestBytes(repo.fixture);
    const run = await promptops('export', '--out', out, ...extra);
    assert.deepEqual(run, { code: 2, stdout: '', stderr: `promptops export: ${message}\n` });
    assert.deepEqual(manifestBytes(repo.fixture), before);
  }

  it('refuses the manifest itself, folders, links, pipes and devices, each in one sentence (exit 2)', async () => {
    await refused('prompt-releases.yaml', 'prompt-releases.yaml is the release manifest; write the bundle to another file.');
    fs.mkdirSync(path.join(repo.fixture.root, 'build'));
    await refused('build', 'build is a folder, not a file, so nothing was written there.');
    fs.writeFileSync(path.join(outside, 'keep.json'), 'precious\n');
    fs.symlinkSync(path.join(outside, 'keep.json'), path.join(repo.fixture.root, 'build/link.json'));
    await refused('build/link.json', 'build/link.json is a symbolic link; it is written as a regular file only, never through a link.');
    assert.equal(fs.readFileSync(path.join(outside, 'keep.json'), 'utf8'), 'precious\n');
    fs.symlinkSync('prompt-releases.yaml', path.join(repo.fixture.root, 'manifest-link.yaml'));
    await refused('manifest-link.yaml', 'manifest-link.yaml is a symbolic link; it is written as a regular file only, never through a link.');
    assert.equal(spawnSync('mkfifo', [path.join(repo.fixture.root, 'build/pipe.json')]).status, 0);
    await refused('build/pipe.json', 'build/pipe.json is a named pipe, not a file, so nothing was written there.');
    await refused('/dev/null', '/dev/null is a device, not a file, so nothing was written there.');
  });

  it('does not create folders unless --mkdir', async () => {
    await refused('dist/prompts/bundle.json', 'The folder dist/prompts does not exist; create it first, or pass --mkdir.');
    assert.ok(!fs.existsSync(path.join(repo.fixture.root, 'dist')));
    const made = await promptops('export', '--out', 'dist/prompts/bundle.json', '--mkdir');
    assert.deepEqual(made, { code: 0, stdout: 'Exported 1 prompt (production) to dist/prompts/bundle.json.\n', stderr: '' });
  });

  it('names a file that stands where a folder of the output path should be, with or without --mkdir', async () => {
    fs.writeFileSync(path.join(repo.fixture.root, 'notes.txt'), 'mine\n');
    await refused('notes.txt/bundle.json', 'notes.txt is not a folder, so notes.txt/bundle.json cannot be written.');
    await refused('notes.txt/deeper/bundle.json', 'notes.txt is not a folder, so notes.txt/deeper/bundle.json cannot be written.', '--mkdir');
    assert.equal(fs.readFileSync(path.join(repo.fixture.root, 'notes.txt'), 'utf8'), 'mine\n');
  });

  it('replaces an existing bundle through temp + rename: another hard link to the old file keeps the old bytes', async () => {
    const out = path.join(repo.fixture.root, 'bundle.json');
    fs.writeFileSync(out, 'old bundle\n');
    fs.linkSync(out, path.join(outside, 'old.json'));
    const run = await promptops('export', '--out', 'bundle.json');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(fs.readFileSync(out, 'utf8')).format, 'promptops-bundle/1');
    assert.equal(fs.readFileSync(path.join(outside, 'old.json'), 'utf8'), 'old bundle\n');
    assert.equal(fs.lstatSync(out).isFile(), true);
  });
});

describe('The release manifest lives inside the repository', () => {
  let repo: ReleaseRepository;
  let outside: string;
  beforeEach(() => {
    repo = createReleaseRepository();
    outside = repo.fixture.plainFolder();
  });
  afterEach(() => repo.fixture.dispose());

  it('PROMPTOPS_RELEASES_FILE outside the repository (../, an absolute path, a link out, .git) is refused in one sentence and nothing is written', async () => {
    const root = repo.fixture.root;
    fs.symlinkSync(outside, path.join(root, 'shared'));
    const cases: [string, string][] = [
      ['../releases.yaml', `The release manifest setting "../releases.yaml" is outside the repository at ${root}; name a file inside it (relative to its root).`],
      [path.join(outside, 'releases.yaml'), `The release manifest setting "${path.join(outside, 'releases.yaml')}" is outside the repository at ${root}; name a file inside it (relative to its root).`],
      ['shared/releases.yaml', `The release manifest setting "shared/releases.yaml" leads outside the repository at ${root} through a symbolic link; name a file inside it.`],
      ['.git/releases.yaml', 'The release manifest setting ".git/releases.yaml" is inside .git, which is git\'s own; name a file of the working tree.'],
    ];
    for (const [setting, message] of cases) {
      for (const argv of [['promote', file, repo.v1], ['status'], ['export']]) {
        const run = await runPromptops(argv, root, { PROMPTOPS_RELEASES_FILE: setting });
        assert.deepEqual(run, { code: 2, stdout: '', stderr: `promptops ${argv[0] ?? ''}: ${message}\n` }, `${setting} ${argv.join(' ')}`);
      }
    }
    assert.deepEqual(fs.readdirSync(outside), []);
    assert.ok(!fs.existsSync(path.join(root, '.git', 'releases.yaml')));
  });

  it('an absolute PROMPTOPS_RELEASES_FILE inside the repository is honoured', async () => {
    const env = { PROMPTOPS_RELEASES_FILE: path.join(repo.fixture.root, 'config', 'releases.yaml') };
    const run = await runPromptops(['promote', file, repo.v1], repo.fixture.root, env);
    assert.equal(run.code, 0, run.stderr);
    assert.ok(fs.existsSync(path.join(repo.fixture.root, 'config', 'releases.yaml')));
    const status = await runPromptops(['status', '--format', 'json'], repo.fixture.root, env);
    assert.equal((JSON.parse(status.stdout) as { releasesFile: string }).releasesFile, 'config/releases.yaml');
  });
});

describe('Writes keep the user\'s file system intact', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);
  const manifest = () => path.join(repo.fixture.root, 'prompt-releases.yaml');

  it('a symlinked manifest is written through to its target and stays a link', async () => {
    fs.mkdirSync(path.join(repo.fixture.root, 'config'));
    fs.symlinkSync('config/releases.yaml', manifest());
    fs.writeFileSync(path.join(repo.fixture.root, 'config/releases.yaml'), 'version: 1\n');
    assert.equal((await promptops('promote', file, repo.v1)).code, 0);
    assert.equal((await promptops('promote', file, repo.v2)).code, 0);
    assert.equal(fs.lstatSync(manifest()).isSymbolicLink(), true);
    assert.equal(fs.readlinkSync(manifest()), 'config/releases.yaml');
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.labels.get('production')?.commit, repo.v2);
    assert.deepEqual(fs.readdirSync(path.join(repo.fixture.root, 'config')), ['releases.yaml'], 'no temporary file is left beside the target');
  });

  it('a manifest that is a link to nowhere is refused with a sentence', async () => {
    fs.symlinkSync('config/missing.yaml', manifest());
    const run = await promptops('promote', file, repo.v1);
    assert.deepEqual(run, { code: 2, stdout: '', stderr: 'promptops promote: prompt-releases.yaml is a symbolic link to a file that does not exist; point it at the manifest, or remove it.\n' });
    assert.equal(fs.readlinkSync(manifest()), 'config/missing.yaml');
  });

  it('a hard-linked manifest is rewritten in place: every name shows the new manifest, the same file', async () => {
    await promptops('promote', file, repo.v1);
    const other = path.join(repo.fixture.root, 'mirror.yaml');
    fs.linkSync(manifest(), other);
    const inode = fs.statSync(manifest()).ino;
    assert.equal((await promptops('promote', file, repo.v2)).code, 0);
    assert.equal(fs.statSync(manifest()).ino, inode);
    assert.equal(fs.readFileSync(other, 'utf8'), fs.readFileSync(manifest(), 'utf8'));
    assert.match(fs.readFileSync(other, 'utf8'), new RegExp(`to: ${repo.v2}`));
  });

  it('the manifest keeps its file mode', async () => {
    await promptops('promote', file, repo.v1);
    fs.chmodSync(manifest(), 0o640);
    assert.equal((await promptops('promote', file, repo.v2)).code, 0);
    assert.equal(fs.statSync(manifest()).mode & 0o777, 0o640);
  });

  it('a symlinked snapshot is written through to its target by test --update', async () => {
    repo.fixture.write('shared/summarize.prompt.snap', 'stale\n');
    fs.mkdirSync(path.join(repo.fixture.root, 'support/__snapshots__'));
    const snapshot = path.join(repo.fixture.root, 'support/__snapshots__/summarize.prompt.snap');
    fs.symlinkSync('../../shared/summarize.prompt.snap', snapshot);
    const run = await runPromptops(['test', '--update', 'support/summarize.prompt'], repo.fixture.root);
    assert.equal(run.code, 0, run.stdout);
    assert.equal(fs.lstatSync(snapshot).isSymbolicLink(), true);
    assert.match(fs.readFileSync(path.join(repo.fixture.root, 'shared/summarize.prompt.snap'), 'utf8'), /Summarize/);
  });

  it('a manifest or a lock file that is a folder gives a sentence, not an internal error', async () => {
    fs.mkdirSync(manifest());
    for (const argv of [['promote', file, repo.v1], ['status'], ['export'], ['log']]) {
      const run = await promptops(...argv);
      assert.deepEqual(run, { code: 2, stdout: '', stderr: `promptops ${argv[0] ?? ''}: prompt-releases.yaml is a folder, not a file.\n` }, argv.join(' '));
    }
    fs.rmdirSync(manifest());
    fs.mkdirSync(`${manifest()}.lock`);
    const locked = await promptops('promote', file, repo.v1);
    assert.deepEqual(locked, { code: 2, stdout: '', stderr: 'promptops promote: prompt-releases.yaml.lock is a folder, not a lock file promptops made; remove it and try again.\n' });
    assert.equal(manifestBytes(repo.fixture), undefined);
  });
});
