import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { AuditLogView } from '../../src/extension/releases/auditLogView';
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
    assert.deepEqual(
      (await auditEvents()).map((node) => (node.kind === 'event' ? [node.event.action, node.event.label] : [node.kind])),
      [
        ['promote', 'staging'],
        ['promote', 'production'],
      ],
    );
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

  it('set canary sends part of production traffic to another version, and the Versions view marks the canary version', async () => {
    await vscode.commands.executeCommand('promptops.setCanary', story, 'staging', 'production', 20);
    assert.equal((await storyLabels()).get('production'), `${toneCommit} canary 20% ${titleCommit}`);
    const api = await promptOps();
    const node = await eventually(
      async () => (await api.versions.getChildren({ kind: 'prompt', uri: story })).find((candidate) => candidate.kind === 'version' && candidate.version.subject === title.subject),
      (found) => found?.kind === 'version' && (found.canaries ?? []).length > 0,
    );
    assert.ok(node);
    assert.match(String(api.versions.getTreeItem(node).description), new RegExp(`^⟨staging⟩ ⟨production canary 20%⟩ ${titleCommit.slice(0, 7)} · `));
  });

  it('the audit log lists every label move, newest first, in the view and as a readable table', async () => {
    await vscode.commands.executeCommand('promptops.promote', story, 'staging', 'production', 'ready for everyone');
    await vscode.commands.executeCommand('promptops.rollback', story, 'production');
    await vscode.commands.executeCommand('promptops.setCanary', story, 'staging', 'production', 20);
    const events = await auditEvents();
    assert.deepEqual(events.map((node) => (node.kind === 'event' ? node.event.action : node.kind)), ['canary', 'rollback', 'promote', 'promote', 'promote']);
    const view = await vscode.commands.executeCommand<AuditLogView>('promptops.showAuditLog', story);
    const { rows } = await view.snapshot((shown) => shown.rows.length === 5);
    assert.deepEqual(
      rows.map((row) => row.slice(1)),
      [
        ['Fixture Author', 'canary 20%', 'production', `${toneCommit.slice(0, 7)} → ${titleCommit.slice(0, 7)}`, ''],
        ['Fixture Author', 'rollback', 'production', `${titleCommit.slice(0, 7)} → ${toneCommit.slice(0, 7)}`, ''],
        ['Fixture Author', 'promote', 'production', `${toneCommit.slice(0, 7)} → ${titleCommit.slice(0, 7)}`, 'ready for everyone'],
        ['Fixture Author', 'promote', 'staging', `new → ${titleCommit.slice(0, 7)}`, ''],
        ['Fixture Author', 'promote', 'production', `new → ${toneCommit.slice(0, 7)}`, ''],
      ],
    );
  });

  it('the status bar shows the production version, its canary, and whether the editor differs from it', async () => {
    const api = await promptOps();
    await vscode.commands.executeCommand('promptops.setCanary', story, 'staging', 'production', 20);
    await vscode.window.showTextDocument(story);
    await api.statusBar.update();
    assert.equal(api.statusBar.text, `$(tag) production ${toneCommit.slice(0, 7)} · canary 20% → ${titleCommit.slice(0, 7)} $(diff-modified) differs`);
    await vscode.commands.executeCommand('promptops.restoreVersion', story, 'production');
    await api.statusBar.update();
    assert.equal(api.statusBar.text, `$(tag) production ${toneCommit.slice(0, 7)} · canary 20% → ${titleCommit.slice(0, 7)} $(check)`);
    await vscode.commands.executeCommand('undo');
  });

  it('refuses to promote uncommitted content, says why in one sentence, and leaves the manifest untouched', async () => {
    const before = (await vscode.workspace.fs.readFile(manifest)).toString();
    const outcome = await expectNotification(
      'PromptOps could not promote the version: WORKING is the uncommitted working tree and labels point at commits only: commit prompts/story.prompt first, then name that commit.',
      () => vscode.commands.executeCommand('promptops.promote', story, 'WORKING', 'production'),
    );
    assert.deepEqual(outcome, { kind: 'refused', reason: 'WORKING is the uncommitted working tree and labels point at commits only: commit prompts/story.prompt first, then name that commit.' });
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

  it('refuses to promote a version that does not pass check, naming its first error as file:line:col, before asking anything', async () => {
    const broken = workspaceFile('prompts/broken-release.prompt');
    await vscode.workspace.fs.writeFile(broken, new TextEncoder().encode('---\ninput:\n  schema:\n    ticket: string\n---\nTriage {{#if ticket}}{{ticket}}\n'));
    git('add', 'prompts/broken-release.prompt');
    git('commit', '--quiet', '-m', 'Add a prompt with an unclosed block');
    const commit = git('rev-parse', 'HEAD');
    try {
      const before = (await vscode.workspace.fs.readFile(manifest)).toString();
      // Without a label the command would ask for one; the refusal comes first.
      for (const label of ['production', undefined]) {
        const outcome = await vscode.commands.executeCommand('promptops.promote', broken, commit, label);
        assert.deepEqual(outcome, {
          kind: 'refused',
          reason: `${commit.slice(0, 7)} does not pass check, so it is not released: prompts/broken-release.prompt:6:8: {{#if ticket}} is never closed; add {{/if}} after its content (fix it in a new commit, or pass --allow-errors in an emergency).`,
        });
      }
      assert.equal((await vscode.workspace.fs.readFile(manifest)).toString(), before);
    } finally {
      git('rm', '--quiet', 'prompts/broken-release.prompt');
      git('commit', '--quiet', '-m', 'Remove the broken prompt');
    }
  });

  it('the Releases view and the audit log show notes and authors with control characters escaped', async () => {
    const name = git('config', 'user.name');
    git('config', 'user.name', 'Mallory\u001b[31m (approved)');
    try {
      await vscode.commands.executeCommand('promptops.promote', story, toneCommit, 'staging', 'ok\u001b[2J\r\nForged: all checks passed');
    } finally {
      git('config', 'user.name', name);
    }
    // Staging goes back to what it served, so the labels the Versions tests expect are as they were.
    await vscode.commands.executeCommand('promptops.promote', story, titleCommit, 'staging');
    const api = await promptOps();
    const hostile = (await auditEvents()).find((node) => node.kind === 'event' && node.event.note.includes('Forged'));
    assert.ok(hostile?.kind === 'event');
    const item = api.releases.getTreeItem(hostile);
    assert.match(String(item.description), /^Mallory\\x1b\[31m \(approved\) · [^·]+ · ok\\x1b\[2J\\r\\nForged: all checks passed$/);
    const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip);
    assert.ok(!/[\u0000-\u001f\u007f-\u009f]/.test(tooltip.replace(/\n/g, '')), 'no raw control character in the tooltip');
    assert.match(tooltip, /ok\\\\x1b\\\[2J\\\\r\\\\nForged: all checks passed/);
    const view = await vscode.commands.executeCommand<AuditLogView>('promptops.showAuditLog', story);
    // An audit log opened earlier follows the manifest through its change event: wait for the row.
    const { rows } = await view.snapshot((shown) => shown.rows.some((cells) => cells.join(' ').includes('Forged')));
    const row = rows.find((cells) => cells.join(' ').includes('Forged'));
    assert.deepEqual(row?.slice(1, 4), ['Mallory\\x1b[31m (approved)', 'promote', 'staging']);
    assert.equal(row?.[5], 'ok\\x1b[2J\\r\\nForged: all checks passed');
  });

  it('manifest diagnostics run the status gate: a label moved by hand is marked as unexplained by the audit log', async () => {
    const original = (await vscode.workspace.fs.readFile(manifest)).toString();
    const edited = original.replace(/(staging:\s*\{?\s*commit: )[0-9a-f]{40}/, `$1${toneCommit}`);
    assert.notEqual(edited, original, 'the manifest has a staging label to edit');
    await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(edited));
    try {
      await vscode.window.showTextDocument(manifest);
      const diagnostics = await eventually(() => vscode.languages.getDiagnostics(manifest), (list) => list.some((d) => d.code === 'manifest-unexplained-label'));
      const unexplained = diagnostics.find((d) => d.code === 'manifest-unexplained-label');
      assert.match(unexplained?.message ?? '', new RegExp(`^prompts/story staging serves ${toneCommit.slice(0, 7)}, but the audit log's last move of it \\(promote of [^)]+\\) is to ${titleCommit.slice(0, 7)}; labels move only through promptops promote, rollback and canary, which record who and why\\.$`));
      assert.equal(unexplained?.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await vscode.workspace.fs.writeFile(manifest, new TextEncoder().encode(original));
      // The next test looks for diagnostics of its own: these must be gone first.
      await eventually(() => vscode.languages.getDiagnostics(manifest), (list) => list.every((d) => d.severity !== vscode.DiagnosticSeverity.Error));
    }
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
