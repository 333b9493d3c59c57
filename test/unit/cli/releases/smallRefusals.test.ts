import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, manifestBytes, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';

describe('Small refusals, each one sentence', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  it('--weight -5 says the allowed range, like any other weight out of range', async () => {
    await promptops('promote', file, repo.v1);
    const before = manifestBytes(repo.fixture);
    for (const weight of ['-5', '0', '100']) {
      const run = await promptops('canary', file, repo.v2, '--weight', weight);
      assert.deepEqual(run, { code: 2, stdout: '', stderr: `promptops canary: --weight must be a whole percentage from 1 to 99, not "${weight}".\n` });
    }
    assert.deepEqual(manifestBytes(repo.fixture), before);
  });

  it('status prints nothing about prompts above a manifest that does not parse', async () => {
    fs.writeFileSync(path.join(repo.fixture.root, 'prompt-releases.yaml'), 'version: 1\nprompts:\n  x: {labels: [unclosed\n');
    const run = await promptops('status');
    assert.equal(run.code, 1);
    assert.equal(run.stdout, '');
    assert.match(run.stderr, /^promptops status: prompt-releases\.yaml:4:1: The release manifest does not parse: /);
  });

  it('invalid UTF-8 is reported at the line and column of the bad byte, in a prompt and in the manifest', async () => {
    repo.fixture.write('support/latin1.prompt', Buffer.concat([Buffer.from('---\nmodel: m\n---\nR\u00e9sum'), Buffer.from([0xe9]), Buffer.from(' {{ticket}}\n')]));
    const checked = await promptops('check', 'support/latin1.prompt');
    assert.equal(checked.stdout.split('\n')[0], 'support/latin1.prompt:4:6: error unreadable-file: support/latin1.prompt is not valid UTF-8 text: the byte at line 4, column 6 is not UTF-8.');
    fs.writeFileSync(path.join(repo.fixture.root, 'prompt-releases.yaml'), Buffer.concat([Buffer.from('version: 1\nprompts: {}\nevents: []\n# caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const status = await promptops('status');
    assert.deepEqual(status, { code: 1, stdout: '', stderr: 'promptops status: prompt-releases.yaml:4:6: prompt-releases.yaml is not valid UTF-8 text: the byte at line 4, column 6 is not UTF-8.\n' });
  });

  it('promote refuses a committed version that is not UTF-8, naming the line and column of the bad byte', async () => {
    const latin1 = repo.fixture.commit('latin1', { files: { 'support/latin1.prompt': Buffer.concat([Buffer.from('---\nmodel: m\n---\nR\u00e9sum'), Buffer.from([0xe9]), Buffer.from(' {{ticket}}\n')]) } });
    assert.deepEqual(await promptops('promote', 'support/latin1.prompt', latin1), {
      code: 1,
      stdout: '',
      stderr: `promptops promote: ${latin1.slice(0, 7)} does not pass check, so it is not released: support/latin1.prompt:4:6: support/latin1.prompt is not valid UTF-8 text: the byte at line 4, column 6 is not UTF-8 (fix it in a new commit, or pass --allow-errors in an emergency).\n`,
    });
    assert.equal(manifestBytes(repo.fixture), undefined);
  });

  it('a folder given as FILE is one sentence for every verb that takes a prompt file', async () => {
    for (const argv of [['versions', 'support'], ['show', 'support', 'HEAD'], ['diff', 'support', 'HEAD'], ['rollback', 'support']]) {
      const run = await promptops(...argv);
      assert.deepEqual(run, { code: 2, stdout: '', stderr: `promptops ${argv[0] ?? ''}: support is a folder; name one .prompt or .prompty file in it.\n` }, argv.join(' '));
    }
  });
});
