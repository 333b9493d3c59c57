import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PromptOpsApi } from '../../src/extension/main';
import { extensionId, workspaceFile } from './workspaceFiles';

describe('Extension activation', () => {
  it('opening a .prompt file gives it the dotprompt language and activates PromptOps', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile('prompts/greet.prompt'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'dotprompt');
    const extension = vscode.extensions.getExtension<PromptOpsApi>(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('the refresh command lists a prompt file created after activation', async () => {
    const api = await vscode.extensions.getExtension<PromptOpsApi>(extensionId)?.activate();
    assert.ok(api);
    const listed = async (): Promise<string[]> => (await api.versions.promptFiles()).map((uri) => vscode.workspace.asRelativePath(uri));
    assert.ok((await listed()).includes('prompts/greet.prompt'));
    assert.ok(!(await listed()).includes('prompts/later.prompt'));
    await vscode.workspace.fs.writeFile(workspaceFile('prompts/later.prompt'), new TextEncoder().encode('Hi {{who}}\n'));
    await vscode.commands.executeCommand('promptops.refresh');
    assert.ok((await listed()).includes('prompts/later.prompt'));
  });
});
