import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { parseVersionSpec } from '../../../src/core/versions/versionSpec';
import { GitError } from '../../../src/node/git/gitError';
import { openPromptFile } from '../../../src/node/promptFileInRepository';
import { readVersionBytes, resolveVersion, resolvedVersionTitle } from '../../../src/node/promptVersionResolver';
import { partialSourceAt } from '../../../src/node/versionPartialSource';
import { GitFixture } from './gitFixture';

/** A release manifest; label entries need a sha256, which resolving versions never reads. */
function manifest(entries: Record<string, Record<string, { commit: string; path: string }>>): string {
  const prompts = Object.entries(entries).map(([id, labels]) => {
    const lines = Object.entries(labels).map(([label, target]) => `      ${label}: {commit: ${target.commit}, path: ${target.path}, sha256: ${'0'.repeat(64)}}`);
    return [`  ${id}:`, '    labels:', ...lines].join('\n');
  });
  return ['version: 1', 'prompts:', ...prompts, ''].join('\n');
}

describe('Resolving prompt versions', () => {
  let fixture: GitFixture;
  let v1: string;
  let v2: string;
  let v3: string;

  beforeEach(() => {
    fixture = GitFixture.create();
    v1 = fixture.commit('v1', { files: { 'old/greet.prompt': 'v1\n' } });
    v2 = fixture.commit('rename', { renames: { 'old/greet.prompt': 'prompts/greet.prompt' } });
    v3 = fixture.commit('v3', { files: { 'prompts/greet.prompt': 'v3\n' } });
    fixture.commit('unrelated', { files: { 'README.md': 'readme\n' } });
  });

  afterEach(() => fixture.dispose());

  async function open() {
    return openPromptFile(path.join(fixture.root, 'prompts', 'greet.prompt'));
  }

  async function resolve(version: string) {
    const file = await open();
    const resolved = await resolveVersion(file, parseVersionSpec(version));
    return { resolved, text: (await readVersionBytes(file, resolved)).toString('utf8'), title: resolvedVersionTitle(resolved) };
  }

  it('knows the file by its repository-relative path and its id by that path without front matter', async () => {
    const file = await open();
    assert.equal(file.path, 'prompts/greet.prompt');
    assert.equal(file.promptId, 'prompts/greet');
  });

  it('latest is the newest commit that touched the file, not HEAD', async () => {
    const { resolved, text, title } = await resolve('latest');
    assert.deepEqual({ kind: resolved.kind, commit: resolved.kind === 'commit' ? resolved.commit : '' }, { kind: 'commit', commit: v3 });
    assert.equal(text, 'v3\n');
    assert.equal(title, `greet.prompt (${v3.slice(0, 7)})`);
  });

  it('WORKING is the working tree file, uncommitted edits included', async () => {
    fixture.write('prompts/greet.prompt', 'edited\n');
    const { resolved, text, title } = await resolve('WORKING');
    assert.deepEqual(resolved, { kind: 'working', path: 'prompts/greet.prompt' });
    assert.equal(text, 'edited\n');
    assert.equal(title, 'greet.prompt (working tree)');
  });

  it('a commit from before a rename resolves to the file under its old name', async () => {
    const { resolved, text, title } = await resolve(v1.slice(0, 10));
    assert.ok(resolved.kind === 'commit');
    assert.equal(resolved.path, 'old/greet.prompt');
    assert.equal(resolved.commit, v1);
    assert.equal(text, 'v1\n');
    assert.equal(title, `greet.prompt (${v1.slice(0, 7)})`);
  });

  it('a release label resolves to the commit and path the manifest gives, and wins over a branch of the same name', async () => {
    fixture.commit('manifest', { files: { 'prompt-releases.yaml': manifest({ 'prompts/greet': { production: { commit: v2, path: 'prompts/greet.prompt' } } }) } });
    fixture.git(['branch', 'production', v3]);
    const { resolved, text, title } = await resolve('production');
    assert.deepEqual(resolved, { kind: 'commit', commit: v2, path: 'prompts/greet.prompt', blob: fixture.git(['rev-parse', `${v2}:prompts/greet.prompt`]), label: 'production', short: v2.slice(0, 7) });
    assert.equal(text, 'v1\n');
    assert.equal(title, `greet.prompt (production ${v2.slice(0, 7)})`);
  });

  it('finds labels under the front-matter name when the prompt declares one', async () => {
    fixture.commit('named', { files: { 'prompts/greet.prompt': '---\nname: greeter\nvariant: warm\n---\nhi\n' } });
    fixture.write('prompt-releases.yaml', manifest({ 'greeter.warm': { staging: { commit: v1, path: 'old/greet.prompt' } } }));
    const file = await open();
    assert.equal(file.promptId, 'greeter.warm');
    const resolved = await resolveVersion(file, parseVersionSpec('staging'));
    assert.ok(resolved.kind === 'commit');
    assert.equal(resolved.path, 'old/greet.prompt');
  });

  it('an unknown version is one sentence naming what was tried', async () => {
    const file = await open();
    await assert.rejects(resolveVersion(file, parseVersionSpec('nope')), (error: unknown) => {
      assert.ok(error instanceof GitError);
      assert.equal(error.kind, 'unknownRevision');
      assert.equal(error.message, '"nope" is not a release label of prompts/greet, a commit, a branch or a tag.');
      return true;
    });
  });

  it('says so when the release manifest does not parse and the name is no commit either', async () => {
    fixture.write('prompt-releases.yaml', 'prompts: [unclosed\n');
    const file = await open();
    await assert.rejects(resolveVersion(file, parseVersionSpec('production')), /labels unavailable: The release manifest does not parse/);
  });

  it('a label pointing at a commit this clone lacks names it in full and says to fetch it', async () => {
    fixture.write('prompt-releases.yaml', manifest({ 'prompts/greet': { production: { commit: 'f'.repeat(40), path: 'prompts/greet.prompt' } } }));
    const file = await open();
    await assert.rejects(resolveVersion(file, parseVersionSpec('production')), {
      message: 'The label production points at commit ffffffffffffffffffffffffffffffffffffffff, which this repository does not have; fetch it first.',
    });
  });

  it('a commit where the file did not exist yet is a path-not-in-revision error', async () => {
    const before = fixture.git(['commit-tree', '-m', 'empty', fixture.git(['mktree'])]);
    const file = await open();
    await assert.rejects(resolveVersion(file, parseVersionSpec(before)), (error: unknown) => error instanceof GitError && error.kind === 'pathNotInRevision');
  });

  it('WORKING of a deleted file is a path-not-in-revision error', async () => {
    fixture.commit('delete', { files: { 'prompts/greet.prompt': null } });
    const file = await open();
    await assert.rejects(resolveVersion(file, parseVersionSpec('WORKING')), /prompts\/greet.prompt is not a file in the working tree\./);
  });

  it('renders partials as they were at the version being rendered', async () => {
    fixture.commit('partial v1', { files: { 'prompts/_style.prompt': 'style one' } });
    const old = fixture.git(['rev-parse', 'HEAD']);
    fixture.commit('partial v2', { files: { 'prompts/_style.prompt': 'style two' } });
    fixture.write('prompts/_style.prompt', 'style working');
    const file = await open();
    const atOld = partialSourceAt(file, { kind: 'commit', commit: old, path: 'prompts/greet.prompt', blob: '' });
    const working = partialSourceAt(file, { kind: 'working', path: 'prompts/greet.prompt' });
    assert.equal(await atOld('style'), 'style one');
    assert.equal(await atOld('missing'), undefined);
    assert.equal(await working('style'), 'style working');
  });
});
