import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitError } from '../../../../src/node/git/gitError';
import { ReleaseRefusal } from '../../../../src/core/releases/releaseRefusal';
import { bundleOfReleases, exportPromptBundle } from '../../../../src/node/releases/bundleExport';
import { openPromptFile } from '../../../../src/node/promptFileInRepository';
import { promotePrompt } from '../../../../src/node/releases/releaseActions';
import { openReleaseWorkspace } from '../../../../src/node/releases/releaseWorkspace';
import { createReleaseRepository, gitFailingOn, sha256, short, summarizeV1, summarizeV2, type ReleaseRepository } from '../../cli/releases/releaseFixture';

// The release gate refuses a manifest whose SHA-256 does not match first; this is the bundle's own last check.
describe('A bundle built from given releases', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  it('refuses a version whose source at its commit is not the one its SHA-256 names, and says which', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    const recorded = 'a'.repeat(64);
    const current = { commit: repo.v1, path: 'support/summarize.prompt', sha256: recorded };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary: undefined, rollbackTargets: [] }]), (error: unknown) => {
      assert.ok(error instanceof ReleaseRefusal);
      assert.equal(
        error.message,
        `support/summarize production: support/summarize.prompt at ${short(repo.v1)} has SHA-256 ${sha256(summarizeV1).slice(0, 12)}…, but prompt-releases.yaml records aaaaaaaaaaaa…, so it is not the version that was reviewed; nothing was exported.`,
      );
      return true;
    });
  });

  it('refuses a version that includes a partial its commit lacks (one released with errors allowed), since the bundle could not render it', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    const text = '---\ninput:\n  schema:\n    ticket: string\n---\n{{> signature}}\nSummarize {{ticket}}\n';
    const commit = repo.fixture.commit('signed', { files: { 'support/summarize.prompt': text } });
    const current = { commit, path: 'support/summarize.prompt', sha256: sha256(text) };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary: undefined, rollbackTargets: [] }]), (error: unknown) => {
      assert.ok(error instanceof ReleaseRefusal);
      assert.equal(error.message, `support/summarize production: support/summarize.prompt at ${short(commit)} includes the partial 'signature', which that commit does not have, so the bundle could not render it; nothing was exported.`);
      return true;
    });
  });

  it('refuses a version whose source at its commit is not UTF-8, naming the file, its commit and the bad byte', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    // "Résumé" saved as Latin-1: the é on line 2 is the single byte 0xE9.
    const latin1 = Buffer.concat([Buffer.from('Hello.\nR'), Buffer.from([0xe9]), Buffer.from('sum'), Buffer.from([0xe9]), Buffer.from(' {{ticket}}\n')]);
    const commit = repo.fixture.commit('latin-1 summary', { files: { 'support/summarize.prompt': latin1 } });
    const current = { commit, path: 'support/summarize.prompt', sha256: sha256(latin1) };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary: undefined, rollbackTargets: [] }]), (error: unknown) => {
      assert.ok(error instanceof ReleaseRefusal);
      assert.equal(error.message, `support/summarize.prompt at ${short(commit)} is not valid UTF-8 text: the byte at line 2, column 2 is not UTF-8.`);
      return true;
    });
  });

  it('refuses a version whose partial at its commit is not UTF-8, naming the partial, the commit and the bad byte', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    // summarizeV2 includes the style partial; here the partial is "Café" saved as Latin-1.
    const latin1 = Buffer.concat([Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const commit = repo.fixture.commit('latin-1 style', { files: { 'support/summarize.prompt': summarizeV2, 'support/_style.prompt': latin1 } });
    const current = { commit, path: 'support/summarize.prompt', sha256: sha256(summarizeV2) };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary: undefined, rollbackTargets: [] }]), (error: unknown) => {
      assert.ok(error instanceof ReleaseRefusal);
      assert.equal(error.message, `support/_style.prompt at ${short(commit)} is not valid UTF-8 text: the byte at line 1, column 4 is not UTF-8.`);
      return true;
    });
  });

  it('names the commit of a canary arm whose source does not match by its short SHA, as git abbreviates it', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    const current = { commit: repo.v1, path: 'support/summarize.prompt', sha256: sha256(summarizeV1) };
    const canary = { commit: repo.v2, path: 'support/summarize.prompt', sha256: 'b'.repeat(64), weight: 10 };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary, rollbackTargets: [] }]), (error: unknown) => {
      assert.ok(error instanceof ReleaseRefusal);
      assert.equal(
        error.message,
        `support/summarize production canary: support/summarize.prompt at ${short(repo.v2)} has SHA-256 ${sha256(summarizeV2).slice(0, 12)}…, but prompt-releases.yaml records bbbbbbbbbbbb…, so it is not the version that was reviewed; nothing was exported.`,
      );
      return true;
    });
  });

  it('carries every label of one prompt, each with its own version', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    const v1 = { commit: repo.v1, path: 'support/summarize.prompt', sha256: sha256(summarizeV1) };
    const v2 = { commit: repo.v2, path: 'support/summarize.prompt', sha256: sha256(summarizeV2) };
    const bundle = await bundleOfReleases(workspace, ['production', 'staging'], [
      { id: 'support/summarize', label: 'production', current: v2, canary: undefined, rollbackTargets: [] },
      { id: 'support/summarize', label: 'staging', current: v1, canary: undefined, rollbackTargets: [] },
    ]);
    const labels = bundle.prompts['support/summarize']?.labels ?? {};
    assert.deepEqual(
      Object.entries(labels).map(([label, version]) => [label, version.commit, version.source]),
      [
        ['production', repo.v2, summarizeV2],
        ['staging', repo.v1, summarizeV1],
      ],
    );
  });

  it('carries a rollback target once, as the label or canary that serves it, not again among the versions', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    const v1 = { commit: repo.v1, path: 'support/summarize.prompt', sha256: sha256(summarizeV1) };
    const v2 = { commit: repo.v2, path: 'support/summarize.prompt', sha256: sha256(summarizeV2) };
    const bundle = await bundleOfReleases(workspace, ['production', 'staging'], [
      { id: 'support/summarize', label: 'production', current: v2, canary: undefined, rollbackTargets: [v1] },
      { id: 'support/summarize', label: 'staging', current: v1, canary: undefined, rollbackTargets: [] },
    ]);
    assert.equal(bundle.prompts['support/summarize']?.versions, undefined);
    const served = await bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current: v2, canary: { ...v1, weight: 10 }, rollbackTargets: [v1] }]);
    assert.equal(served.prompts['support/summarize']?.versions, undefined);
    const alone = await bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current: v2, canary: undefined, rollbackTargets: [v1] }]);
    assert.deepEqual(Object.keys(alone.prompts['support/summarize']?.versions ?? {}), [repo.v1]);
  });

  it('names a rollback target whose source does not match as the label\'s rollback target', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    const current = { commit: repo.v2, path: 'support/summarize.prompt', sha256: sha256(summarizeV2) };
    const target = { commit: repo.v1, path: 'support/summarize.prompt', sha256: 'c'.repeat(64) };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary: undefined, rollbackTargets: [target] }]), (error: unknown) => {
      assert.ok(error instanceof ReleaseRefusal);
      assert.equal(
        error.message,
        `support/summarize production rollback target: support/summarize.prompt at ${short(repo.v1)} has SHA-256 ${sha256(summarizeV1).slice(0, 12)}…, but prompt-releases.yaml records cccccccccccc…, so it is not the version that was reviewed; nothing was exported.`,
      );
      return true;
    });
  });

  it('fails with what git said when reading a partial fails, instead of calling the partial missing', async () => {
    // A git that fails only reading the style partial, as a damaged object store would, and runs every other call.
    const failingGit = gitFailingOn(repo, '*_style.prompt*', 'unable to read blob');
    const workspace = await openReleaseWorkspace(repo.fixture.root, { gitPath: failingGit });
    const current = { commit: repo.v2, path: 'support/summarize.prompt', sha256: sha256(summarizeV2) };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary: undefined, rollbackTargets: [] }]), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.deepEqual([error.kind, error.message], ['failed', 'Git failed: unable to read blob.']);
      return true;
    });
  });

  it('fails with what git said when looking up a version\'s commit fails, instead of saying the clone lacks it', async () => {
    // A git that fails only the commit look-up, as a damaged object store would, and runs every other call.
    const failingGit = gitFailingOn(repo, '*"rev-parse --verify"*', 'object file is empty');
    const workspace = await openReleaseWorkspace(repo.fixture.root, { gitPath: failingGit });
    const current = { commit: repo.v1, path: 'support/summarize.prompt', sha256: sha256(summarizeV1) };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary: undefined, rollbackTargets: [] }]), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.deepEqual([error.kind, error.message], ['failed', 'Git failed: object file is empty.']);
      return true;
    });
  });

  it('says to fetch the history when a version names a commit this clone lacks', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    const missing = 'f'.repeat(40);
    const current = { commit: missing, path: 'support/summarize.prompt', sha256: sha256(summarizeV1) };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary: undefined, rollbackTargets: [] }]), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.equal(error.message, `support/summarize production is commit ${missing}, which this clone does not have; fetch the full history (git fetch --unshallow) before exporting.`);
      return true;
    });
  });

  it('names the canary arm whose commit this clone lacks as the canary', async () => {
    const workspace = await openReleaseWorkspace(repo.fixture.root);
    const missing = 'f'.repeat(40);
    const current = { commit: repo.v1, path: 'support/summarize.prompt', sha256: sha256(summarizeV1) };
    const canary = { commit: missing, path: 'support/summarize.prompt', sha256: sha256(summarizeV1), weight: 10 };
    await assert.rejects(bundleOfReleases(workspace, ['production'], [{ id: 'support/summarize', label: 'production', current, canary, rollbackTargets: [] }]), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.equal(error.message, `support/summarize production canary is commit ${missing}, which this clone does not have; fetch the full history (git fetch --unshallow) before exporting.`);
      return true;
    });
  });
});

describe('Export and the release gate', () => {
  let repo: ReleaseRepository;
  beforeEach(() => {
    repo = createReleaseRepository();
  });
  afterEach(() => repo.fixture.dispose());

  it('exports a manifest whose only problem is a warning (a field it does not know)', async () => {
    await promotePrompt(await openPromptFile(path.join(repo.fixture.root, 'support', 'summarize.prompt')), { version: repo.v1, now: () => new Date('2026-03-04T05:06:07.000Z') });
    fs.appendFileSync(path.join(repo.fixture.root, 'prompt-releases.yaml'), 'color: red\n');
    const exported = await exportPromptBundle(await openReleaseWorkspace(repo.fixture.root), ['production']);
    assert.deepEqual([exported.bundle.prompts['support/summarize']?.labels['production']?.commit, exported.warnings], [repo.v1, []]);
  });
});
