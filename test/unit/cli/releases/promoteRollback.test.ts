import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, manifestBytes, manifestIn, sha256, short, summarizeV1, summarizeV2, summarizeV3, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';

describe('promptops promote and rollback', () => {
  let repo: ReleaseRepository;

  beforeEach(() => {
    repo = createReleaseRepository();
  });

  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  it('promote v1, promote v2, rollback returns to v1, a second rollback is refused and writes nothing', async () => {
    const first = await promptops('promote', file, repo.v1, '--note', 'first release');
    assert.deepEqual(first, { code: 0, stdout: `Promoted support/summarize to production: ${short(repo.v1)} (a new label).\n`, stderr: '' });
    const second = await promptops('promote', file, repo.v2);
    assert.equal(second.stdout, `Promoted support/summarize to production: ${short(repo.v1)} → ${short(repo.v2)}.\n`);
    const production = () => manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.labels.get('production');
    assert.deepEqual({ ...production(), ranges: undefined }, { commit: repo.v2, path: file, sha256: sha256(summarizeV2), ranges: undefined });

    const back = await promptops('rollback', file);
    assert.equal(back.code, 0);
    assert.equal(back.stdout, `Rolled back support/summarize production: ${short(repo.v2)} → ${short(repo.v1)}.\n`);
    assert.equal(back.stderr, "promptops rollback: warning: support/summarize production: 'tone' is no longer an input, so callers that send it no longer change the prompt.\n");
    assert.equal(production()?.commit, repo.v1);
    assert.equal(production()?.sha256, sha256(summarizeV1));

    const before = manifestBytes(repo.fixture);
    const again = await promptops('rollback', file);
    assert.equal(again.code, 1);
    assert.equal(again.stderr, `promptops rollback: support/summarize production has no earlier version to roll back to: ${short(repo.v1)} is the first version it served.\n`);
    assert.deepEqual(manifestBytes(repo.fixture), before);

    const events = manifestIn(repo.fixture).manifest.events;
    assert.deepEqual(
      events.map(({ action, label, from, to, note, by }) => ({ action, label, from, to, note, by })),
      [
        { action: 'promote', label: 'production', from: null, to: repo.v1, note: 'first release', by: 'Ada Lovelace <ada@example.com>' },
        { action: 'promote', label: 'production', from: repo.v1, to: repo.v2, note: '', by: 'Ada Lovelace <ada@example.com>' },
        { action: 'rollback', label: 'production', from: repo.v2, to: repo.v1, note: '', by: 'Ada Lovelace <ada@example.com>' },
      ],
    );
    for (const event of events) assert.match(event.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('rollback --to picks an earlier version, by commit or label; one the label never served is refused', async () => {
    await promptops('promote', file, repo.v1, '--label', 'staging');
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2);
    await promptops('promote', file, repo.v3, '--yes');
    const to = await promptops('rollback', file, '--to', repo.v1.slice(0, 10), '--note', 'v2 and v3 both regressed');
    assert.equal(to.stdout, `Rolled back support/summarize production: ${short(repo.v3)} → ${short(repo.v1)}.\n`);
    assert.equal(manifestIn(repo.fixture).manifest.events.at(-1)?.note, 'v2 and v3 both regressed');
    const viaLabel = await promptops('rollback', file, '--to', 'staging');
    assert.equal(viaLabel.stdout, `support/summarize production is already at ${short(repo.v1)}. Nothing to do.\n`);
    await promptops('promote', file, repo.v2);
    const never = await promptops('rollback', file, '--label', 'staging', '--to', repo.v2);
    assert.equal(never.code, 1);
    assert.equal(never.stderr, `promptops rollback: ${short(repo.v2)} never served support/summarize staging, so a rollback cannot return to it; promote it instead.\n`);
  });

  it('labels are independent: rolling back staging leaves production alone', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v1, '--label', 'staging');
    await promptops('promote', file, repo.v2, '--label', 'staging');
    await promptops('rollback', file, '--label', 'staging');
    const labels = manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.labels;
    assert.equal(labels?.get('staging')?.commit, repo.v1);
    assert.equal(labels?.get('production')?.commit, repo.v1);
    const production = await promptops('rollback', file);
    assert.equal(production.code, 1);
  });

  it('promoting what the label already serves writes nothing and exits 0', async () => {
    await promptops('promote', file, repo.v1);
    const before = manifestBytes(repo.fixture);
    const again = await promptops('promote', file, repo.v1);
    assert.deepEqual(again, { code: 0, stdout: `support/summarize production is already at ${short(repo.v1)}. Nothing to do.\n`, stderr: '' });
    assert.deepEqual(manifestBytes(repo.fixture), before);
  });

  it('a version named by a label or latest resolves to that commit', async () => {
    await promptops('promote', file, repo.v2, '--label', 'staging');
    await promptops('promote', file, 'staging');
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.labels.get('production')?.commit, repo.v2);
    await promptops('promote', file, 'latest', '--label', 'dev', '--yes');
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.labels.get('dev')?.commit, repo.v3);
  });

  it('warns about input changes that break callers and refuses without --yes, writing nothing', async () => {
    await promptops('promote', file, repo.v2);
    const before = manifestBytes(repo.fixture);
    const refused = await promptops('promote', file, repo.v3);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr,
      [
        "promptops promote: warning: support/summarize production: 'tone' is no longer an input, so callers that send it no longer change the prompt.",
        "promptops promote: warning: support/summarize production: 'customer' is a new required input without a default, so callers that do not send it break.",
        `promptops promote: ${repo.v3} changes the input of support/summarize in 2 ways that can break callers of production (see above); pass --yes to promote it anyway.`,
        '',
      ].join('\n'),
    );
    assert.deepEqual(manifestBytes(repo.fixture), before);
    const accepted = await promptops('promote', file, repo.v3, '--yes');
    assert.equal(accepted.code, 0);
    assert.match(accepted.stderr, /^(promptops promote: warning: .+\n){2}$/);
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.labels.get('production')?.sha256, sha256(summarizeV3));
  });

  it('a rollback prints breaking changes as warnings but is never held up by them', async () => {
    await promptops('promote', file, repo.v2);
    await promptops('promote', file, repo.v3, '--yes');
    const back = await promptops('rollback', file);
    assert.equal(back.code, 0);
    assert.match(back.stderr, /^promptops rollback: warning: support\/summarize production: 'customer' is no longer an input/);
  });

  it('--commit commits the manifest alone with a clear message, leaving other staged changes staged', async () => {
    repo.fixture.write('notes.txt', 'staged, not part of the release\n');
    repo.fixture.git(['add', 'notes.txt']);
    const promoted = await promptops('promote', file, repo.v1, '--commit', '--note', 'First production version');
    assert.equal(promoted.code, 0, promoted.stderr);
    const head = repo.fixture.git(['rev-parse', 'HEAD']);
    assert.equal(promoted.stdout, `Promoted support/summarize to production: ${short(repo.v1)} (a new label).\nCommitted the manifest alone as ${short(head)}.\n`);
    assert.equal(repo.fixture.git(['log', '-1', '--format=%s%n%n%b']), `promote support/summarize to production (${short(repo.v1)})\n\nFirst production version`);
    assert.equal(repo.fixture.git(['show', '--name-only', '--format=', 'HEAD']), 'prompt-releases.yaml');
    assert.equal(repo.fixture.git(['status', '--porcelain']), 'A  notes.txt');

    await promptops('promote', file, repo.v2, '--commit');
    const rolled = await promptops('rollback', file, '--commit');
    assert.equal(rolled.code, 0, rolled.stderr);
    assert.equal(repo.fixture.git(['log', '-1', '--format=%s']), `roll back support/summarize production to ${short(repo.v1)}`);
    assert.equal(repo.fixture.git(['show', '--name-only', '--format=', 'HEAD']), 'prompt-releases.yaml');
    assert.equal(repo.fixture.git(['status', '--porcelain']), 'A  notes.txt');
  });

  it('PROMPTOPS_RELEASES_FILE moves the manifest, into a folder that need not exist yet', async () => {
    const env = { PROMPTOPS_RELEASES_FILE: 'config/prompt-releases.yaml' };
    const promoted = await runPromptops(['promote', file, repo.v1, '--commit'], repo.fixture.root, env);
    assert.equal(promoted.code, 0, promoted.stderr);
    assert.equal(repo.fixture.git(['show', '--name-only', '--format=', 'HEAD']), 'config/prompt-releases.yaml');
    assert.equal(manifestBytes(repo.fixture), undefined);
    const versions = await runPromptops(['versions', file], repo.fixture.root, env);
    assert.match(versions.stdout, new RegExp(`${short(repo.v1)} .*\\[production\\]`));
  });

  it('a failed commit puts the manifest back, so the label did not move', async () => {
    await promptops('promote', file, repo.v1, '--commit');
    const before = manifestBytes(repo.fixture);
    repo.fixture.write('.git/hooks/pre-commit', '#!/bin/sh\necho "no releases on Fridays" >&2\nexit 1\n');
    const { chmodSync } = await import('node:fs');
    chmodSync(`${repo.fixture.root}/.git/hooks/pre-commit`, 0o755);
    const refused = await promptops('promote', file, repo.v2, '--commit');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^promptops promote: Git failed: no releases on Fridays\.\n$/);
    assert.deepEqual(manifestBytes(repo.fixture), before);
    assert.equal(repo.fixture.git(['status', '--porcelain']), '');
  });

  it('rollback refuses a version whose file no longer has the SHA-256 the audit log recorded, and writes nothing', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2);
    const manifestFile = path.join(repo.fixture.root, 'prompt-releases.yaml');
    // As if the history had been rewritten: the log's hash for v1 no longer matches v1's file.
    fs.writeFileSync(manifestFile, fs.readFileSync(manifestFile, 'utf8').split(sha256(summarizeV1)).join('d'.repeat(64)));
    const before = manifestBytes(repo.fixture);
    const refused = await promptops('rollback', file);
    assert.deepEqual([refused.code, refused.stderr], [
      1,
      `promptops rollback: support/summarize.prompt at ${short(repo.v1)} has SHA-256 ${sha256(summarizeV1).slice(0, 12)}…, not the dddddddddddd… the audit log recorded, so the history was rewritten; promote the version you want instead.\n`,
    ]);
    assert.deepEqual(manifestBytes(repo.fixture), before);
  });

  it('a failed first commit leaves no manifest behind and nothing added to the index', async () => {
    repo.fixture.write('.git/hooks/pre-commit', '#!/bin/sh\necho "no releases on Fridays" >&2\nexit 1\n');
    const { chmodSync } = await import('node:fs');
    chmodSync(`${repo.fixture.root}/.git/hooks/pre-commit`, 0o755);
    const refused = await promptops('promote', file, repo.v1, '--commit');
    assert.deepEqual([refused.code, refused.stderr], [2, 'promptops promote: Git failed: no releases on Fridays.\n']);
    assert.equal(manifestBytes(repo.fixture), undefined);
    assert.equal(repo.fixture.git(['ls-files', '--cached', '--', 'prompt-releases.yaml']), '');
    assert.equal(repo.fixture.git(['status', '--porcelain']), '');
  });
  it('promotes in a shallow clone that lacks what the label serves, without a comparison it cannot make', async () => {
    await promptops('promote', file, repo.v1);
    repo.fixture.commit('release', { files: { 'prompt-releases.yaml': fs.readFileSync(path.join(repo.fixture.root, 'prompt-releases.yaml'), 'utf8') } });
    // The release commit, the docs commit and v3: v3 is there, the v1 production serves is not.
    const clone = repo.fixture.shallowClone(3);
    const run = await runPromptops(['promote', file, repo.v3], clone);
    assert.deepEqual(run, { code: 0, stdout: `Promoted support/summarize to production: ${repo.v1} → ${short(repo.v3)}.\n`, stderr: '' });
  });
});
