import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { RegistryNode } from '../../src/extension/registry/registryTree';
import { LangfuseContractServer } from '../contract/langfuseContractServer';
import { commitWithAmbiguousPrefix } from '../harness/ambiguousCommit';
import { eventually, promptOps, workspaceFile } from './workspaceFiles';

// These tests build on each other, as a user's session would: sign in, browse, push, promote, roll back, pull.
describe('Registry (Langfuse contract server) from the editor', () => {
  let server: LangfuseContractServer;
  const greet = workspaceFile('prompts/greet.prompt');
  const pulled = workspaceFile('pulled');

  before(async () => {
    server = new LangfuseContractServer();
    await server.start();
    server.seed('support/summarize', [
      { prompt: [{ role: 'system', content: 'Summarize tickets.' }, { role: 'user', content: '{{ticket}}' }], labels: ['production'], commitMessage: 'First summary' },
      { prompt: [{ role: 'system', content: 'Summarize tickets briefly.' }, { role: 'user', content: '{{ticket}}' }], labels: ['staging'], commitMessage: 'Briefer' },
      { prompt: [{ role: 'user', content: 'Summarize: {{ticket}}' }], commitMessage: 'Edited in Langfuse' },
    ]);
    for (let index = 0; index < 55; index++) server.seed(`team/prompt-${String(index).padStart(2, '0')}`, [{ prompt: `Prompt ${index} for {{name}}` }]);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('promptops.registry.signOut');
    fs.rmSync(pulled.fsPath, { recursive: true, force: true });
    const violations = [...server.violations];
    await server.close();
    assert.deepEqual(violations, [], 'every request and response matches the OpenAPI document');
  });

  afterEach(async () => {
    const api = await promptOps();
    assert.ok(!JSON.stringify(api.registryConnection.state).includes(server.secretKey), 'the connection state never shows the secret key');
    assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('promptops')).includes(server.secretKey), 'no setting holds the secret key');
  });

  async function children(node?: RegistryNode): Promise<RegistryNode[]> {
    return (await promptOps()).registry.getChildren(node);
  }

  async function summarizeVersions(): Promise<Map<string, string[]>> {
    const [connection] = await children();
    assert.ok(connection?.kind === 'connection');
    const support = (await children(connection)).find((node) => node.kind === 'folder' && node.path === 'support');
    assert.ok(support);
    const summarize = (await children(support)).find((node) => node.kind === 'prompt' && node.summary.name === 'support/summarize');
    assert.ok(summarize);
    return new Map((await children(summarize)).flatMap((node) => (node.kind === 'version' ? [[`v${node.version.version}`, [...node.version.labels].sort()]] : [])));
  }

  it('before sign-in the view offers to sign in and the status bar says so', async () => {
    const api = await promptOps();
    await api.registryConnection.test();
    const nodes = await children();
    assert.ok(nodes.some((node) => node.kind === 'message' && node.text === 'Sign in to Langfuse…'));
    assert.equal(api.registryStatusBar.text, '$(cloud) Langfuse: sign in');
  });

  it('sign-in with a wrong secret key stores nothing and says which keys to fix, without the secret', async () => {
    const result = await vscode.commands.executeCommand('promptops.registry.signIn', server.url, server.publicKey, 'sk-lf-wrong-secret-value');
    assert.equal(result, undefined);
    assert.equal(vscode.workspace.getConfiguration('promptops').get('registry.host'), '');
    const api = await promptOps();
    assert.equal(api.registryConnection.state.kind, 'signedOut');
  });

  it('sign-in tests the connection, keeps the keys in secret storage and the host in the settings', async () => {
    const state = await vscode.commands.executeCommand<{ kind: string; promptCount: number }>('promptops.registry.signIn', server.url, server.publicKey, server.secretKey);
    assert.deepEqual(state, { kind: 'connected', host: server.url, promptCount: 56 });
    assert.equal(vscode.workspace.getConfiguration('promptops').get('registry.host'), server.url);
    const api = await promptOps();
    // Forget the client: the keys must come back from secret storage.
    api.registryConnection.reset();
    await eventually(() => api.registryConnection.state.kind, (kind) => kind === 'connected');
    assert.equal(api.registryStatusBar.text, '$(cloud) Langfuse');
  });

  it('the view lists the connection, folders, prompts, and versions newest first with label badges; Load more reads the next page', async () => {
    const api = await promptOps();
    api.registry.refresh();
    const [connection] = await children();
    assert.ok(connection?.kind === 'connection');
    const top = await children(connection);
    assert.deepEqual(top.map((node) => (node.kind === 'folder' ? node.path : node.kind)), ['support', 'team', 'loadMorePrompts']);
    const team = top.find((node) => node.kind === 'folder' && node.path === 'team');
    assert.ok(team);
    assert.equal((await children(team)).length, 49, 'the first page holds 50 prompts: support/summarize and 49 of team');
    await vscode.commands.executeCommand('promptops.registry.loadMore');
    assert.equal((await children(team)).length, 55);
    assert.ok(!(await children(connection)).some((node) => node.kind === 'loadMorePrompts'));
    assert.deepEqual(await summarizeVersions(), new Map([['v3', ['latest']], ['v2', ['staging']], ['v1', ['production']]]));
    const [v3] = (await children((await children((await children(connection)).find((node) => node.kind === 'folder' && node.path === 'support'))).find((node) => node.kind === 'prompt'))).filter((node) => node.kind === 'version');
    assert.ok(v3);
    assert.match(String(api.registry.getTreeItem(v3).description), /^⟨latest⟩ Edited in Langfuse/);
  });

  it('a listing Langfuse refuses shows its sentence in the view and goes to the PromptOps log with its cause, never with the secret key', async () => {
    const api = await promptOps();
    const logged: string[] = [];
    const listening = api.log.onDidWrite((entry) => logged.push(`${entry.level}: ${entry.text}`));
    try {
      // The server's answer quotes the secret key back, as a careless proxy might.
      server.inject({ method: 'GET', path: '/api/public/v2/prompts', fault: { kind: 'status', status: 400, body: JSON.stringify({ message: `bad request signed with ${server.secretKey}` }) } });
      api.registry.refresh();
      const [connection] = await children();
      assert.ok(connection?.kind === 'connection');
      const [shown] = await children(connection);
      assert.deepEqual(shown, { kind: 'message', text: 'Langfuse refused to list prompts (400): bad request signed with ***.', icon: 'error' });
      const entry = await eventually(() => logged.find((text) => text.startsWith('warning: The Registry view could not list the prompts.')), (found) => found !== undefined);
      assert.equal(entry, 'warning: The Registry view could not list the prompts.\nRegistryError: Langfuse refused to list prompts (400): bad request signed with ***.');
      assert.ok(!logged.some((text) => text.includes(server.secretKey)), 'no log entry holds the secret key');
    } finally {
      listening.dispose();
      api.registry.refresh();
    }
  });

  it('opens a registry version read-only, in the prompt language', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('promptops.registry.openVersion', 'support/summarize', 'staging');
    assert.equal(uri.scheme, 'promptops');
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'dotprompt');
    assert.equal(document.getText(), '{{role "system"}}\nSummarize tickets briefly.\n\n{{role "user"}}\n{{ticket}}\n');
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('x'))));
  });

  it('push sends a prompt as a new version with its label and Git provenance', async () => {
    const outcome = await vscode.commands.executeCommand<{ kind: string; version: { version: number } }>('promptops.registry.push', greet, 'production');
    assert.equal(outcome.kind, 'created');
    const stored = server.versionOf('prompts/greet', 1);
    assert.equal(stored?.['prompt'], 'Hello, {{name}}!');
    const provenance = (stored?.['config'] as Record<string, Record<string, unknown>>)['promptops'];
    assert.match(String(provenance?.['commit']), /^[0-9a-f]{40}$/);
    assert.deepEqual(server.labelsOf('prompts/greet'), new Map([[1, ['latest', 'production']]]));
  });

  it('compare opens a diff of a registry version and the local file', async () => {
    server.seed('prompts/greet', [{ prompt: 'Hi there, {{name}}!' }]);
    await vscode.commands.executeCommand('promptops.registry.compare', 'prompts/greet', '2');
    const tab = await eventually(() => vscode.window.tabGroups.activeTabGroup.activeTab?.input, (input) => input instanceof vscode.TabInputTextDiff);
    assert.ok(tab instanceof vscode.TabInputTextDiff);
    assert.equal(tab.original.scheme, 'promptops');
    assert.equal(tab.modified.toString(), greet.toString());
    assert.equal((await vscode.workspace.openTextDocument(tab.original)).getText(), 'Hi there, {{name}}!\n');
  });

  it('promote and roll back move the Langfuse label, journal the moves, and the badges follow', async () => {
    const promoted = await vscode.commands.executeCommand<{ kind: string; from: number }>('promptops.registry.promote', 'prompts/greet', '2', 'production');
    assert.deepEqual([promoted.kind, promoted.from], ['applied', 1]);
    assert.deepEqual(server.labelsOf('prompts/greet'), new Map([[1, []], [2, ['latest', 'production']]]));
    await vscode.commands.executeCommand('promptops.registry.rollback', 'prompts/greet', 'production');
    assert.deepEqual(server.labelsOf('prompts/greet'), new Map([[1, ['production']], [2, ['latest']]]));
    const journal = fs.readFileSync(workspaceFile('.promptops/registry-journal.jsonl').fsPath, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { action: string; from: number | null; to: number });
    assert.deepEqual(journal.map(({ action, from, to }) => [action, from, to]), [['push', null, 1], ['promote', 1, 2], ['rollback', 2, 1]]);
    const again = await vscode.commands.executeCommand('promptops.registry.rollback', 'prompts/greet', 'production');
    assert.equal(again, undefined, 'a rollback past the first version is refused');
    assert.deepEqual(server.labelsOf('prompts/greet').get(1), ['production']);
  });

  it('pull writes a registry version into the workspace, and refuses a file with uncommitted changes', async () => {
    const target = vscode.Uri.joinPath(pulled, 'summarize.prompt');
    const outcome = await vscode.commands.executeCommand<{ displayPath: string }>('promptops.registry.pull', 'support/summarize', 'production', target);
    assert.equal(outcome.displayPath, 'pulled/summarize.prompt');
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), '---\nname: support/summarize\n---\n{{role "system"}}\nSummarize tickets.\n\n{{role "user"}}\n{{ticket}}\n');
    const before = fs.readFileSync(target.fsPath, 'utf8');
    assert.equal(await vscode.commands.executeCommand('promptops.registry.pull', 'support/summarize', 'staging', target), undefined, 'an untracked file counts as uncommitted');
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), before);
  });

  it('a version pushed from a .prompty opens in the Prompty language, and pull writes it as a .prompty by default', async () => {
    const provenance = { sha256: 'c'.repeat(64), path: 'billing/answer.prompty' };
    server.seed('billing/answer', [{ prompt: [{ role: 'system', content: 'You answer for {{team}}.' }, { role: 'user', content: '{{question}}' }], config: { model: 'gpt-4o', promptops: provenance }, labels: ['production'] }]);
    const expected = '---\nmodel:\n  id: gpt-4o\ninputs:\n  team:\n    kind: string\n  question:\n    kind: string\ntemplate:\n  format:\n    kind: mustache\n  parser:\n    kind: prompty\n---\nsystem:\nYou answer for {{team}}.\n\nuser:\n{{question}}\n';
    const uri = await vscode.commands.executeCommand<vscode.Uri>('promptops.registry.openVersion', 'billing/answer', 'production');
    assert.match(uri.path, /\/billing\/answer\.prompty$/);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.equal(document.languageId, 'prompty');
    assert.equal(document.getText(), expected);
    const target = vscode.Uri.joinPath(pulled, 'billing/answer.prompty');
    const outcome = await vscode.commands.executeCommand<{ displayPath: string }>('promptops.registry.pull', 'billing/answer', 'production', target);
    assert.equal(outcome.displayPath, 'pulled/billing/answer.prompty');
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), expected.replace('---\nmodel:', '---\nname: billing/answer\nmodel:'));
  });

  it("a version's tooltip names the commit it was pushed from as git abbreviates it: longer than 7 characters where 7 is ambiguous", async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    const head = git('rev-parse', 'HEAD');
    // The commit object stays in the repository; HEAD goes back so the other tests see the same history.
    const commit = commitWithAmbiguousPrefix(root, 'ambiguous registry provenance');
    git('update-ref', 'HEAD', head);
    const abbreviation = git('log', '-1', '--format=%h', commit);
    assert.ok(abbreviation.length > 7, `git abbreviates ${commit} as ${abbreviation}`);
    server.seed('ambiguous/tip', [{ prompt: 'Tip for {{name}}', config: { promptops: { commit, sha256: 'd'.repeat(64), path: 'ambiguous/tip.prompt' } } }]);
    const api = await promptOps();
    api.registry.refresh();
    const [connection] = await children();
    assert.ok(connection?.kind === 'connection');
    const folder = (await children(connection)).find((node) => node.kind === 'folder' && node.path === 'ambiguous');
    assert.ok(folder, 'the ambiguous folder is listed');
    const prompt = (await children(folder)).find((node) => node.kind === 'prompt');
    assert.ok(prompt);
    const [version] = await children(prompt);
    assert.ok(version?.kind === 'version');
    const tooltip = api.registry.getTreeItem(version).tooltip;
    assert.ok(tooltip instanceof vscode.MarkdownString);
    const text = tooltip.value.replace(/&nbsp;/g, ' ');
    assert.ok(text.includes(` at ${abbreviation}, sha256 dddddddddddd`), `the tooltip names ${abbreviation}: ${text}`);
  });

  it('drift badges mark a local prompt whose production Langfuse does not serve', async () => {
    const api = await promptOps();
    await api.registryDrift.update();
    assert.equal(api.registryDrift.driftOf('prompts/story')?.state, 'git-ahead');
    const decoration = api.registryDrift.provideFileDecoration(workspaceFile('prompts/story.prompt'));
    assert.equal(decoration?.badge, 'G');
    assert.match(String(decoration?.tooltip), /^production: git ahead of Langfuse/);
  });
});
