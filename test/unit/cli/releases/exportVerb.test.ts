import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPromptBundle, renderResolved, resolvePrompt, verifyPromptBundle } from '../../../../src/runtime/promptRuntime';
import { GitFixture } from '../../node/gitFixture';
import { runPromptops } from '../cliRunner';
import { createReleaseRepository, sha256, short, styleV1, summarizeV1, summarizeV2, triageV1, type ReleaseRepository } from './releaseFixture';

const file = 'support/summarize.prompt';

describe('promptops export', () => {
  let repo: ReleaseRepository;

  beforeEach(() => {
    repo = createReleaseRepository();
  });

  afterEach(() => repo.fixture.dispose());

  const promptops = (...argv: string[]) => runPromptops(argv, repo.fixture.root);

  it('writes the promptops-bundle/1 bundle of production: sources verified, canary arms and partials included', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('canary', file, repo.v2, '--weight', '20');
    await promptops('promote', 'support/triage.prompt', repo.triage, '--label', 'staging');
    const run = await promptops('export');
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      format: 'promptops-bundle/1',
      labels: ['production'],
      prompts: {
        'support/summarize': {
          labels: { production: { commit: repo.v1, path: file, sha256: sha256(summarizeV1), source: summarizeV1, partials: {} } },
          canary: {
            production: {
              commit: repo.v2,
              path: file,
              sha256: sha256(summarizeV2),
              source: summarizeV2,
              partials: { style: { path: 'support/_style.prompt', sha256: sha256(styleV1), source: styleV1 } },
              weight: 20,
            },
          },
        },
      },
    });
  });

  it('exports several labels with --label, to a file with --out, which the runtime loads and renders', async () => {
    await promptops('promote', file, repo.v2);
    await promptops('promote', 'support/triage.prompt', repo.triage, '--label', 'staging');
    const run = await promptops('export', '--label', 'production', '--label', 'staging', '--out', 'build/prompts.json', '--mkdir');
    assert.deepEqual(run, { code: 0, stdout: 'Exported 2 prompts (production, staging) to build/prompts.json.\n', stderr: '' });
    const written = JSON.parse(fs.readFileSync(path.join(repo.fixture.root, 'build/prompts.json'), 'utf8')) as { prompts: Record<string, object> };
    // A prompt without a canary has no "canary" key at all.
    assert.deepEqual(Object.entries(written.prompts).map(([id, entry]) => [id, Object.keys(entry)]), [['support/summarize', ['labels']], ['support/triage', ['labels']]]);
    const bundle = loadPromptBundle(written);
    await verifyPromptBundle(bundle);
    assert.equal(resolvePrompt(bundle, 'support/triage', 'staging').source, triageV1);
    const resolved = resolvePrompt(bundle, 'support/summarize', 'production', 'user-1');
    assert.deepEqual(resolved.provenance, { id: 'support/summarize', label: 'production', commit: repo.v2, sha256: sha256(summarizeV2), arm: 'stable' });
    const rendered = await renderResolved(resolved, { ticket: 'The site is down.' });
    assert.equal(rendered.messages[0]?.content[0] && 'text' in rendered.messages[0].content[0] ? rendered.messages[0].content[0].text : '', 'Write plainly.\nSummarize this ticket in a calm tone: The site is down.');
  });

  it('fails in one sentence, exporting nothing, when a source does not match the sha256 the manifest records', async () => {
    await promptops('promote', file, repo.v1);
    const manifestFile = path.join(repo.fixture.root, 'prompt-releases.yaml');
    fs.writeFileSync(manifestFile, fs.readFileSync(manifestFile, 'utf8').split(sha256(summarizeV1)).join('f'.repeat(64)));
    const run = await promptops('export', '--out', 'bundle.json');
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      `promptops export: prompt-releases.yaml:10:17: support/summarize production: support/summarize.prompt at ${short(repo.v1)} has SHA-256 ${sha256(summarizeV1).slice(0, 12)}…, but prompt-releases.yaml records ffffffffffff…, so it is not the version that was reviewed.\n`,
    );
    assert.equal(fs.existsSync(path.join(repo.fixture.root, 'bundle.json')), false);
  });

  it('names the canary arm whose source does not match the sha256 the manifest records', async () => {
    await promptops('promote', file, repo.v1);
    await promptops('canary', file, repo.v2, '--weight', '20');
    const manifestFile = path.join(repo.fixture.root, 'prompt-releases.yaml');
    fs.writeFileSync(manifestFile, fs.readFileSync(manifestFile, 'utf8').split(sha256(summarizeV2)).join('e'.repeat(64)));
    const run = await promptops('export', '--out', 'bundle.json');
    assert.deepEqual([run.code, run.stderr], [
      1,
      `promptops export: prompt-releases.yaml:15:17: support/summarize production canary: support/summarize.prompt at ${short(repo.v2)} has SHA-256 ${sha256(summarizeV2).slice(0, 12)}…, but prompt-releases.yaml records eeeeeeeeeeee…, so it is not the version that was reviewed.\n`,
    ]);
    assert.equal(fs.existsSync(path.join(repo.fixture.root, 'bundle.json')), false);
  });

  it('refuses a label no prompt has, so a typo does not deploy an empty bundle', async () => {
    await promptops('promote', file, repo.v1);
    const run = await promptops('export', '--label', 'prod');
    assert.deepEqual(run, { code: 1, stdout: '', stderr: 'promptops export: No prompt in prompt-releases.yaml has the label prod, so there is nothing to export for it.\n' });
    const two = await promptops('export', '--label', 'production', '--label', 'prod', '--label', 'stage');
    assert.deepEqual(two, { code: 1, stdout: '', stderr: 'promptops export: No prompt in prompt-releases.yaml has the label prod or stage, so there is nothing to export for it.\n' });
  });

  it('says to fetch the history when a released commit is missing from a shallow clone', async () => {
    await promptops('promote', file, repo.v1);
    repo.fixture.commit('release', { files: { 'prompt-releases.yaml': fs.readFileSync(path.join(repo.fixture.root, 'prompt-releases.yaml'), 'utf8') } });
    const clone = repo.fixture.shallowClone(1);
    const run = await runPromptops(['export'], clone);
    assert.equal(run.code, 1);
    assert.equal(run.stderr, `promptops export: prompt-releases.yaml:8:17: support/summarize production: commit ${repo.v1} is not in this clone; fetch the full history (git fetch --unshallow), or the history was rewritten.\n`);
    assert.equal((await runPromptops(['status'], clone)).code, 1, 'status, the CI gate, fails on it too');
  });
});

