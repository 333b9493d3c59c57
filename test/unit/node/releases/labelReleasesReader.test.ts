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

  it('keeps the rollback targets of a prompt renamed after its first label was set, instead of looking for them under its old name', async () => {
    const text = (body: string) => `---\nname: greet\n---\n${body}\n`;
    const v1 = fixture.commit('greet v1', { files: { 'old/greet.prompt': text('Hello.') } });
    const v2 = fixture.commit('greet v2', { files: { 'old/greet.prompt': text('Hello there.') } });
    const v3 = fixture.commit('move greet', { renames: { 'old/greet.prompt': 'new/greet.prompt' }, files: { 'new/greet.prompt': text('Hi.') } });
    const v4 = fixture.commit('greet v4', { files: { 'new/greet.prompt': text('Hi there.') } });
    const event = (label: string, from: string, to: string, body: string) => `  - {at: 2026-01-01T09:00:00Z, by: Ada <ada@example.com>, action: promote, prompt: greet, label: ${label}, from: ${from}, to: ${to}, sha256: ${sha256(text(body))}, note: ""}\n`;
    // production was last moved before the rename, so the manifest's first label still records the old path.
    fs.writeFileSync(
      path.join(fixture.root, 'prompt-releases.yaml'),
      `version: 1\nprompts:\n  greet:\n    labels:\n      production: {commit: ${v2}, path: old/greet.prompt, sha256: ${sha256(text('Hello there.'))}}\n      staging: {commit: ${v4}, path: new/greet.prompt, sha256: ${sha256(text('Hi there.'))}}\nevents:\n` +
        `${event('production', 'null', v1, 'Hello.')}${event('production', v1, v2, 'Hello there.')}${event('staging', 'null', v3, 'Hi.')}${event('staging', v3, v4, 'Hi there.')}`,
    );
    const exported = await exportFlagdFlags(await openReleaseWorkspace(fixture.root), { labels: ['staging'] });
    assert.deepEqual(exported.warnings, []);
    assert.deepEqual(exported.flags.flags['promptops.greet.staging']?.variants, {
      [v4]: { commit: v4, sha256: sha256(text('Hi there.')), path: 'new/greet.prompt' },
      [v3]: { commit: v3, sha256: sha256(text('Hi.')), path: 'new/greet.prompt' },
    });
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
