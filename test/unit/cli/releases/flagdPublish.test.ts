import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import nodeFs = require('node:fs');
import { loadPromptBundle, resolvePromptWithFlags, verifyPromptBundle } from '../../../../src/runtime/promptRuntime';
import { evaluate, flagdClient, flagdEngine } from '../../runtime/flagdEngine';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, manifestBytes, manifestIn, sha256, short, summarizeV1, summarizeV2, triageV1, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';
const summarizeFlag = 'promptops.support/summarize.production';
// Rolling v2 back to v1 drops v2's optional tone: a warning, never a reason to hold a rollback up.
const toneWarning = "promptops rollback: warning: support/summarize production: 'tone' is no longer an input, so callers that send it no longer change the prompt.\n";

describe('promptops export --format flagd and publish: flags flagd evaluates', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);
  const read = (name: string) => fs.readFileSync(path.join(repo.fixture.root, name), 'utf8');

  it('exports one flag per prompt and label that flagd loads with strict validation and serves the label version from', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2);
    await promptops('promote', 'support/triage.prompt', repo.triage, '--label', 'staging');
    const run = await promptops('export', '--format', 'flagd');
    assert.equal(run.code, 0, run.stderr);
    const flags = JSON.parse(run.stdout);
    assert.deepEqual(Object.keys(flags.flags), [summarizeFlag, 'promptops.support/triage.staging']);
    assert.deepEqual(flags.flags[summarizeFlag], {
      state: 'ENABLED',
      variants: {
        [repo.v2]: { commit: repo.v2, sha256: sha256(summarizeV2), path: file },
        [repo.v1]: { commit: repo.v1, sha256: sha256(summarizeV1), path: file },
      },
      defaultVariant: repo.v2,
      metadata: { prompt: 'support/summarize', label: 'production' },
    });
    const engine = flagdEngine(run.stdout);
    assert.deepEqual(evaluate(engine, summarizeFlag, 'customer-7'), { commit: repo.v2, variant: repo.v2, reason: 'STATIC' });
    assert.deepEqual(evaluate(engine, 'promptops.support/triage.staging'), { commit: repo.triage, variant: repo.triage, reason: 'STATIC' });
  });

  it('a canary splits units through flagd near its weight, the same unit always on the same arm, and a rollback moves the default', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2);
    assert.equal((await promptops('canary', file, repo.v3, '--weight', '20', '--yes')).code, 0);
    const canary = flagdEngine((await promptops('export', '--format', 'flagd')).stdout);
    let inCanary = 0;
    for (let unit = 0; unit < 10_000; unit++) {
      const first = evaluate(canary, summarizeFlag, `customer-${unit}`);
      assert.equal(first.reason, 'TARGETING_MATCH');
      assert.deepEqual(evaluate(canary, summarizeFlag, `customer-${unit}`), first);
      if (first.commit === repo.v3) inCanary++;
      else assert.equal(first.commit, repo.v2);
    }
    assert.ok(Math.abs(inCanary / 10_000 - 0.2) < 0.015, `${inCanary} of 10,000 units in a 20% canary`);
    // Without a unit, fractional targeting has nothing to bucket: the label's version serves.
    assert.deepEqual(evaluate(canary, summarizeFlag), { commit: repo.v2, variant: repo.v2, reason: 'DEFAULT' });

    await promptops('rollback', file);
    const rolledBack = (await promptops('export', '--format', 'flagd')).stdout;
    assert.equal(evaluate(flagdEngine(rolledBack), summarizeFlag).commit, repo.v1);
    assert.deepEqual(JSON.parse(rolledBack).flags[summarizeFlag].targeting, { fractional: [[repo.v1, 80], [repo.v3, 20]] });
  });

  it('--history N keeps the last N versions of each label, and --label only those labels', async () => {
    for (const version of [repo.v1, repo.v2, repo.v3]) await promptops('promote', file, version, '--yes');
    await promptops('promote', 'support/triage.prompt', repo.triage, '--label', 'staging');
    const one = JSON.parse((await promptops('export', '--format', 'flagd', '--history', '1', '--label', 'production')).stdout);
    assert.deepEqual(Object.keys(one.flags), [summarizeFlag]);
    assert.deepEqual(Object.keys(one.flags[summarizeFlag].variants), [repo.v3, repo.v2]);
    const none = JSON.parse((await promptops('export', '--format', 'flagd', '--history', '0')).stdout);
    assert.deepEqual(Object.keys(none.flags[summarizeFlag].variants), [repo.v3]);
    assert.deepEqual(await promptops('export', '--format', 'flagd', '--history', 'all'), { code: 2, stdout: '', stderr: 'promptops export: --history must be a whole number of versions from 0 to 999, not "all".\n' });
  });

  it('leaves out, with a warning, a rollback target whose bytes are not what the audit log recorded', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2);
    const manifestFile = path.join(repo.fixture.root, 'prompt-releases.yaml');
    // The first event's hash, as if the history had been rewritten since; the labels still match theirs.
    fs.writeFileSync(manifestFile, read('prompt-releases.yaml').replace(`sha256: ${sha256(summarizeV1)}`, `sha256: ${'0'.repeat(64)}`));
    const run = await promptops('export', '--format', 'flagd');
    assert.equal(run.code, 0);
    assert.equal(
      run.stderr,
      `promptops export: warning: support/summarize production: support/summarize.prompt at ${short(repo.v1)} has SHA-256 ${sha256(summarizeV1).slice(0, 12)}…, not the 000000000000… the audit log recorded, so the history was rewritten. It is left out of the rollback targets.\n`,
    );
    assert.deepEqual(Object.keys(JSON.parse(run.stdout).flags[summarizeFlag].variants), [repo.v2]);
  });

  it('publish writes the flags and the bundle carrying every version they name; the runtime serves a rollback from it', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2);
    await promptops('promote', 'support/triage.prompt', repo.triage, '--label', 'staging');
    const run = await promptops('publish', '--flags', 'live/flags.json', '--bundle', 'live/bundle.json', '--mkdir');
    assert.deepEqual(run, { code: 0, stdout: 'Published 2 flags (production, staging) to live/flags.json and the bundle to live/bundle.json.\n', stderr: '' });
    const bundle = loadPromptBundle(read('live/bundle.json'));
    await verifyPromptBundle(bundle);
    assert.deepEqual([...(bundle.prompts.get('support/summarize')?.versions.keys() ?? [])], [repo.v1]);
    assert.equal(bundle.prompts.get('support/triage')?.labels.get('staging')?.source, triageV1);

    const rolledBack = await promptops('rollback', file, '--publish', 'live/flags.json');
    assert.deepEqual(rolledBack, { code: 0, stdout: `Rolled back support/summarize production: ${short(repo.v2)} → ${short(repo.v1)}.\nPublished to live/flags.json.\n`, stderr: toneWarning });
    const served = await resolvePromptWithFlags(bundle, flagdClient(flagdEngine(read('live/flags.json'))), 'support/summarize', 'production', 'customer-7');
    assert.equal(served.source, summarizeV1);
    assert.deepEqual(served.provenance, { id: 'support/summarize', label: 'production', commit: repo.v1, sha256: sha256(summarizeV1), arm: 'stable', flagKey: summarizeFlag, variant: repo.v1, reason: 'STATIC' });
  });

  it('promote, canary and canary --clear publish too, each in the same run as its move', async () => {
    await promptops('promote', file, repo.v1);
    assert.deepEqual(await promptops('promote', file, repo.v2, '--publish', 'flags.json'), {
      code: 0,
      stdout: `Promoted support/summarize to production: ${short(repo.v1)} → ${short(repo.v2)}.\nPublished to flags.json.\n`,
      stderr: '',
    });
    assert.equal(evaluate(flagdEngine(read('flags.json')), summarizeFlag).commit, repo.v2);
    assert.equal((await promptops('canary', file, repo.v3, '--weight', '5', '--yes', '--publish', 'flags.json')).stdout.split('\n')[1], 'Published to flags.json.');
    assert.deepEqual(JSON.parse(read('flags.json')).flags[summarizeFlag].targeting, { fractional: [[repo.v2, 95], [repo.v3, 5]] });
    assert.equal(evaluate(flagdEngine(read('flags.json')), summarizeFlag, 'customer-1').reason, 'TARGETING_MATCH');
    assert.equal((await promptops('canary', file, '--clear', '--publish', 'flags.json')).code, 0);
    assert.equal(JSON.parse(read('flags.json')).flags[summarizeFlag].targeting, undefined);
    assert.deepEqual(evaluate(flagdEngine(read('flags.json')), summarizeFlag, 'customer-1'), { commit: repo.v2, variant: repo.v2, reason: 'STATIC' });
  });

  it('when publishing fails after the move, the move stands, the command says publishing failed and exits 1', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2);
    // A folder that refuses new files, as a full disk or a read-only mount would (root ignores permissions).
    const run = await promptops('rollback', file, '--publish', '/proc/self/flags.json');
    assert.deepEqual(run, {
      code: 1,
      stdout: `Rolled back support/summarize production: ${short(repo.v2)} → ${short(repo.v1)}.\n`,
      stderr:
        toneWarning +
        'promptops rollback: publishing failed: /proc/self/flags.json could not be written (its folder is gone or refuses new files), so it still holds what was there before. The move stands in prompt-releases.yaml; run promptops publish --flags /proc/self/flags.json once the problem is fixed.\n',
    });
    assert.equal(manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.labels.get('production')?.commit, repo.v1);
    assert.equal(manifestIn(repo.fixture).manifest.events.at(-1)?.action, 'rollback');
  });

  it('refuses a --publish target that is not a regular file before anything moves', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('promote', file, repo.v2);
    const before = manifestBytes(repo.fixture);
    fs.mkdirSync(path.join(repo.fixture.root, 'live'));
    assert.deepEqual(await promptops('rollback', file, '--publish', 'live'), { code: 2, stdout: '', stderr: 'promptops rollback: live is a folder, not a file, so nothing was written there.\n' });
    assert.deepEqual(await promptops('promote', file, repo.v3, '--yes', '--publish', 'prompt-releases.yaml'), {
      code: 2,
      stdout: '',
      stderr: 'promptops promote: prompt-releases.yaml is the release manifest; write the flags to another file.\n',
    });
    assert.deepEqual(manifestBytes(repo.fixture), before);
  });

  it('refuses to move a label with --publish when the manifest fails the release gate, since the flags could not be published', async () => {
    await promptops('promote', file, repo.v1);
    const manifestFile = path.join(repo.fixture.root, 'prompt-releases.yaml');
    // A hand edit: the label now serves v2, which no event explains.
    fs.writeFileSync(manifestFile, read('prompt-releases.yaml').replace(`commit: ${repo.v1}\n      path`, `commit: ${repo.v2}\n      path`).replace(`sha256: ${sha256(summarizeV1)}\nevents:`, `sha256: ${sha256(summarizeV2)}\nevents:`));
    const before = manifestBytes(repo.fixture);
    const run = await promptops('promote', 'support/triage.prompt', repo.triage, '--publish', 'flags.json');
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^promptops promote: prompt-releases\.yaml:\d+:\d+: support\/summarize production serves [0-9a-f]{7}, but the audit log's last move of it/);
    assert.deepEqual(manifestBytes(repo.fixture), before);
    assert.equal(fs.existsSync(path.join(repo.fixture.root, 'flags.json')), false);
  });

  it('status fails and publish refuses when two labels would publish the same flag key', async () => {
    const a = repo.fixture.commit('two ids that collide as flag keys', { files: { 'a.b.prompt': 'One.\n', 'a.prompt': 'Two.\n' } });
    assert.equal((await promptops('promote', 'a.b.prompt', a, '--label', 'c')).code, 0);
    assert.equal((await promptops('promote', 'a.prompt', a, '--label', 'b.c')).code, 0);
    const status = await promptops('status');
    assert.equal(status.code, 1);
    assert.match(status.stderr, /^promptops status: prompt-releases\.yaml:\d+:\d+: a\.b c and a b\.c would both publish the flag promptops\.a\.b\.c; rename one of the prompts or labels\.$/m);
    const publish = await promptops('publish', '--flags', 'flags.json');
    assert.equal(publish.code, 1);
    assert.match(publish.stderr, /a\.b c and a b\.c would both publish the flag promptops\.a\.b\.c/);
    assert.equal(fs.existsSync(path.join(repo.fixture.root, 'flags.json')), false);
  });

  it('names a rollback target missing from a shallow clone in full, and says to fetch the history', async () => {
    await promptops('promote', file, repo.v2);
    await promptops('promote', file, repo.v3, '--yes');
    repo.fixture.commit('release', { files: { 'prompt-releases.yaml': read('prompt-releases.yaml') } });
    // The release commit, the docs commit and v3: v3 is there, the v2 it may roll back to is not.
    const clone = repo.fixture.shallowClone(3);
    const run = await runPromptops(['publish', '--flags', 'flags.json'], clone);
    assert.equal(run.code, 2);
    assert.equal(run.stderr, `promptops publish: support/summarize production served ${repo.v2}, which this clone does not have; fetch the full history (git fetch --unshallow) before publishing.\n`);
    assert.equal(fs.existsSync(path.join(clone, 'flags.json')), false);
  });

  it('publish refuses what export --out refuses, writing nothing (exit 2)', async () => {
    await promptops('promote', file, repo.v1);
    const refused = async (args: readonly string[], message: string) => {
      assert.deepEqual(await promptops('publish', ...args), { code: 2, stdout: '', stderr: `promptops publish: ${message}\n` });
    };
    await refused([], 'needs --flags F, the flag file services read. Usage: promptops publish --flags F [--bundle B] [--label L]... [--history N] [--mkdir]');
    await refused(['--flags', 'prompt-releases.yaml'], 'prompt-releases.yaml is the release manifest; write the flags to another file.');
    await refused(['--flags', 'out.json', '--bundle', 'out.json'], 'out.json and out.json are the same file; give each output its own.');
    fs.mkdirSync(path.join(repo.fixture.root, 'live'));
    await refused(['--flags', 'live'], 'live is a folder, not a file, so nothing was written there.');
    fs.symlinkSync('elsewhere.json', path.join(repo.fixture.root, 'live/link.json'));
    await refused(['--flags', 'live/link.json'], 'live/link.json is a symbolic link; it is written as a regular file only, never through a link.');
    assert.equal(spawnSync('mkfifo', [path.join(repo.fixture.root, 'live/pipe.json')]).status, 0);
    await refused(['--flags', 'live/pipe.json'], 'live/pipe.json is a named pipe, not a file, so nothing was written there.');
    await refused(['--flags', 'flags.json', '--bundle', '/dev/null'], '/dev/null is a device, not a file, so nothing was written there.');
    await refused(['--flags', 'new/flags.json'], 'The folder new does not exist; create it first, or pass --mkdir.');
    assert.equal(fs.existsSync(path.join(repo.fixture.root, 'flags.json')), false);
    assert.equal(fs.existsSync(path.join(repo.fixture.root, 'elsewhere.json')), false);
  });
  it('says in one sentence why the flag file could not be written, leaving what was there before', async () => {
    await promptops('promote', file, repo.v1);
    // The folder refuses new files, even to root.
    assert.deepEqual(await promptops('publish', '--flags', '/sys/promptops-flags.json'), {
      code: 2,
      stdout: '',
      stderr: 'promptops publish: /sys/promptops-flags.json could not be written (permission denied), so it still holds what was there before.\n',
    });
    // What a full disk, a read-only mount or a quota reports when the file is flushed.
    const reasons: [string, string][] = [
      ['EPERM', 'permission denied'],
      ['ENOSPC', 'the disk is full'],
      ['EROFS', 'the file system is read-only'],
      ['EDQUOT', 'the disk quota is used up'],
      ['EIO', 'EIO'],
    ];
    const fsync = nodeFs.fsyncSync;
    try {
      for (const [code, reason] of reasons) {
        nodeFs.fsyncSync = () => {
          throw Object.assign(new Error(`${code}: simulated`), { code });
        };
        assert.deepEqual(await promptops('publish', '--flags', 'flags.json'), {
          code: 2,
          stdout: '',
          stderr: `promptops publish: flags.json could not be written (${reason}), so it still holds what was there before.\n`,
        }, code);
      }
    } finally {
      nodeFs.fsyncSync = fsync;
    }
    assert.equal(fs.existsSync(path.join(repo.fixture.root, 'flags.json')), false);
  });
});
