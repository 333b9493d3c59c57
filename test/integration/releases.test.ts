import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { ReleasesNode } from '../../src/extension/releases/releasesTree';
import { storyVersions } from '../harness/fixtureRepository';
import { eventually, expectNotification, promptOps, workspaceFile } from './workspaceFiles';

// Each test starts from the fixture's manifest (production on "add a tone", staging on "ask for a
// title") and the manifest is put back after it, so any one of them runs alone or in any order.
const story = workspaceFile('prompts/story.prompt');
const manifest = workspaceFile('prompt-releases.yaml');
const [, , tone, title] = storyVersions;

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', encoding: 'utf8' }).trim();
}

function commitOf(subject: string): string {
  return git('log', '--format=%H', `--grep=^${subject}$`, '-1');
}

async function storyLabels(): Promise<Map<string, string>> {
  const api = await promptOps();
  const [prompt] = (await api.releases.getChildren()).filter((node) => node.kind === 'prompt' && node.prompt.id === 'prompts/story');
  assert.ok(prompt, 'the Releases view lists prompts/story');
  const children = await api.releases.getChildren(prompt);
  return new Map(children.flatMap((node) => (node.kind === 'label' ? [[node.label.label, `${node.label.target.commit}${node.label.canary ? ` canary ${node.label.canary.weight}% ${node.label.canary.commit}` : ''}`]] : [])));
}

async function badges(): Promise<Map<string, readonly string[]>> {
  const api = await promptOps();
  const nodes = await api.versions.getChildren({ kind: 'prompt', uri: story });
  return new Map(nodes.flatMap((node) => (node.kind === 'version' ? [[node.version.subject, node.labels]] : [])));
}

async function auditEvents(): Promise<ReleasesNode[]> {
  const api = await promptOps();
  const [prompt] = (await api.releases.getChildren()).filter((node) => node.kind === 'prompt' && node.prompt.id === 'prompts/story');
  assert.ok(prompt);
  const log = (await api.releases.getChildren(prompt)).find((node) => node.kind === 'auditLog');
  assert.ok(log);
  return api.releases.getChildren(log);
}

