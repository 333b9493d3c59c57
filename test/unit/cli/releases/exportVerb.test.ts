import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPromptBundle, renderResolved, resolvePrompt, verifyPromptBundle } from '../../../../src/runtime/promptRuntime';
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
    const bundle = loadPromptBundle(fs.readFileSync(path.join(repo.fixture.root, 'build/prompts.json'), 'utf8'));
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

  it('refuses a label no prompt has, so a typo does not deploy an empty bundle', async () => {
    await promptops('promote', file, repo.v1);
    const run = await promptops('export', '--label', 'prod');
    assert.deepEqual(run, { code: 1, stdout: '', stderr: 'promptops export: No prompt in prompt-releases.yaml has the label prod, so there is nothing to export for it.\n' });
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
