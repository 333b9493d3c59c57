import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, manifestBytes, manifestIn, short, summarizeV1, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';

describe('promptops releases: refusals write nothing', () => {
  let repo: ReleaseRepository;

  beforeEach(() => {
    repo = createReleaseRepository();
  });

  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  /** Runs the command and checks it was refused with exactly `message`, leaving the manifest as it was. */
  async function refused(argv: string[], message: string, code = 1): Promise<void> {
    const before = manifestBytes(repo.fixture);
    const run = await promptops(...argv);
    assert.equal(run.stderr, `promptops ${argv[0] ?? ''}: ${message}\n`);
    assert.equal(run.code, code);
    assert.equal(run.stdout, '');
    assert.deepEqual(manifestBytes(repo.fixture), before);
  }

  it('refuses WORKING: labels point at commits only', async () => {
    await refused(['promote', file, 'WORKING'], 'WORKING is the uncommitted working tree and labels point at commits only: commit support/summarize.prompt first, then name that commit.');
    await refused(['canary', file, 'WORKING', '--weight', '5'], 'WORKING is the uncommitted working tree and labels point at commits only: commit support/summarize.prompt first, then name that commit.');
    assert.equal((await promptops('promote', file, repo.v1)).code, 0);
    await refused(['rollback', file, '--to', 'WORKING'], 'A rollback returns a label to a version it served before, and WORKING is not committed.');
  });

  it('refuses HEAD, latest or the current branch while the prompt has uncommitted changes', async () => {
    repo.fixture.commit('summarize v4', { files: { [file]: summarizeV1.replace('Summarize', 'Briefly summarize') } });
    repo.fixture.write(file, 'edited but not committed\n');
    for (const version of ['HEAD', 'latest', 'main']) {
      await refused(['promote', file, version], `support/summarize.prompt has uncommitted changes, so ${version} is not what the working tree shows; commit them first, or name the commit you mean.`);
    }
    const explicit = await promptops('promote', file, repo.v1);
    assert.equal(explicit.code, 0, 'a commit named explicitly is what the user means');
  });

  it('a label named like the checked-out branch promotes what the label serves, uncommitted changes or not', async () => {
    assert.equal((await promptops('promote', file, repo.v1, '--label', 'main')).code, 0);
    repo.fixture.write(file, 'edited but not committed\n');
    const run = await promptops('promote', file, 'main', '--label', 'staging');
    assert.equal(run.stderr, '');
    assert.equal(run.code, 0);
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.labels.get('staging')?.commit, repo.v1);
  });

  it('refuses a version that does not change the prompt', async () => {
    await refused(['promote', file, repo.unrelated], `Commit ${short(repo.unrelated)} does not change support/summarize.prompt; name one of the commits "promptops versions support/summarize.prompt" lists.`);
    await refused(['promote', file, 'HEAD'], `Commit ${short(repo.unrelated)} does not change support/summarize.prompt; name one of the commits "promptops versions support/summarize.prompt" lists.`);
  });

  it('refuses the reserved label latest and names that break the rules', async () => {
    await refused(['promote', file, repo.v1, '--label', 'latest'], '"latest" is reserved: it always means the newest commit, so it cannot be a release label.');
    await refused(['promote', file, repo.v1, '--label', 'Production'], '"Production" is not a valid label name: use 1 to 36 characters of a-z, 0-9, "_", "." and "-".');
    await refused(['rollback', file, '--label', 'x'.repeat(37)], `"${'x'.repeat(37)}" is not a valid label name: use 1 to 36 characters of a-z, 0-9, "_", "." and "-".`);
  });

  it('refuses an unknown label for rollback and canary', async () => {
    await promptops('promote', file, repo.v1);
    await refused(['rollback', file, '--label', 'staging'], 'support/summarize has no label staging, so there is nothing to roll back.');
    await refused(['canary', file, repo.v2, '--label', 'staging', '--weight', '10'], 'support/summarize has no label staging to split traffic with; promote a version to staging first.');
    await refused(['canary', file, '--label', 'staging', '--clear'], 'support/summarize staging has no canary to clear.');
  });

  it('an unknown version is a usage error', async () => {
    await refused(['promote', file, 'nope'], '"nope" is not a release label of support/summarize, a commit, a branch or a tag.', 2);
  });

  const badManifests: [string, string, string][] = [
    ['a syntax error', 'version: 1\nprompts:\n  x: {labels: [unclosed\n', 'prompt-releases.yaml:4:1: The release manifest does not parse: '],
    ['conflict markers', 'version: 1\n<<<<<<< ours\nprompts: {}\n=======\nprompts: {}\n>>>>>>> theirs\n', 'prompt-releases.yaml:2:1: The release manifest has a merge-conflict marker (<<<<<<<)'],
    ['an unknown version field', 'version: 7\nprompts: {}\n', 'prompt-releases.yaml:1:10: The release manifest has version 7, but this PromptOps reads version 1 only; upgrade PromptOps.'],
  ];
  for (const [what, text, start] of badManifests) {
    it(`reports a manifest with ${what} with its line, and never rewrites it`, async () => {
      fs.writeFileSync(path.join(repo.fixture.root, 'prompt-releases.yaml'), text);
      for (const argv of [['promote', file, repo.v1], ['rollback', file], ['canary', file, repo.v1, '--weight', '5'], ['export']]) {
        const run = await promptops(...argv);
        assert.equal(run.code, 1, argv.join(' '));
        assert.ok(run.stderr.startsWith(`promptops ${argv[0] ?? ''}: ${start}`), run.stderr);
        assert.equal(fs.readFileSync(path.join(repo.fixture.root, 'prompt-releases.yaml'), 'utf8'), text);
      }
      const status = await promptops('status');
      assert.equal(status.code, 1);
      assert.ok(status.stderr.includes(start), status.stderr);
    });
  }

  it('canary needs a weight from 1 to 99, and --clear takes neither version nor weight (usage errors)', async () => {
    await promptops('promote', file, repo.v1);
    for (const [argv, message] of [
      [['canary', file, repo.v2], /needs --weight N/],
      [['canary', file, repo.v2, '--weight', '0'], /--weight must be a whole percentage from 1 to 99, not "0"\./],
      [['canary', file, repo.v2, '--weight', '100'], /not "100"/],
      [['canary', file, repo.v2, '--weight', '7.5'], /not "7\.5"/],
      [['canary', file, repo.v2, '--clear'], /--clear takes neither VERSION nor --weight/],
    ] as const) {
      const run = await promptops(...argv);
      assert.equal(run.code, 2, argv.join(' '));
      assert.match(run.stderr, message);
    }
  });

  it('a repository without user.name cannot record who moved a label', async () => {
    repo.fixture.git(['config', '--unset', 'user.name']);
    // git reads global and system config too; this process's git calls see neither for the test.
    const saved = { global: process.env['GIT_CONFIG_GLOBAL'], noSystem: process.env['GIT_CONFIG_NOSYSTEM'] };
    process.env['GIT_CONFIG_GLOBAL'] = '/dev/null';
    process.env['GIT_CONFIG_NOSYSTEM'] = '1';
    try {
      await refused(['promote', file, repo.v1], 'Git has no user.name; set it (git config user.name "Your Name"), because every label move records who made it.', 2);
      assert.equal(manifestBytes(repo.fixture), undefined);
    } finally {
      for (const [name, value] of [['GIT_CONFIG_GLOBAL', saved.global], ['GIT_CONFIG_NOSYSTEM', saved.noSystem]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});
