import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PromptPreview } from '../../src/extension/preview/promptPreview';
import { eventually, expectNotification, promptOps, workspaceFile } from './workspaceFiles';

// Runs only in the harness's restricted-mode pass (workspace trust on, folder not trusted).
describe('Restricted mode (untrusted workspace)', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('opens the fixture workspace untrusted, and PromptOps still activates', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(await promptOps());
  });

  it('checks prompts as you type', async () => {
    const prompt = workspaceFile('prompts/mistakes.prompt');
    await vscode.window.showTextDocument(prompt);
    const codes = await eventually(() => vscode.languages.getDiagnostics(prompt).map((d) => String(d.code)), (list) => list.includes('undeclared-variable'));
    assert.ok(codes.includes('unknown-property'));
  });

  it('renders the test-render preview', async () => {
    const preview = await vscode.commands.executeCommand<PromptPreview>('promptops.preview', workspaceFile('prompts/greet.prompt'), 'friendly');
    await eventually(() => preview.snapshot(), (shown) => shown.text.includes('Hello, Ada!'));
  });

  it('completes variables inside {{', async () => {
    const prompt = workspaceFile('prompts/greet.prompt');
    const document = await vscode.workspace.openTextDocument(prompt);
    const line = document.getText().split('\n').findIndex((text) => text.includes('{{name}}'));
    const character = document.lineAt(line).text.indexOf('{{name}}') + 2;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', prompt, new vscode.Position(line, character));
    assert.ok(list.items.some((item) => (typeof item.label === 'string' ? item.label : item.label.label) === 'name'));
  });

  it('the Versions view says why it shows no history instead of running git', async () => {
    const api = await promptOps();
    const nodes = await api.versions.getChildren();
    assert.equal(nodes.length, 1);
    assert.ok(nodes[0]?.kind === 'message' && /trusted workspaces/.test(nodes[0].text));
  });

  it('promote, roll back and compare are refused with the reason the user reads, and nothing is written', async () => {
    const manifest = workspaceFile('prompt-releases.yaml');
    const before = (await vscode.workspace.fs.readFile(manifest)).toString();
    const story = workspaceFile('prompts/story.prompt');
    const refusal = (action: string) => `PromptOps cannot ${action} in an untrusted workspace: it would run git or write the release manifest. Trust the workspace to enable it.`;
    assert.equal(await expectNotification(refusal('promote the version'), () => vscode.commands.executeCommand('promptops.promote', story, 'staging', 'production')), undefined);
    assert.equal(await expectNotification(refusal('roll back'), () => vscode.commands.executeCommand('promptops.rollback', story, 'production')), undefined);
    assert.equal(await expectNotification(refusal('compare with the previous version'), () => vscode.commands.executeCommand('promptops.compareWithPrevious', story)), undefined);
    assert.equal((await vscode.workspace.fs.readFile(manifest)).toString(), before);
  });
});

describe('Registry in restricted mode (untrusted workspace)', () => {
  it('the Registry view says registry access is off and why, and the status bar says so', async () => {
    const api = await promptOps();
    const nodes = await api.registry.getChildren();
    assert.equal(nodes.length, 1);
    assert.ok(nodes[0]?.kind === 'message' && nodes[0].text === 'Registry access is off in untrusted workspaces.');
    assert.equal(api.registryStatusBar.text, '$(shield) Langfuse off');
  });

  it('sign-in, push, pull and label moves are refused with the reason the user reads, and nothing is stored or written', async () => {
    const greet = workspaceFile('prompts/greet.prompt');
    const refusal = (action: string) => `PromptOps cannot ${action} in an untrusted workspace: it would send prompts and API keys to the registry. Trust the workspace to enable it.`;
    assert.equal(await expectNotification(refusal('sign in to a registry'), () => vscode.commands.executeCommand('promptops.registry.signIn', 'http://127.0.0.1:9', 'pk-lf-x', 'sk-lf-x')), undefined);
    assert.equal(vscode.workspace.getConfiguration('promptops').get('registry.host'), '');
    assert.equal(await expectNotification(refusal('push the prompt'), () => vscode.commands.executeCommand('promptops.registry.push', greet, 'production')), undefined);
    assert.equal(await expectNotification(refusal('promote the registry version'), () => vscode.commands.executeCommand('promptops.registry.promote', 'prompts/greet', '1', 'production')), undefined);
    assert.equal(await expectNotification(refusal('pull the registry version'), () => vscode.commands.executeCommand('promptops.registry.pull', 'prompts/greet', 'production', workspaceFile('pulled.prompt'))), undefined);
    assert.equal((await vscode.workspace.findFiles('pulled.prompt')).length, 0);
  });
});