describe('promptops export: partials', () => {
  // Several sample sets of how people lay partials out: beside the prompt, in partials/ of its own
  // folder, of a folder above, of the root; nested, inside blocks, as a partial block, dynamic.
  const reply = `---
input:
  schema:
    urgent?: boolean
    footer?: string
---
{{> greeting}}
{{#if urgent}}{{> urgent-note}}{{else}}{{> calm-note}}{{/if}}
{{#> layout}}Body{{/layout}}
{{> (lookup this "footer")}}
{{> greeting}}
`;
  const committed = {
    'support/email/reply.prompt': reply,
    'support/email/_greeting.prompt': 'Hello,\n{{> signature}}\n',
    // Further along the lookup order than the greeting beside the prompt: never the one bundled.
    'partials/_greeting.prompt': 'Hi from the root.\n',
    'support/partials/_signature.prompt': 'The support team\n',
    'support/email/partials/_urgent-note.prompt': 'Urgent.\n',
    'partials/_calm-note.prompt': 'Calm.\n',
    'support/email/_layout.prompt': '<div>{{> @partial-block}}</div>\n',
    // Jinja keeps the text literally: a Prompty file has no partials, whatever its text looks like.
    'support/card.prompty': '---\nname: card\n---\nuser:\n{% raw %}{{> greeting}}{% endraw %}\n',
  };
  let fixture: GitFixture;

  beforeEach(() => {
    fixture = GitFixture.create();
  });

  afterEach(() => fixture.dispose());

  it('bundles each partial a dotprompt includes once, as it is in the released commit, and none for a Prompty file', async () => {
    const commit = fixture.commit('email', { files: committed });
    fixture.commit('later greeting', { files: { 'support/email/_greeting.prompt': 'Changed later.\n' } });
    for (const target of ['support/email/reply.prompt', 'support/card.prompty']) {
      const run = await runPromptops(['promote', target, commit, '--yes'], fixture.root);
      assert.equal(run.code, 0, run.stderr);
    }
    const run = await runPromptops(['export'], fixture.root);
    assert.equal(run.code, 0, run.stderr);
    const bundle = JSON.parse(run.stdout) as { prompts: Record<string, { labels: { production: { partials: object } } }> };
    assert.deepEqual(bundle.prompts['support/email/reply']?.labels.production.partials, {
      greeting: { path: 'support/email/_greeting.prompt', sha256: sha256('Hello,\n{{> signature}}\n'), source: 'Hello,\n{{> signature}}\n' },
      signature: { path: 'support/partials/_signature.prompt', sha256: sha256('The support team\n'), source: 'The support team\n' },
      'urgent-note': { path: 'support/email/partials/_urgent-note.prompt', sha256: sha256('Urgent.\n'), source: 'Urgent.\n' },
      'calm-note': { path: 'partials/_calm-note.prompt', sha256: sha256('Calm.\n'), source: 'Calm.\n' },
      layout: { path: 'support/email/_layout.prompt', sha256: sha256('<div>{{> @partial-block}}</div>\n'), source: '<div>{{> @partial-block}}</div>\n' },
    });
    assert.deepEqual(bundle.prompts['card']?.labels.production.partials, {});
  });

  it('bundles partials nested eight deep and stops there, so a chain that never ends cannot hang an export', async () => {
    const chain: Record<string, string> = { 'deep.prompt': '{{> p1}}\n' };
    for (let level = 1; level <= 10; level += 1) chain[`_p${level}.prompt`] = `level ${level} {{> p${level + 1}}}\n`;
    const commit = fixture.commit('chain', { files: chain });
    assert.equal((await runPromptops(['promote', 'deep.prompt', commit, '--yes'], fixture.root)).code, 0);
    const run = await runPromptops(['export'], fixture.root);
    assert.equal(run.code, 0, run.stderr);
    const bundle = JSON.parse(run.stdout) as { prompts: Record<string, { labels: { production: { partials: object } } }> };
    assert.deepEqual(Object.keys(bundle.prompts['deep']?.labels.production.partials ?? {}), ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8']);
  });
});
