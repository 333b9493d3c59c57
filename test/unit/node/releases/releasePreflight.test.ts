import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { openPromptFile } from '../../../../src/node/promptFileInRepository';
import { promotePrompt } from '../../../../src/node/releases/releaseActions';
import { createReleaseRepository, manifestBytes, type ReleaseRepository } from '../../cli/releases/releaseFixture';

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
});
