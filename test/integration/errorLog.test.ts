import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ShownToUser } from '../../src/extension/commands/userQuestions';
import { eventually, promptOps } from './workspaceFiles';

describe('Failures are logged with their cause', () => {
  it('a command on a prompt outside any repository says so in one sentence with "Show log", and the PromptOps log keeps git\'s own words', async () => {
    const api = await promptOps();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'promptops-no-repository-'));
    const prompt = path.join(folder, 'loose.prompt');
    fs.writeFileSync(prompt, 'Hello {{name}}\n');
    const shown: ShownToUser[] = [];
    const logged: string[] = [];
    const subscriptions = [api.questions.onDidShow((item) => shown.push(item)), api.log.onDidWrite((entry) => logged.push(`${entry.level}: ${entry.text}`))];
    try {
      const result = await vscode.commands.executeCommand('promptops.openVersion', vscode.Uri.file(prompt), 'HEAD');
      assert.equal(result, undefined);
      const messages = await eventually(() => shown.filter((item) => item.kind === 'message'), (items) => items.length > 0);
      assert.deepEqual(messages, [{ kind: 'message', severity: 'error', text: `PromptOps could not open the version: ${folder} is not inside a Git repository.`, buttons: ['Show log'] }]);
      const entry = logged.find((text) => text.startsWith('error: PromptOps could not open the version.'));
      assert.ok(entry, `the log has the failure; it has: ${logged.join(' | ')}`);
      assert.deepEqual(entry.split('\n').slice(1, 3), [`GitError: ${folder} is not inside a Git repository.`, '  stderr: fatal: not a git repository (or any of the parent directories): .git']);
    } finally {
      for (const subscription of subscriptions) subscription.dispose();
      fs.rmSync(folder, { recursive: true, force: true });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('a version document whose commit\'s sample file and partials cannot be read is still checked, and the log says why', async () => {
    const api = await promptOps();
    const logged: string[] = [];
    const listening = api.log.onDidWrite((entry) => logged.push(`${entry.level}: ${entry.text}`));
    // Stands in for git failing while the version features read the commit; disposing it puts the real reader back.
    const failing = api.models.useVersionContexts(() => Promise.reject(new Error('git cat-file exited with 128: fatal: bad object 1234567')), api.log);
    try {
      const document = await vscode.workspace.openTextDocument({ language: 'dotprompt', content: 'Hello {{name}}\n' });
      await api.models.loadVersionContext(document);
      assert.deepEqual(logged, [
        `warning: PromptOps could not read the sample file and partials of ${document.uri.toString(true)} at its commit; it is checked without them.\nError: git cat-file exited with 128: fatal: bad object 1234567`,
      ]);
      assert.equal(api.models.sampleFile(document.uri), undefined);
    } finally {
      failing.dispose();
      listening.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
