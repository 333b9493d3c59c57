import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { eventually, promptOps, workspaceFile } from './workspaceFiles';

interface Seen {
  readonly code: string;
  readonly range: [number, number, number, number];
  readonly unnecessary: boolean;
}

function seen(uri: vscode.Uri): Seen[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'promptops')
    .map((diagnostic): Seen => ({
      code: String(diagnostic.code),
      range: [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
      unnecessary: diagnostic.tags?.includes(vscode.DiagnosticTag.Unnecessary) ?? false,
    }))
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
}

describe('Live diagnostics', () => {
  const prompt = workspaceFile('prompts/mistakes.prompt');

  before(() => promptOps());
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('flags a misspelt property, an undeclared variable and an unused declaration with exact ranges', async () => {
    await vscode.window.showTextDocument(prompt);
    const diagnostics = await eventually(() => seen(prompt), (list) => list.length >= 3);
    assert.deepEqual(diagnostics, [
      { code: 'unused-variable', range: [5, 4, 5, 8], unnecessary: true },
      { code: 'unused-variable', range: [6, 4, 6, 15], unnecessary: true },
      { code: 'unknown-property', range: [8, 17, 8, 21], unnecessary: false },
      { code: 'undeclared-variable', range: [8, 38, 8, 42], unnecessary: false },
    ]);
  });

  it('updates as you type: fixing the typo clears its diagnostic, a new mistake appears', async () => {
    const editor = await vscode.window.showTextDocument(prompt);
    await eventually(() => seen(prompt), (list) => list.some((d) => d.code === 'unknown-property'));
    await editor.edit((edit) => edit.replace(new vscode.Range(8, 17, 8, 21), 'name'));
    await eventually(() => seen(prompt), (list) => !list.some((d) => d.code === 'unknown-property'));
    await editor.edit((edit) => edit.insert(new vscode.Position(9, 0), '{{#each}}\n'));
    const after = await eventually(() => seen(prompt), (list) => list.some((d) => d.code === 'template-syntax'));
    assert.equal(after.filter((d) => d.code === 'template-syntax')[0]?.range[0], 9);
  });

  it('checks an old version while it is shown, and not the hidden copy the gutter diff opens', async () => {
    const api = await promptOps();
    const editor = await vscode.window.showTextDocument(prompt);
    await eventually(() => seen(prompt), (list) => list.length > 0);
    // Positive signals before asserting absence: the gutter's quick diff has opened its hidden copy of the
    // committed version, and a check of the shown prompt, scheduled after that, has been published.
    await eventually(() => vscode.workspace.textDocuments.some((document) => document.uri.scheme === 'promptops'), (opened) => opened);
    const checkedAfter = new Promise<void>((resolve) => {
      const subscription = api.diagnostics.onDidCheck((uri) => {
        if (uri.toString() !== prompt.toString()) return;
        subscription.dispose();
        resolve();
      });
    });
    await editor.edit((edit) => edit.insert(new vscode.Position(9, 0), '\n'));
    await checkedAfter;
    const hidden = vscode.languages.getDiagnostics().filter(([uri, list]) => uri.scheme === 'promptops' && list.length > 0);
    assert.deepEqual(hidden.map(([uri]) => uri.toString()), [], 'no diagnostics for documents nobody sees');
    const version = await vscode.commands.executeCommand<vscode.Uri>('promptops.openVersion', prompt, 'HEAD');
    await eventually(() => seen(version), (list) => list.some((d) => d.code === 'undeclared-variable'));
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await eventually(() => seen(version), (list) => list.length === 0);
  });

  it('checks the sample file too: a wrong type in a sample set is flagged in that file', async () => {
    const samples = workspaceFile('prompts/mistakes.samples.yaml');
    const editor = await vscode.window.showTextDocument(samples);
    await editor.edit((edit) => edit.replace(new vscode.Range(2, 8, 2, 11), '42'));
    const diagnostics = await eventually(() => seen(samples), (list) => list.some((d) => d.code === 'sample-type-mismatch'));
    assert.deepEqual(diagnostics.find((d) => d.code === 'sample-type-mismatch')?.range, [2, 8, 2, 10]);
  });
});
