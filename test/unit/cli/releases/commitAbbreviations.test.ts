import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { commitWithAmbiguousPrefix } from '../../../harness/ambiguousCommit';
import { GitFixture } from '../../node/gitFixture';
import { runPromptops } from '../cliRunner';

const greet = (words: string): string => `---\ninput:\n  schema:\n    name: string\n---\n${words} {{name}}.\n`;

/** A repository where greet.prompt has three versions; the second's commit shares its first `length` hex digits with a blob. */
function repositoryWithAmbiguousVersion(length: number, abbrev?: number): { fixture: GitFixture; v1: string; v2: string; v3: string } {
  const fixture = GitFixture.create();
  if (abbrev !== undefined) fixture.git(['config', 'core.abbrev', String(abbrev)]);
  const v1 = fixture.commit('greet v1', { files: { 'greet.prompt': greet('Hello') } });
  fixture.write('greet.prompt', greet('Hi'));
  fixture.git(['add', 'greet.prompt']);
  const v2 = commitWithAmbiguousPrefix(fixture.root, 'greet v2', length);
  const v3 = fixture.commit('greet v3', { files: { 'greet.prompt': greet('Welcome') } });
  return { fixture, v1, v2, v3 };
}

/** How git itself abbreviates a commit in the fixture (`git log --format=%h`). */
function gitAbbreviation(fixture: GitFixture, commit: string): string {
  return fixture.git(['log', '-1', '--format=%h', commit]);
}

