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
});
