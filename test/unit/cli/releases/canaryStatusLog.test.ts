import * as assert from 'node:assert/strict';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, manifestBytes, manifestIn, sha256, short, summarizeV1, summarizeV2, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';

describe('promptops canary, status and log', () => {
  let repo: ReleaseRepository;

  beforeEach(() => {
    repo = createReleaseRepository();
  });

  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  it('canary splits a label between its version and another, shows the split in status, and --clear ends it', async () => {
    await promptops('promote', file, repo.v1);
    const canary = await promptops('canary', file, repo.v2, '--label', 'production', '--weight', '10', '--note', 'try v2 on a tenth');
    assert.deepEqual(canary, { code: 0, stdout: `Canary for support/summarize production: ${short(repo.v2)} serves 10% of traffic, ${short(repo.v1)} the rest.\n`, stderr: '' });
    const entry = manifestIn(repo.fixture).manifest.prompts.get('support/summarize');
    assert.equal(entry?.canaries.get('production')?.weight, 10);
    assert.equal(entry?.canaries.get('production')?.sha256, sha256(summarizeV2));
    assert.equal(entry?.labels.get('production')?.commit, repo.v1, 'the label itself does not move');

    const status = await promptops('status');
    assert.match(status.stdout, new RegExp(`\\n {2}production {2}${short(repo.v1)} {2}canary ${short(repo.v2)} at 10%, ${short(repo.v1)} at 90%\\n`));

    const ramped = await promptops('canary', file, repo.v2, '--weight', '50');
    assert.equal(ramped.code, 0);
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.canaries.get('production')?.weight, 50);

    const cleared = await promptops('canary', file, '--label', 'production', '--clear', '--commit');
    assert.equal(cleared.code, 0, cleared.stderr);
    assert.match(cleared.stdout, new RegExp(`^Cleared the canary of support/summarize production: ${short(repo.v1)} serves all traffic\\.\\nCommitted the manifest alone as [0-9a-f]{7}\\.\\n$`));
    assert.equal(repo.fixture.git(['log', '-1', '--format=%s']), `clear canary of support/summarize production (${short(repo.v2)})`);
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.canaries.size, 0);
    const events = manifestIn(repo.fixture).manifest.events;
    assert.deepEqual(events.map(({ action, from, to, weight }) => [action, from, to, weight]), [
      ['promote', null, repo.v1, undefined],
      ['canary', repo.v1, repo.v2, 10],
      ['canary', repo.v1, repo.v2, 50],
      ['canary-clear', repo.v2, repo.v1, undefined],
    ]);
  });

  it('promoting the canary\'s version completes it', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('canary', file, repo.v2, '--weight', '25');
    const promoted = await promptops('promote', file, repo.v2);
    assert.equal(
      promoted.stdout,
      `Promoted support/summarize to production: ${short(repo.v1)} → ${short(repo.v2)}.\nThe canary of support/summarize production is over: ${short(repo.v2)} now serves all traffic.\n`,
    );
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.canaries.size, 0);
  });

  it('a canary of the version the label already serves is refused', async () => {
    await promptops('promote', file, repo.v1);
    const before = manifestBytes(repo.fixture);
    const run = await promptops('canary', file, repo.v1, '--weight', '5');
    assert.equal(run.code, 1);
    assert.equal(run.stderr, `promptops canary: support/summarize production already serves ${short(repo.v1)} to all traffic; a canary needs another version.\n`);
    assert.deepEqual(manifestBytes(repo.fixture), before);
  });

  it('status shows each label and whether HEAD and the working copy differ from production', async () => {
    const none = await promptops('status');
    assert.deepEqual(none, { code: 0, stdout: 'No prompt-releases.yaml yet; promote a version to create it.\n', stderr: '' });
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2, '--label', 'staging');
    await promptops('promote', 'support/triage.prompt', repo.triage, '--label', 'staging');
    const status = await promptops('status');
    assert.deepEqual(status, {
      code: 0,
      stderr: '',
      stdout: [
        'support/summarize  (support/summarize.prompt)',
        `  production  ${short(repo.v1)}`,
        `  staging     ${short(repo.v2)}`,
        '  vs production: HEAD differs, working copy differs',
        'support/triage  (support/triage.prompt)',
        `  staging  ${short(repo.triage)}`,
        '  no production label',
        '',
      ].join('\n'),
    });
    repo.fixture.write(file, summarizeV1);
    const json = JSON.parse((await promptops('status', '--format', 'json')).stdout);
    assert.deepEqual(json.prompts[0], {
      id: 'support/summarize',
      file: 'support/summarize.prompt',
      labels: [
        { label: 'production', commit: repo.v1, path: file, sha256: sha256(summarizeV1), canary: null },
        { label: 'staging', commit: repo.v2, path: file, sha256: sha256(summarizeV2), canary: null },
      ],
      headDiffersFromProduction: true,
      workingCopyDiffersFromProduction: false,
    });
    assert.deepEqual({ releasesFile: json.releasesFile, exists: json.exists, valid: json.valid, problems: json.problems }, { releasesFile: 'prompt-releases.yaml', exists: true, valid: true, problems: [] });
    assert.equal(json.prompts[1].headDiffersFromProduction, null);
  });

  it('status finds a prompt renamed since its release, and lists the manifest\'s problems', async () => {
    await promptops('promote', file, repo.v1);
    repo.fixture.commit('move', { renames: { [file]: 'support/tickets/summarize.prompt' } });
    repo.fixture.commit('name it', { files: { 'support/tickets/summarize.prompt': `---\nname: support/summarize\n${summarizeV1.slice(4)}` } });
    const status = await promptops('status');
    assert.match(status.stdout, /^support\/summarize {2}\(support\/tickets\/summarize\.prompt\)\n/);
    repo.fixture.write('prompt-releases.yaml', `${manifestBytes(repo.fixture)?.toString('utf8') ?? ''}extra: 1\n`);
    const warned = await promptops('status');
    assert.equal(warned.code, 0);
    assert.match(warned.stderr, /^promptops status: warning: prompt-releases\.yaml:\d+:1: The release manifest has no field "extra"; it is kept but ignored\.\n$/);
  });

  it('log lists events newest first, filtered by prompt (file or id) and label, as text or JSON', async () => {
    for (const argv of [['promote', file, repo.v1, '--note', 'first'], ['promote', file, repo.v2, '--label', 'staging'], ['promote', 'support/triage.prompt', repo.triage]]) {
      const run = await promptops(...argv);
      assert.equal(run.code, 0, run.stderr);
    }
    // Rolling staging "back" to what it already serves writes no event, so the log below has three.
    assert.deepEqual(await promptops('rollback', file, '--label', 'staging', '--to', repo.v2), {
      code: 0,
      stdout: `support/summarize staging is already at ${short(repo.v2)}. Nothing to do.\n`,
      stderr: '',
    });
    const all = await promptops('log');
    assert.equal(all.code, 0);
    const lines = all.stdout.split('\n');
    assert.match(lines[0] ?? '', new RegExp(`^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ {2}promote {7}support/triage {2}production {2}new → ${short(repo.triage)} {2}Ada Lovelace <ada@example.com>$`));
    assert.equal(lines.filter((line) => /Z {2}promote/.test(line)).length, 3);
    assert.match(all.stdout, / {4}first\n$/);

    const byFile = JSON.parse((await promptops('log', file, '--format', 'json')).stdout);
    assert.deepEqual(byFile.events.map((event: { label: string; to: string }) => [event.label, event.to]), [
      ['staging', repo.v2],
      ['production', repo.v1],
    ]);
    assert.deepEqual(Object.keys(byFile.events[1]), ['at', 'by', 'action', 'prompt', 'label', 'from', 'to', 'sha256', 'note']);
    const byId = JSON.parse((await promptops('log', 'support/summarize', '--label', 'production', '--format', 'json')).stdout);
    assert.deepEqual(byId.events.map((event: { note: string }) => event.note), ['first']);
    const byLabel = JSON.parse((await promptops('log', '--label', 'staging', '--format', 'json')).stdout);
    assert.equal(byLabel.events.length, 1);
    assert.deepEqual(await promptops('log', '--label', 'eu'), { code: 0, stdout: 'No release events for eu yet.\n', stderr: '' });
    const unknown = await promptops('log', 'support/nothing');
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'promptops log: support/nothing is neither a prompt file nor a prompt id in prompt-releases.yaml.\n');
  });
});
