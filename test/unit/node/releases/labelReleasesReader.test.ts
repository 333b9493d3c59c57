import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitError } from '../../../../src/node/git/gitError';
import { exportFlagdFlags } from '../../../../src/node/releases/flagPublishing';
import { openReleaseWorkspace } from '../../../../src/node/releases/releaseWorkspace';
import { gitFailingOn, sha256, short } from '../../cli/releases/releaseFixture';
import { GitFixture } from '../gitFixture';

describe('Rollback targets the flags carry', () => {
  let fixture: GitFixture;
  beforeEach(() => {
    fixture = GitFixture.create();
  });
  afterEach(() => fixture.dispose());

  it('leaves out, with a warning, a version the audit log names from before the prompt existed', async () => {
    const before = fixture.commit('readme', { files: { 'README.md': 'Prompts\n' } });
    const greet = 'Hello.\n';
    const added = fixture.commit('greet', { files: { 'greet.prompt': greet } });
    const event = (from: string, to: string) => `  - {at: 2026-01-01T09:00:00Z, by: Ada <ada@example.com>, action: promote, prompt: greet, label: production, from: ${from}, to: ${to}, sha256: ${sha256(greet)}, note: ""}\n`;
    fs.writeFileSync(
      path.join(fixture.root, 'prompt-releases.yaml'),
      `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${added}, path: greet.prompt, sha256: ${sha256(greet)}}\nevents:\n${event('null', before)}${event(before, added)}`,
    );
    const exported = await exportFlagdFlags(await openReleaseWorkspace(fixture.root));
    assert.deepEqual(exported.warnings, [`greet production: the prompt is not in ${short(before)}. It is left out of the rollback targets.`]);
    assert.deepEqual(exported.labels, ['production']);
  });

  it('fails with what git said when reading an earlier version fails, instead of leaving it out as a version without the prompt', async () => {
    const [hello, goodbye] = ['Hello.\n', 'Goodbye.\n'];
    const v1 = fixture.commit('greet v1', { files: { 'greet.prompt': hello } });
    const v2 = fixture.commit('greet v2', { files: { 'greet.prompt': goodbye } });
    const event = (from: string, to: string, text: string) => `  - {at: 2026-01-01T09:00:00Z, by: Ada <ada@example.com>, action: promote, prompt: greet, label: production, from: ${from}, to: ${to}, sha256: ${sha256(text)}, note: ""}\n`;
    fs.writeFileSync(
      path.join(fixture.root, 'prompt-releases.yaml'),
      `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${v2}, path: greet.prompt, sha256: ${sha256(goodbye)}}\nevents:\n${event('null', v1, hello)}${event(v1, v2, goodbye)}`,
    );
    // A git whose object store cannot read v1's tree, the rollback target, and runs every other call.
    const failingGit = gitFailingOn({ fixture }, `*ls-tree*${v1}*`, 'unable to read tree');
    await assert.rejects(exportFlagdFlags(await openReleaseWorkspace(fixture.root, { gitPath: failingGit })), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.deepEqual([error.kind, error.message], ['failed', 'Git failed: unable to read tree.']);
      return true;
    });
  });
});
