import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { openPromptFile } from '../../../../src/node/promptFileInRepository';
import { promotePrompt } from '../../../../src/node/releases/releaseActions';
import { createReleaseRepository, manifestBytes, manifestIn, sha256, summarizeV1, type ReleaseRepository } from '../../cli/releases/releaseFixture';

// The CLI refuses these before it opens a prompt; the editor's release commands reach the preflight itself.
describe('Release preflight: what the API refuses to release before anything is written', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  async function refusal(repoPath: string): Promise<string> {
    const file = await openPromptFile(path.join(repo.fixture.root, ...repoPath.split('/')));
    const error = await promotePrompt(file, { version: repo.v1 }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    assert.ok(error instanceof ReleaseRefusal, String(error));
    assert.equal(manifestBytes(repo.fixture), undefined, 'nothing is written');
    return error.message;
  }

  it('a folder is refused with the hint to name one prompt file in it', async () => {
    assert.equal(await refusal('support'), 'support is a folder; name one .prompt or .prompty file in it.');
  });

  it('a named pipe where the prompt was is refused as such, not read', async function () {
    fs.rmSync(path.join(repo.fixture.root, 'support', 'triage.prompt'));
    const made = spawnSync('mkfifo', [path.join(repo.fixture.root, 'support', 'triage.prompt')]);
    if (made.status !== 0) this.skip();
    assert.equal(await refusal('support/triage.prompt'), 'support/triage.prompt is a named pipe, not a prompt file.');
  });

  it('releases a committed version of a prompt whose file is gone from the working tree', async () => {
    fs.rmSync(path.join(repo.fixture.root, 'support', 'summarize.prompt'));
    const file = await openPromptFile(path.join(repo.fixture.root, 'support', 'summarize.prompt'));
    const outcome = await promotePrompt(file, { version: repo.v1, now: () => new Date('2026-03-04T05:06:07.000Z') });
    assert.equal(outcome.kind, 'applied');
    const production = manifestIn(repo.fixture).manifest.prompts.get('support/summarize')?.labels.get('production');
    assert.deepEqual([production?.commit, production?.path, production?.sha256], [repo.v1, 'support/summarize.prompt', sha256(summarizeV1)]);
  });

  it('releases a prompt whose name only contains .samples.yaml, since it ends in .prompt', async () => {
    const commit = repo.fixture.commit('a prompt named like samples', { files: { 'support/tickets.samples.yaml.prompt': summarizeV1 } });
    const file = await openPromptFile(path.join(repo.fixture.root, 'support', 'tickets.samples.yaml.prompt'));
    const outcome = await promotePrompt(file, { version: commit, now: () => new Date('2026-03-04T05:06:07.000Z') });
    assert.equal(outcome.kind, 'applied');
    const production = manifestIn(repo.fixture).manifest.prompts.get(file.promptId)?.labels.get('production');
    assert.deepEqual([file.promptId, production?.commit, production?.path], ['support/tickets.samples.yaml', commit, 'support/tickets.samples.yaml.prompt']);
  });

  it('refuses a sample file whether it ends in .samples.yml, .samples.yaml or .samples.json, as a sample file and not as any other file', async () => {
    repo.fixture.commit('samples', {
      files: { 'support/summarize.samples.yml': 'outage:\n  ticket: Down\n', 'support/triage.samples.yaml': 'outage:\n  ticket: Down\n', 'support/reply.Samples.JSON': '{}\n' },
    });
    assert.equal(await refusal('support/summarize.samples.yml'), 'support/summarize.samples.yml is a sample file, not a prompt: release the prompt it belongs to.');
    assert.equal(await refusal('support/triage.samples.yaml'), 'support/triage.samples.yaml is a sample file, not a prompt: release the prompt it belongs to.');
    assert.equal(await refusal('support/reply.Samples.JSON'), 'support/reply.Samples.JSON is a sample file, not a prompt: release the prompt it belongs to.');
  });

  it('names every other file that declares the same id, separated by commas', async () => {
    const same = '---\nname: support/summarize\n---\nSummarize {{invoice}}\n';
    repo.fixture.commit('two more summaries', { files: { 'billing/summary.prompt': same, 'sales/summary.prompt': same } });
    assert.equal(
      await refusal('support/summarize.prompt'),
      'support/summarize is also the id of billing/summary.prompt, sales/summary.prompt, so a release could not tell which file it means; give one of them another name (promptops check reports duplicate-prompt-id).',
    );
  });
});
