import * as assert from 'node:assert/strict';
import { sha256, summarizeV1, summarizeV2, triageV1, useRegistryCliFixture } from './registryCliFixture';

const short = (commit: string): string => commit.slice(0, 7);

describe('promptops status and sync with --source langfuse (drift between Git releases and Langfuse)', () => {
  const fixture = useRegistryCliFixture();

  /** The manifest releases summarize v1 to production, v2 to staging, and triage to production. */
  async function release(): Promise<void> {
    const { promptops, v1, v2, triage } = fixture();
    for (const args of [['support/summarize.prompt', v1], ['support/summarize.prompt', v2, '--label', 'staging', '--yes'], ['support/triage.prompt', triage]]) {
      const run = await promptops('promote', ...args);
      assert.equal(run.code, 0, run.stderr);
    }
  }

  it('status says git ahead for every label Langfuse lacks, and exits 1', async () => {
    await release();
    const { promptops, server, v1, v2, triage } = fixture();
    const status = await promptops('status', '--source', 'langfuse');
    assert.equal(status.code, 1);
    assert.equal(
      status.stdout,
      [
        `Langfuse at ${server.url}: 0 of 3 labels in sync with prompt-releases.yaml.`,
        'support/summarize',
        `  production  git ahead       git ${short(v1)}; Langfuse has no such label`,
        `  staging     git ahead       git ${short(v2)}; Langfuse has no such label`,
        'support/triage',
        `  production  git ahead       git ${short(triage)}; Langfuse has no such label`,
        '',
        'promptops sync --source langfuse plans the pushes and label moves that bring Langfuse in line with Git.',
        '',
      ].join('\n'),
    );
  });

  it('sync prints a plan and changes nothing; with --yes it pushes the released versions, and status is then in sync', async () => {
    await release();
    const { promptops, server, v1, v2, triage } = fixture();
    const plan = await promptops('sync');
    assert.equal(plan.code, 0);
    assert.equal(
      plan.stdout,
      [
        `Langfuse at ${server.url}: 0 labels in sync, 3 steps to sync.`,
        `push   support/summarize from support/summarize.prompt at ${short(v1)} as a new version labelled production`,
        `push   support/summarize from support/summarize.prompt at ${short(v2)} as a new version labelled staging`,
        `push   support/triage from support/triage.prompt at ${short(triage)} as a new version labelled production`,
        'Nothing was changed; run again with --yes to apply this plan.',
        '',
      ].join('\n'),
    );
    assert.ok(server.requests.every((request) => request.method === 'GET'), 'planning only reads');

    const applied = await promptops('sync', '--yes');
    assert.equal(applied.code, 0);
    assert.match(applied.stdout, /\napplied push support\/summarize: production → v1\napplied push support\/summarize: staging → v2\napplied push support\/triage: production → v1\nLangfuse now serves what prompt-releases\.yaml releases\.\n$/);
    assert.deepEqual((server.versionOf('support/summarize', 1)?.['config'] as Record<string, unknown>)['promptops'], { commit: v1, sha256: sha256(summarizeV1), path: 'support/summarize.prompt' });
    assert.deepEqual((server.versionOf('support/triage', 1)?.['config'] as Record<string, unknown>)['promptops'], { commit: triage, sha256: sha256(triageV1), path: 'support/triage.prompt' });

    const status = await promptops('status', '--source', 'langfuse', '--format', 'json');
    assert.equal(status.code, 0);
    const json = JSON.parse(status.stdout) as { inSync: boolean; prompts: { id: string; labels: { label: string; state: string; registry: { version: number; commit: string } }[] }[] };
    assert.equal(json.inSync, true);
    assert.deepEqual(json.prompts.map((prompt) => [prompt.id, prompt.labels.map((label) => [label.label, label.state, label.registry.version, label.registry.commit])]), [
      ['support/summarize', [['production', 'in-sync', 1, v1], ['staging', 'in-sync', 2, v2]]],
      ['support/triage', [['production', 'in-sync', 1, triage]]],
    ]);
    assert.equal((await promptops('sync')).stdout, `Langfuse at ${server.url}: 3 labels in sync, 0 steps to sync.\n`);
  });

  it('after a Git promote, sync moves the Langfuse label to the version that has the released bytes', async () => {
    await release();
    const { promptops, server, v2 } = fixture();
    await promptops('sync', '--yes');
    await promptops('promote', 'support/summarize.prompt', 'staging', '--yes');
    const drift = await promptops('status', '--source', 'langfuse');
    assert.match(drift.stdout, new RegExp(`\\n  production  git ahead       git ${short(v2)}; Langfuse v1 \\(from git [0-9a-f]{7}\\)\\n`));
    const plan = await promptops('sync', '--label', 'production', '--yes');
    assert.match(plan.stdout, /\nmove   support\/summarize production: v1 → v2\n/);
    assert.deepEqual(server.labelsOf('support/summarize').get(2), ['latest', 'production', 'staging']);
    assert.equal(server.requests.filter((request) => request.method === 'POST').length, 3, 'no new version for bytes Langfuse has');
  });

  it('status tells registry ahead (a newer commit pushed) and unknown origin (edited in Langfuse)', async () => {
    await release();
    const { promptops, server, repo } = fixture();
    await promptops('sync', '--yes');
    const newer = repo.commit('summarize v3', { files: { 'support/summarize.prompt': summarizeV2.replace('two sentences', 'one sentence') } });
    await promptops('push', 'support/summarize.prompt', '--label', 'staging');
    server.seed('support/triage', [{ prompt: 'Edited in the UI {{ticket}}', labels: ['production'] }]);
    const status = await promptops('status', '--source', 'langfuse');
    assert.equal(status.code, 1);
    assert.match(status.stdout, new RegExp(`\\n  staging     registry ahead  git [0-9a-f]{7}; Langfuse v3 \\(from git ${short(newer)}\\)\\n`));
    assert.match(status.stdout, /\n {2}production  unknown origin  git [0-9a-f]{7}; Langfuse v2 \(no PromptOps provenance\)\n/);
    assert.match(status.stdout, /^Langfuse at .*: 1 of 3 labels in sync with prompt-releases\.yaml\.\n/);
  });

  it('sync refuses a released version that uses Handlebars features, says why, and exits 1 after syncing the rest', async () => {
    const { promptops, repo, server } = fixture();
    const looped = repo.commit('loop', { files: { 'support/loop.prompt': '---\ninput:\n  schema:\n    items(array): string\n---\n{{#each items}}{{this}}{{/each}}\n' } });
    await promptops('promote', 'support/loop.prompt', looped);
    await promptops('promote', 'support/triage.prompt', fixture().triage);
    const sync = await promptops('sync', '--yes');
    assert.equal(sync.code, 1);
    assert.match(sync.stderr, /^promptops sync: support\/loop production: support\/loop\.prompt@[0-9a-f]{7}:6:1: \{\{#each items\}\} is a Handlebars block/);
    assert.match(sync.stdout, /applied push support\/triage: production → v1\n/);
    assert.equal(server.labelsOf('support/loop').size, 0);
  });
});
