import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseReleaseManifest } from '../../../../src/core/releases/manifestParser';
import { checkManifestTargets } from '../../../../src/node/releases/manifestTargetCheck';
import { openReleaseWorkspace } from '../../../../src/node/releases/releaseWorkspace';
import { runPromptops } from '../../cli/cliRunner';
import { GitFixture } from '../gitFixture';
import { firstSevenOf } from '../../../../src/core/releases/commitAbbreviation';

const source = '---\ninput:\n  schema:\n    ticket: string\n---\nSummarize {{ticket}}\n';
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('Release manifest checked against the repository', () => {
  let repo: GitFixture;
  let commit: string;
  beforeEach(() => {
    repo = GitFixture.create();
    commit = repo.commit('Add summarize', { files: { 'support/summarize.prompt': source } });
  });
  afterEach(() => repo.dispose());

  async function problemsOf(manifest: string): Promise<[string, number | undefined][]> {
    const workspace = await openReleaseWorkspace(repo.root);
    const parsed = parseReleaseManifest(manifest);
    return (await checkManifestTargets(workspace, parsed.manifest, firstSevenOf)).map((problem) => [problem.code, problem.range?.start.line]);
  }

  it('finds nothing wrong with labels that match the repository', async () => {
    assert.deepEqual(await problemsOf(`version: 1\nprompts:\n  support/summarize:\n    labels:\n      production: {commit: ${commit}, path: support/summarize.prompt, sha256: ${sha256(source)}}\nevents: []\n`), []);
  });

  it('points at a SHA-256 that does not match the file at that commit', async () => {
    const wrong = sha256('something else');
    assert.deepEqual(await problemsOf(`version: 1\nprompts:\n  support/summarize:\n    labels:\n      production:\n        commit: ${commit}\n        path: support/summarize.prompt\n        sha256: ${wrong}\nevents: []\n`), [['manifest-sha256-mismatch', 7]]);
  });

  it('points at a commit the repository does not have and a path a commit does not hold', async () => {
    const missing = 'f'.repeat(40);
    const manifest = `version: 1\nprompts:\n  support/summarize:\n    labels:\n      production:\n        commit: ${missing}\n        path: support/summarize.prompt\n        sha256: ${sha256(source)}\n      staging:\n        commit: ${commit}\n        path: support/other.prompt\n        sha256: ${sha256(source)}\nevents: []\n`;
    assert.deepEqual(await problemsOf(manifest), [['manifest-commit-not-found', 5], ['manifest-path-not-in-commit', 10]]);
  });

  it('a cancelled check is cancelled, not a report that the label\'s commit is missing from the clone', async () => {
    const workspace = await openReleaseWorkspace(repo.root);
    const parsed = parseReleaseManifest(`version: 1\nprompts:\n  support/summarize:\n    labels:\n      production: {commit: ${commit}, path: support/summarize.prompt, sha256: ${sha256(source)}}\nevents: []\n`);
    const cancelled = new AbortController();
    cancelled.abort();
    await assert.rejects(checkManifestTargets(workspace, parsed.manifest, firstSevenOf, { signal: cancelled.signal }), { name: 'GitError', kind: 'cancelled', message: 'The git command was cancelled.' });
  });

  it('a check without git says git is missing, not that the label\'s commit is missing from the clone', async () => {
    const workspace = await openReleaseWorkspace(repo.root);
    const gitPath = path.join(repo.root, 'no-such-git');
    const withoutGit = { ...workspace, repository: { ...workspace.repository, gitPath } };
    const parsed = parseReleaseManifest(`version: 1\nprompts:\n  support/summarize:\n    labels:\n      production: {commit: ${commit}, path: support/summarize.prompt, sha256: ${sha256(source)}}\nevents: []\n`);
    await assert.rejects(checkManifestTargets(withoutGit, parsed.manifest, firstSevenOf), { name: 'GitError', kind: 'gitMissing', message: `Git was not found at ${gitPath}; install Git to see prompt versions.` });
  });

  it('says in one sentence what is wrong with each target, a canary\'s named as such', async () => {
    const missing = 'f'.repeat(40);
    const wrong = sha256('something else');
    const manifest = [
      'version: 1',
      'prompts:',
      '  support/summarize:',
      '    labels:',
      `      production: {commit: ${missing}, path: support/summarize.prompt, sha256: ${sha256(source)}}`,
      `      staging: {commit: ${commit}, path: support/other.prompt, sha256: ${sha256(source)}}`,
      `      eu: {commit: ${commit}, path: support/summarize.prompt, sha256: ${sha256(source)}}`,
      '    canary:',
      `      eu: {commit: ${commit}, path: support/summarize.prompt, sha256: ${wrong}, weight: 10}`,
      'events: []',
      '',
    ].join('\n');
    const workspace = await openReleaseWorkspace(repo.root);
    const short = commit.slice(0, 7);
    assert.deepEqual((await checkManifestTargets(workspace, parseReleaseManifest(manifest).manifest, firstSevenOf)).map((problem) => problem.message), [
      'support/summarize production: commit ffffffffffffffffffffffffffffffffffffffff is not in this clone; fetch the full history (git fetch --unshallow), or the history was rewritten.',
      `support/summarize staging: support/other.prompt does not exist at ${short}.`,
      `support/summarize eu canary: support/summarize.prompt at ${short} has SHA-256 ${sha256(source).slice(0, 12)}…, but prompt-releases.yaml records ${wrong.slice(0, 12)}…, so it is not the version that was reviewed.`,
    ]);
  });

  it('points at a prompt id no file in the working tree has', async () => {
    const manifest = `version: 1\nprompts:\n  support/gone:\n    labels:\n      production: {commit: ${commit}, path: support/summarize.prompt, sha256: ${sha256(source)}}\nevents: []\n`;
    assert.deepEqual(await problemsOf(manifest), [['manifest-unknown-prompt', 2]]);
    const workspace = await openReleaseWorkspace(repo.root);
    assert.deepEqual((await checkManifestTargets(workspace, parseReleaseManifest(manifest).manifest, firstSevenOf)).map((problem) => problem.message), ['No prompt file in the working tree has the id support/gone; its labels still serve the committed versions.']);
  });

  // The audit log event that put production on the commit, so status has no unexplained label to report.
  const promoted = (prompt: string) =>
    `  - {at: 2026-01-01T09:00:00Z, by: Ada <ada@example.com>, action: promote, prompt: ${prompt}, label: production, from: null, to: ${commit}, sha256: ${sha256(source)}, note: ""}\n`;

  it('status lists a prompt whose file is gone beside one that is there, and compares only the one it found', async () => {
    const target = `{commit: ${commit}, path: support/summarize.prompt, sha256: ${sha256(source)}}`;
    fs.writeFileSync(path.join(repo.root, 'prompt-releases.yaml'), `version: 1\nprompts:\n  support/gone:\n    labels:\n      production: ${target}\n  support/summarize:\n    labels:\n      production: ${target}\nevents:\n${promoted('support/gone')}${promoted('support/summarize')}`);
    const short = commit.slice(0, 7);
    assert.deepEqual(await runPromptops(['status'], repo.root), {
      code: 0,
      stdout: `support/gone\n  production  ${short}\n  no prompt file with this id in the working tree\nsupport/summarize  (support/summarize.prompt)\n  production  ${short}\n  vs production: HEAD same, working copy same\n`,
      // A warning only: the label still serves the committed version.
      stderr: 'promptops status: warning: prompt-releases.yaml:3:3: No prompt file in the working tree has the id support/gone; its labels still serve the committed versions.\n',
    });
  });

  it('status says a label\'s path with a NUL byte is no file name, instead of ending in an internal error', async () => {
    fs.writeFileSync(path.join(repo.root, 'prompt-releases.yaml'), `version: 1\nprompts:\n  support/summarize:\n    labels:\n      production: {commit: ${commit}, path: "support/summarize\\0.prompt", sha256: ${sha256(source)}}\nevents:\n${promoted('support/summarize')}`);
    assert.deepEqual(await runPromptops(['status'], repo.root), {
      code: 1,
      stdout: 'support/summarize  (support/summarize.prompt)\n  no production label\n',
      stderr:
        `promptops status: prompt-releases.yaml:3:3: The audit log has support/summarize production serving ${commit.slice(0, 7)}, but the manifest has no such label; labels move only through promptops promote, rollback and canary, which record who and why.\n` +
        'promptops status: prompt-releases.yaml:5:76: path holds a NUL byte (\\0), which no file name can.\n',
    });
  });
});
