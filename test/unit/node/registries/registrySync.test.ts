import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { readRegistryDrift } from '../../../../src/node/registries/registryDriftStatus';
import { applyRegistrySync, planRegistrySync } from '../../../../src/node/registries/registrySync';
import { openRegistryWorkspace, readRegistryJournal } from '../../../../src/node/registries/registryWorkspace';
import { GitFixture } from '../gitFixture';
import { useContractServer } from './contractServerFixture';

const triage = 'Classify this ticket: {{ticket}}\n';
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function manifest(labels: Record<string, { commit: string; sha256: string }>): string {
  const lines = Object.entries(labels).map(([label, target]) => `      ${label}: {commit: ${target.commit}, path: triage.prompt, sha256: ${target.sha256}}`);
  return ['version: 1', 'prompts:', '  triage:', '    labels:', ...lines, ''].join('\n');
}

function refusal(message: string | RegExp) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof ReleaseRefusal, `expected a ReleaseRefusal, got ${String(error)}`);
    if (typeof message === 'string') assert.equal(error.message, message);
    else assert.match(error.message, message);
    return true;
  };
}

describe('Syncing the registry with the release manifest', () => {
  const { server, registry } = useContractServer();
  let fixture: GitFixture;
  let v1: string;

  beforeEach(() => {
    fixture = GitFixture.create();
    v1 = fixture.commit('triage', { files: { 'triage.prompt': triage } });
  });

  afterEach(() => fixture.dispose());

  it('sync and status --source are refused outside a Git repository', async () => {
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-sync-')));
    try {
      const workspace = await openRegistryWorkspace(folder);
      await assert.rejects(planRegistrySync(workspace, registry()), refusal('sync compares the registry with Git releases, so it runs inside a Git repository.'));
      await assert.rejects(readRegistryDrift(workspace, registry()), refusal('status --source compares the registry with Git releases, so it runs inside a Git repository.'));
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('a manifest that does not parse refuses sync and status, naming the manifest', async () => {
    fixture.write('prompt-releases.yaml', 'prompts: [unclosed\n');
    const workspace = await openRegistryWorkspace(fixture.root);
    await assert.rejects(planRegistrySync(workspace, registry()), refusal('prompt-releases.yaml:2:1: The release manifest does not parse: Flow sequence in block collection must be sufficiently indented and end with a ].'));
    await assert.rejects(readRegistryDrift(workspace, registry()), refusal('prompt-releases.yaml:2:1: The release manifest does not parse: Flow sequence in block collection must be sufficiently indented and end with a ].'));
    assert.deepEqual(server().requests, []);
  });

  it('a manifest with an invalid entry refuses sync and status, naming the manifest', async () => {
    fixture.write('prompt-releases.yaml', manifest({ production: { commit: 'nope', sha256: sha(triage) } }));
    const workspace = await openRegistryWorkspace(fixture.root);
    await assert.rejects(planRegistrySync(workspace, registry()), refusal('prompt-releases.yaml:5:28: "nope" is not a commit: write its full 40-character SHA in lowercase hex.'));
    await assert.rejects(readRegistryDrift(workspace, registry()), refusal('prompt-releases.yaml:5:28: "nope" is not a commit: write its full 40-character SHA in lowercase hex.'));
    assert.deepEqual(server().requests, []);
  });

  it('released bytes whose SHA-256 differs from the manifest are not pushed, and the plan says why', async () => {
    fixture.write('prompt-releases.yaml', manifest({ production: { commit: v1, sha256: '0'.repeat(64) }, staging: { commit: v1, sha256: '0'.repeat(64) } }));
    const workspace = await openRegistryWorkspace(fixture.root);
    const plan = await planRegistrySync(workspace, registry());
    assert.deepEqual(plan.steps, []);
    assert.deepEqual(plan.inSync, []);
    assert.deepEqual(plan.refusals, [`triage production, staging: triage.prompt at ${v1.slice(0, 7)} does not have the SHA-256 prompt-releases.yaml records for triage, so it is not pushed.`]);
  });

  it('a plan for chosen labels leaves the others out; an empty choice means every label', async () => {
    fixture.write('prompt-releases.yaml', manifest({ production: { commit: v1, sha256: sha(triage) }, staging: { commit: v1, sha256: sha(triage) } }));
    const workspace = await openRegistryWorkspace(fixture.root);
    const chosen = await planRegistrySync(workspace, registry(), { labels: ['staging'] });
    assert.deepEqual(
      chosen.steps.map((step) => (step.kind === 'push' ? step.labels : [])),
      [['staging']],
    );
    const none = await planRegistrySync(workspace, registry(), { labels: ['qa'] });
    assert.deepEqual(none, { steps: [], inSync: [], refusals: [] });
    const every = await planRegistrySync(workspace, registry(), { labels: [] });
    assert.deepEqual(
      every.steps.map((step) => (step.kind === 'push' ? step.labels : [])),
      [['production', 'staging']],
    );
  });

  it('applying a plan pushes once for labels sharing bytes, journals each label at the given time, and the next plan is in sync', async () => {
    fixture.write('prompt-releases.yaml', manifest({ production: { commit: v1, sha256: sha(triage) }, staging: { commit: v1, sha256: sha(triage) } }));
    const workspace = await openRegistryWorkspace(fixture.root);
    const plan = await planRegistrySync(workspace, registry());
    const seen: number[] = [];
    const applied = await applyRegistrySync(workspace, registry(), plan, { now: () => new Date('2026-05-06T07:08:09.123Z'), onApplied: (done) => seen.push(done.version) });
    assert.deepEqual(applied.map((done) => done.version), [1]);
    assert.deepEqual(seen, [1]);
    assert.deepEqual(
      readRegistryJournal(workspace).entries.map((entry) => [entry.at, entry.action, entry.label, entry.from, entry.to, entry.by]),
      [
        ['2026-05-06T07:08:09Z', 'sync', 'production', null, 1, 'Ada Lovelace <ada@example.com>'],
        ['2026-05-06T07:08:09Z', 'sync', 'staging', null, 1, 'Ada Lovelace <ada@example.com>'],
      ],
    );
    const again = await planRegistrySync(workspace, registry());
    assert.deepEqual(again, {
      steps: [],
      inSync: [
        { prompt: 'triage', label: 'production', version: 1 },
        { prompt: 'triage', label: 'staging', version: 1 },
      ],
      refusals: [],
    });
    const drift = await readRegistryDrift(workspace, registry());
    assert.deepEqual(
      drift.map((prompt) => [prompt.id, prompt.labels.map((label) => `${label.label} ${label.state}`)]),
      [['triage', ['production in-sync', 'staging in-sync']]],
    );
  });

  it('a label moved in the registry away from the released bytes is moved back, journaled from where it was', async () => {
    fixture.write('prompt-releases.yaml', manifest({ production: { commit: v1, sha256: sha(triage) } }));
    const workspace = await openRegistryWorkspace(fixture.root);
    await applyRegistrySync(workspace, registry(), await planRegistrySync(workspace, registry()));
    await registry().createVersion({ name: 'triage', content: { type: 'text', prompt: 'edited' }, config: {}, labels: ['production'], commitMessage: undefined });
    const plan = await planRegistrySync(workspace, registry());
    assert.deepEqual(plan.steps, [{ kind: 'move', prompt: 'triage', label: 'production', from: 2, to: 1, sha256: sha(triage) }]);
    const applied = await applyRegistrySync(workspace, registry(), plan);
    assert.deepEqual(applied.map((done) => done.version), [1]);
    const last = readRegistryJournal(workspace).entries.at(-1);
    assert.deepEqual([last?.from, last?.to, last?.label], [2, 1, 'production']);
  });

  it('status --source tells registry ahead, git ahead and unknown origin per label, sorted, without latest', async () => {
    const v2 = fixture.commit('triage v2', { files: { 'triage.prompt': 'v2 {{ticket}}\n' } });
    fixture.write('prompt-releases.yaml', manifest({ production: { commit: v1, sha256: sha(triage) }, qa: { commit: v1, sha256: sha(triage) } }));
    server().seed('triage', [
      { prompt: 'v2 {{ticket}}', config: { promptops: { commit: v2, sha256: sha('v2 {{ticket}}\n'), path: 'triage.prompt' } }, labels: ['production'] },
      { prompt: 'edited', labels: ['staging'] },
    ]);
    const workspace = await openRegistryWorkspace(fixture.root);
    const drift = await readRegistryDrift(workspace, registry());
    assert.deepEqual(
      drift.map((prompt) => [prompt.id, prompt.labels.map((label) => `${label.label} ${label.state} ${label.registry?.version ?? '-'}`)]),
      [['triage', ['production registry-ahead 1', 'qa git-ahead -', 'staging unknown-origin 2']]],
    );
  });

  it('status --source tells git ahead when the registry has an older commit than the manifest', async () => {
    const v2 = fixture.commit('triage v2', { files: { 'triage.prompt': 'v2 {{ticket}}\n' } });
    fixture.write('prompt-releases.yaml', manifest({ production: { commit: v2, sha256: sha('v2 {{ticket}}\n') } }));
    server().seed('triage', [{ prompt: 'Classify this ticket: {{ticket}}', config: { promptops: { commit: v1, sha256: sha(triage), path: 'triage.prompt' } }, labels: ['production'] }]);
    const drift = await readRegistryDrift(await openRegistryWorkspace(fixture.root), registry());
    assert.deepEqual(
      drift[0]?.labels.map((label) => [label.label, label.state, label.registry?.provenance?.commit, label.manifest?.commit]),
      [['production', 'git-ahead', v1, v2]],
    );
  });
});