describe('Releases from the editor', () => {
  let toneCommit: string;
  let titleCommit: string;
  let fixtureManifest: Uint8Array;
  before(async () => {
    toneCommit = commitOf(tone.subject);
    titleCommit = commitOf(title.subject);
    fixtureManifest = await vscode.workspace.fs.readFile(manifest);
  });
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(manifest, fixtureManifest);
    await vscode.commands.executeCommand('promptops.refresh');
  });

  it('the Releases view shows what each label of a prompt serves', async () => {
    assert.deepEqual(await storyLabels(), new Map([['production', toneCommit], ['staging', titleCommit]]));
    assert.deepEqual(await auditEvents(), []);
  });

  it('promote moves production in the manifest, the Releases view and the version badges, and logs it', async () => {
    await vscode.commands.executeCommand('promptops.promote', story, 'staging', 'production', 'ready for everyone');
    const text = (await vscode.workspace.fs.readFile(manifest)).toString();
    assert.match(text, new RegExp(`production:[\\s\\S]*?commit: ${titleCommit}`));
    assert.equal((await storyLabels()).get('production'), titleCommit);
    await eventually(badges, (map) => (map.get(title.subject) ?? []).join() === 'production,staging' && (map.get(tone.subject) ?? []).length === 0);
    const [event] = await auditEvents();
    assert.ok(event?.kind === 'event');
    assert.deepEqual([event.event.action, event.event.from, event.event.to, event.event.note], ['promote', toneCommit, titleCommit, 'ready for everyone']);
  });

  it('roll back returns production to the version it served before', async () => {
    await vscode.commands.executeCommand('promptops.promote', story, 'staging', 'production', 'ready for everyone');
    assert.equal((await storyLabels()).get('production'), titleCommit);
    await vscode.commands.executeCommand('promptops.rollback', story, 'production');
    assert.equal((await storyLabels()).get('production'), toneCommit);
    await eventually(badges, (map) => (map.get(tone.subject) ?? []).join() === 'production');
    const [newest] = await auditEvents();
    assert.ok(newest?.kind === 'event' && newest.event.action === 'rollback' && newest.event.to === toneCommit);
  });

  it('set canary sends part of production traffic to another version', async () => {
    await vscode.commands.executeCommand('promptops.setCanary', story, 'staging', 'production', 20);
    assert.equal((await storyLabels()).get('production'), `${toneCommit} canary 20% ${titleCommit}`);
  });

  it('the audit log lists every label move, newest first, in the view and as a document', async () => {
    await vscode.commands.executeCommand('promptops.promote', story, 'staging', 'production', 'ready for everyone');
    await vscode.commands.executeCommand('promptops.rollback', story, 'production');
    await vscode.commands.executeCommand('promptops.setCanary', story, 'staging', 'production', 20);
    const events = await auditEvents();
    assert.deepEqual(events.map((node) => (node.kind === 'event' ? node.event.action : node.kind)), ['canary', 'rollback', 'promote']);
    const uri = await vscode.commands.executeCommand<vscode.Uri>('promptops.showAuditLog', story);
    const document = await vscode.workspace.openTextDocument(uri);
    const rows = document.getText().split('\n').filter((line) => line.startsWith('| 20'));
    assert.equal(rows.length, 3);
    assert.match(rows[0] ?? '', /\| canary 20% \|/);
    assert.match(rows[2] ?? '', /\| promote \|.*ready for everyone \|$/);
  });

  it('the status bar shows the production version and whether the editor differs from it', async () => {
    const api = await promptOps();
    await vscode.window.showTextDocument(story);
    await api.statusBar.update();
    assert.equal(api.statusBar.text, `$(tag) production ${toneCommit.slice(0, 7)} $(diff-modified) differs`);
    await vscode.commands.executeCommand('promptops.restoreVersion', story, 'production');
    await api.statusBar.update();
    assert.equal(api.statusBar.text, `$(tag) production ${toneCommit.slice(0, 7)} $(check)`);
    await vscode.commands.executeCommand('undo');
  });

  it('refuses to promote uncommitted content, says why in one sentence, and leaves the manifest untouched', async () => {
    const before = (await vscode.workspace.fs.readFile(manifest)).toString();
    const outcome = await expectNotification(
      'PromptOps could not promote the version: WORKING is the uncommitted working tree and labels point at commits only: commit prompts/story.prompt first, then name that commit.',
      () => vscode.commands.executeCommand('promptops.promote', story, 'WORKING', 'production'),
    );
    assert.equal(outcome, undefined);
    assert.equal((await vscode.workspace.fs.readFile(manifest)).toString(), before);
  });

  it('refuses to roll back a label with no earlier version, says why, and leaves the manifest untouched', async () => {
    const before = (await vscode.workspace.fs.readFile(manifest)).toString();
    await expectNotification(
      `PromptOps could not roll back: prompts/story staging has no earlier version to roll back to: ${titleCommit.slice(0, 7)} is the first version it served.`,
      () => vscode.commands.executeCommand('promptops.rollback', story, 'staging'),
    );
    assert.equal((await vscode.workspace.fs.readFile(manifest)).toString(), before);
  });

  it('the manifest gets diagnostics for a SHA-256 that does not match the file at that commit', async () => {
    const original = (await vscode.workspace.fs.readFile(manifest)).toString();
    // The first mention of production's hash is its label entry; events come after the prompts.
    const hash = createHash('sha256').update(tone.text).digest('hex');
    const tampered = original.replace(`sha256: ${hash}`, `sha256: ffff${hash.slice(4)}`);
    assert.notEqual(tampered, original, 'the fixture manifest has the expected shape');
    await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(tampered));
    try {
      await vscode.window.showTextDocument(manifest);
      const diagnostics = await eventually(() => vscode.languages.getDiagnostics(manifest), (list) => list.some((d) => d.code === 'manifest-sha256-mismatch'));
      const mismatch = diagnostics.find((d) => d.code === 'manifest-sha256-mismatch');
      const line = (await vscode.workspace.openTextDocument(manifest)).lineAt(mismatch?.range.start.line ?? 0).text;
      assert.match(line, /sha256: ffff/);
    } finally {
      await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(original));
    }
  });
});