describe('Commits in CLI output are abbreviated as git abbreviates them', () => {
  let fixture: GitFixture | undefined;
  afterEach(() => fixture?.dispose());

  it('promote, canary, status, log, rollback, versions and the commit subject print 8+ characters for a commit whose 7 are ambiguous', async () => {
    const repo = repositoryWithAmbiguousVersion(7);
    fixture = repo.fixture;
    const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);
    const [s1, s2, s3] = [repo.v1, repo.v2, repo.v3].map((commit) => gitAbbreviation(repo.fixture, commit));
    // Git's own view of the fixture: 7 characters do not name the second version alone.
    assert.equal(s1, repo.v1.slice(0, 7));
    assert.equal(s3, repo.v3.slice(0, 7));
    assert.ok(s2 !== undefined && s2.length >= 8 && repo.v2.startsWith(s2), `git abbreviates ${repo.v2} to ${s2}`);

    assert.equal((await promptops('promote', 'greet.prompt', repo.v1)).stdout, `Promoted greet to production: ${s1} (a new label).\n`);
    assert.equal((await promptops('promote', 'greet.prompt', repo.v2)).stdout, `Promoted greet to production: ${s1} → ${s2}.\n`);
    assert.equal((await promptops('promote', 'greet.prompt', repo.v2)).stdout, `greet production is already at ${s2}. Nothing to do.\n`);
    assert.equal((await promptops('canary', 'greet.prompt', repo.v3, '--label', 'production', '--weight', '10')).stdout, `Canary for greet production: ${s3} serves 10% of traffic, ${s2} the rest.\n`);
    const refused = await promptops('canary', 'greet.prompt', repo.v2, '--label', 'production', '--weight', '20');
    assert.equal(refused.stderr, `promptops canary: greet production already serves ${s2} to 90% of traffic (its canary ${s3} takes 10%); a canary needs another version.\n`);

    const status = await promptops('status');
    assert.equal(status.stdout, `greet  (greet.prompt)\n  production  ${s2}  canary ${s3} at 10%, ${s2} at 90%\n  vs production: HEAD differs, working copy differs\n`);
    const log = await promptops('log');
    assert.deepEqual(
      log.stdout.split('\n').filter(Boolean).map((line) => line.replace(/^\S+ {2}/, '').replace(/ {2}Ada Lovelace <ada@example\.com>$/, '')),
      [`canary        greet  production  ${s2} → ${s3} (10%)`, `promote       greet  production  ${s1} → ${s2}`, `promote       greet  production  new → ${s1}`],
    );

    const back = await promptops('rollback', 'greet.prompt', '--commit');
    assert.equal(back.stdout.split('\n')[0], `Rolled back greet production: ${s2} → ${s1}.`);
    assert.equal(repo.fixture.git(['log', '-1', '--format=%s']), `roll back greet production to ${s1}`);
    const forward = await promptops('rollback', 'greet.prompt', '--to', repo.v2.slice(0, 8));
    assert.equal(forward.stdout, `Rolled back greet production: ${s1} → ${s2}.\n`);

    const versions = (await promptops('versions', 'greet.prompt')).stdout.split('\n');
    // The column is as wide as the longest abbreviation, so dates stay aligned.
    assert.deepEqual(
      versions.slice(0, 4).map((line) => line.slice(0, s2.length + 3)),
      [`${'COMMIT'.padEnd(s2.length)}  D`, `${s3.padEnd(s2.length)}  2`, `${s2}  2`, `${s1.padEnd(s2.length)}  2`],
    );
  });

  it('follows the repository\'s core.abbrev: 4 characters, and longer where 4 are ambiguous, exactly as git log prints them', async () => {
    const repo = repositoryWithAmbiguousVersion(4, 4);
    fixture = repo.fixture;
    const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);
    const [s1, s2] = [repo.v1, repo.v2].map((commit) => gitAbbreviation(repo.fixture, commit));
    assert.equal(s1, repo.v1.slice(0, 4));
    assert.ok(s2 !== undefined && s2.length >= 5 && s2.length < 7 && repo.v2.startsWith(s2), `git abbreviates ${repo.v2} to ${s2}`);
    await promptops('promote', 'greet.prompt', repo.v1);
    assert.equal((await promptops('promote', 'greet.prompt', repo.v2)).stdout, `Promoted greet to production: ${s1} → ${s2}.\n`);
    assert.equal((await promptops('status')).stdout.split('\n')[1], `  production  ${s2}`);
  });

  it('names a commit the repository lacks in full, in show, status and check of the manifest', async () => {
    const repo = repositoryWithAmbiguousVersion(7);
    fixture = repo.fixture;
    const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);
    await promptops('promote', 'greet.prompt', repo.v1);
    // A hand edit points production at a commit this clone does not have, sharing the first 7 digits of one it has.
    const missing = `${repo.v2.slice(0, 7)}${'0'.repeat(33)}`;
    const manifestFile = path.join(repo.fixture.root, 'prompt-releases.yaml');
    fs.writeFileSync(manifestFile, fs.readFileSync(manifestFile, 'utf8').replace(`production:\n        commit: ${repo.v1}`, `production:\n        commit: ${missing}`));
    assert.ok(fs.readFileSync(manifestFile, 'utf8').includes(missing), 'the manifest names the missing commit');

    const shown = await promptops('show', 'greet.prompt', 'production');
    assert.equal(shown.stderr, `promptops show: The label production points at commit ${missing}, which this repository does not have; fetch it first.\n`);
    const status = await promptops('status');
    assert.equal(status.code, 1);
    const lines = status.stderr.split('\n').filter(Boolean);
    assert.deepEqual(
      lines.map((line) => line.replace(/^promptops status: prompt-releases\.yaml:\d+:\d+: /, '').replace(/promote of [0-9TZ:-]+/, 'promote of AT')),
      [
        `greet production serves ${missing}, but the audit log's last move of it (promote of AT) is to ${gitAbbreviation(repo.fixture, repo.v1)}; labels move only through promptops promote, rollback and canary, which record who and why.`,
        `greet production: commit ${missing} is not in this clone; fetch the full history (git fetch --unshallow), or the history was rewritten.`,
      ],
    );
    assert.equal(status.stdout.split('\n')[1], `  production  ${missing}`);
  });
});
