import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import { storyVersions } from '../harness/fixtureRepository';
import type { VersionsNode } from '../../src/extension/versions/versionsTree';
import { eventually, promptOps, workspaceFile } from './workspaceFiles';

const story = workspaceFile('prompts/story.prompt');
const [draft, , tone, title] = storyVersions;

async function storyNodes(): Promise<VersionsNode[]> {
  const api = await promptOps();
  return api.versions.getChildren({ kind: 'prompt', uri: story });
}

/** The texts of both sides of the diff editor that is now active. */
async function activeDiff(): Promise<{ left: string; right: string; leftUri: vscode.Uri; rightUri: vscode.Uri }> {
  const input = await eventually(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input, (value) => value instanceof vscode.TabInputTextDiff);
  assert.ok(input instanceof vscode.TabInputTextDiff);
  const [left, right] = await Promise.all([vscode.workspace.openTextDocument(input.original), vscode.workspace.openTextDocument(input.modified)]);
  return { left: left.getText(), right: right.getText(), leftUri: input.original, rightUri: input.modified };
}

function git(...args: string[]): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  return execFileSync('git', args, { cwd: folder, encoding: 'utf8' }).trim();
}

describe('Versions from Git history', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('the tree lists the prompt\'s versions newest first, across its rename, with label badges', async () => {
    const nodes = await storyNodes();
    const versions = nodes.filter((node) => node.kind === 'version');
    assert.deepEqual(
      versions.map((node) => [node.version.subject, node.version.path, [...node.labels]]),
      [
        [title.subject, 'prompts/story.prompt', ['staging']],
        [tone.subject, 'prompts/story.prompt', ['production']],
        ['Rename story-draft to story', 'prompts/story.prompt', []],
        [draft.subject, 'prompts/story-draft.prompt', []],
      ],
    );
    assert.ok(!nodes.some((node) => node.kind === 'uncommitted'), 'a clean working copy has no "Uncommitted changes" node');
  });

  it('compare with previous opens a diff editor of the version before and the chosen one', async () => {
    const node = (await storyNodes()).find((candidate) => candidate.kind === 'version' && candidate.version.subject === title.subject);
    await vscode.commands.executeCommand('promptops.compareWithPrevious', node);
    const diff = await activeDiff();
    assert.equal(diff.left, tone.text);
    assert.equal(diff.right, title.text);
    assert.equal(diff.leftUri.scheme, 'promptops');
  });

  it('compare with a label shows the labelled version against the editable working file', async () => {
    await vscode.commands.executeCommand('promptops.compareWithLabel', story, 'production');
    const diff = await activeDiff();
    assert.equal(diff.left, tone.text);
    assert.equal(diff.rightUri.toString(), story.toString());
  });

  it('compares any two versions named by commit and label, also from before the rename', async () => {
    const firstCommit = git('rev-list', '--max-parents=0', 'HEAD');
    await vscode.commands.executeCommand('promptops.compareVersions', story, firstCommit, 'staging');
    const diff = await activeDiff();
    assert.equal(diff.left, draft.text);
    assert.equal(diff.right, title.text);
  });

  it('a version document is read-only, titled with its short SHA, and gets the prompt language', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('promptops.openVersion', story, 'production');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'dotprompt');
    assert.equal(document.getText(), tone.text);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.match(tab?.label ?? '', /story\.prompt \(production [0-9a-f]{7}\)/);
    assert.equal(vscode.workspace.fs.isWritableFileSystem('promptops'), false, 'versions are registered read-only');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('x'))), 'writing a version fails');
  });

  it('the rendered diff compares both versions rendered with the same sample input', async () => {
    await vscode.commands.executeCommand('promptops.renderedDiff', story, 'production', 'staging', '');
    const diff = await activeDiff();
    assert.equal(diff.left, '── user ──\nTell a calm story about .\n');
    assert.equal(diff.right, '── user ──\nTell a calm story about .\nStart with a title.\n');
  });

  it('the rendered diff wraps long lines: both sides are rendered prompts, which word-wrap', async () => {
    await vscode.commands.executeCommand('promptops.renderedDiff', story, 'production', 'staging', '');
    const diff = await activeDiff();
    for (const uri of [diff.leftUri, diff.rightUri]) {
      const document = await vscode.workspace.openTextDocument(uri);
      assert.equal(document.languageId, 'promptops-rendered');
      assert.equal(vscode.workspace.getConfiguration('editor', document).get('wordWrap'), 'on');
    }
  });

  it('the rendered diff of a version that does not render shows the checker\'s sentence at that version\'s own line and column', async () => {
    const broken = workspaceFile('prompts/unclosed-story.prompt');
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode(title.text));
    git('add', 'prompts/unclosed-story.prompt');
    git('commit', '-q', '-m', 'unclosed story: renders');
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode(`${title.text}{{#if topic}}More.\n`));
    git('commit', '-q', '-am', 'unclosed story: an unclosed block');
    const commit = git('rev-parse', 'HEAD');
    try {
      await vscode.commands.executeCommand('promptops.renderedDiff', broken, 'HEAD~1', commit, '');
      const diff = await activeDiff();
      assert.equal(diff.right, `unclosed-story.prompt (${commit.slice(0, 7)}) does not render: prompts/unclosed-story.prompt:11:1: {{#if topic}} is never closed; add {{/if}} after its content.\n`);
    } finally {
      git('rm', '-q', 'prompts/unclosed-story.prompt');
      git('commit', '-q', '-m', 'unclosed story: removed');
    }
  });

  it('the rendered diff uses the sample file as it is now, also after it changes', async () => {
    const samples = workspaceFile('prompts/story.samples.yaml');
    try {
      await vscode.workspace.fs.writeFile(samples, new TextEncoder().encode('dragons:\n  topic: dragons\n'));
      await vscode.commands.executeCommand('promptops.renderedDiff', story, 'production', 'staging', 'dragons');
      assert.equal((await activeDiff()).left, '── user ──\nTell a calm story about dragons.\n');
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.writeFile(samples, new TextEncoder().encode('dragons:\n  topic: castles\n'));
      await vscode.commands.executeCommand('promptops.renderedDiff', story, 'production', 'staging', 'dragons');
      assert.equal((await activeDiff()).left, '── user ──\nTell a calm story about castles.\n');
    } finally {
      await vscode.workspace.fs.delete(samples);
    }
  });

  it('the rendered diff renders both sides with the chosen one of several sample sets, not the first', async () => {
    const samples = workspaceFile('prompts/story.samples.yaml');
    try {
      await vscode.workspace.fs.writeFile(samples, new TextEncoder().encode('dragons:\n  topic: dragons\ncastles:\n  topic: castles\n  tone: grim\nrobots:\n  topic: robots\n  tone: dry\n'));
      await vscode.commands.executeCommand('promptops.renderedDiff', story, 'production', 'staging', 'castles');
      const diff = await activeDiff();
      assert.equal(diff.left, '── user ──\nTell a grim story about castles.\n');
      assert.equal(diff.right, '── user ──\nTell a grim story about castles.\nStart with a title.\n');
      assert.match(vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', /^story\.prompt rendered with castles: /);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.commands.executeCommand('promptops.renderedDiff', story, 'production', 'staging', 'robots');
      const last = await activeDiff();
      assert.equal(last.left, '── user ──\nTell a dry story about robots.\n');
      assert.equal(last.right, '── user ──\nTell a dry story about robots.\nStart with a title.\n');
    } finally {
      await vscode.workspace.fs.delete(samples);
    }
  });

  it('an open rendered diff follows the sample file: saving a new value for the chosen set (of several) re-renders it in place', async () => {
    const samples = workspaceFile('prompts/story.samples.yaml');
    try {
      await vscode.workspace.fs.writeFile(samples, new TextEncoder().encode('calm:\n  topic: rivers\ndragons:\n  topic: dragons\nlast:\n  topic: moons\n'));
      await vscode.commands.executeCommand('promptops.renderedDiff', story, 'production', 'staging', 'dragons');
      const { left, leftUri } = await activeDiff();
      assert.equal(left, '── user ──\nTell a calm story about dragons.\n');
      await vscode.workspace.fs.writeFile(samples, new TextEncoder().encode('calm:\n  topic: rivers\ndragons:\n  topic: castles\nlast:\n  topic: moons\n'));
      const open = () => vscode.workspace.textDocuments.find((document) => document.uri.toString() === leftUri.toString())?.getText();
      assert.equal(await eventually(open, (text) => text !== left), '── user ──\nTell a calm story about castles.\n');
    } finally {
      await vscode.workspace.fs.delete(samples);
    }
  });

  it('restore puts a version into the working file as an edit that Undo takes back', async () => {
    await vscode.commands.executeCommand('promptops.restoreVersion', story, 'production');
    const document = await vscode.workspace.openTextDocument(story);
    assert.equal(document.getText(), tone.text);
    assert.equal(document.isDirty, true, 'nothing is saved behind the user\'s back');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), title.text);
  });

  it('select for compare, then compare with selected, diffs any two versions from the tree', async () => {
    const nodes = await storyNodes();
    const oldest = nodes.find((node) => node.kind === 'version' && node.version.subject === draft.subject);
    const newest = nodes.find((node) => node.kind === 'version' && node.version.subject === title.subject);
    await vscode.commands.executeCommand('promptops.selectForCompare', oldest);
    await vscode.commands.executeCommand('promptops.compareWithSelected', newest);
    const diff = await activeDiff();
    assert.equal(diff.left, draft.text);
    assert.equal(diff.right, title.text);
  });

  it('a long history shows its first 50 versions and loads more on request', async () => {
    const api = await promptOps();
    const busy = workspaceFile('prompts/busy.prompt');
    for (let i = 1; i <= 53; i++) {
      await vscode.workspace.fs.writeFile(busy, new TextEncoder().encode(`Revision ${i}\n`));
      git('add', 'prompts/busy.prompt');
      git('commit', '-q', '-m', `busy revision ${i}`);
    }
    api.versions.refresh();
    const first = await api.versions.getChildren({ kind: 'prompt', uri: busy });
    assert.equal(first.filter((node) => node.kind === 'version').length, 50);
    assert.equal(first.at(-1)?.kind, 'loadMore');
    await vscode.commands.executeCommand('promptops.loadMoreVersions', busy);
    const all = await api.versions.getChildren({ kind: 'prompt', uri: busy });
    const versions = all.filter((node) => node.kind === 'version');
    assert.equal(versions.length, 53);
    assert.equal(versions.at(-1)?.kind === 'version' && versions.at(-1)?.version.subject, 'busy revision 1');
    assert.ok(!all.some((node) => node.kind === 'loadMore'));
  });

  it('the gutter compares against the production version', async () => {
    const api = await promptOps();
    const original = await api.quickDiff.provideOriginalResource(story);
    assert.ok(original);
    assert.equal((await vscode.workspace.openTextDocument(original)).getText(), tone.text);
  });

  it('a saved edit shows "Uncommitted changes"; a commit shows up as the newest version', async () => {
    const api = await promptOps();
    await vscode.workspace.fs.writeFile(story, new TextEncoder().encode(`${title.text}Keep it short.\n`));
    api.versions.refresh();
    await eventually(storyNodes, (nodes) => nodes[0]?.kind === 'uncommitted');
    git('commit', '-q', '-am', 'story: keep it short');
    const nodes = await eventually(storyNodes, (list) => list[0]?.kind === 'version' && list[0].version.subject === 'story: keep it short');
    assert.ok(!nodes.some((node) => node.kind === 'uncommitted'));
  });
});
