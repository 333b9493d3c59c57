import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runPromptops } from '../../cli/cliRunner';

describe('Release status in a repository with no commits yet', () => {
  let folder: string;
  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-no-commits-'));
    execFileSync('git', ['init', '--quiet', folder]);
  });
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('lists the labels instead of crashing for want of a HEAD, and fails on the commit the clone lacks, named in full', async () => {
    fs.writeFileSync(path.join(folder, 'greet.prompt'), 'Hello {{name}}\n');
    fs.writeFileSync(path.join(folder, 'prompt-releases.yaml'), `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${'a'.repeat(40)}, path: greet.prompt, sha256: ${'f'.repeat(64)}}\nevents: []\n`);
    assert.deepEqual(await runPromptops(['status'], folder), {
      code: 1,
      stdout: `greet  (greet.prompt)\n  production  ${'a'.repeat(40)}\n  vs production: HEAD differs, working copy differs\n`,
      stderr:
        `promptops status: prompt-releases.yaml:5:7: greet production serves ${'a'.repeat(40)}, but no event in the audit log puts it there; labels move only through promptops promote, rollback and canary, which record who and why.\n` +
        'promptops status: prompt-releases.yaml:5:28: greet production: commit aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa is not in this clone; fetch the full history (git fetch --unshallow), or the history was rewritten.\n',
    });
  });
});
