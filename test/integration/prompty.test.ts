import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { PromptPreview } from '../../src/extension/preview/promptPreview';
import { eventually, promptOps, workspaceFile } from './workspaceFiles';

const prompt = workspaceFile('prompts/reply.prompty');
const samples = workspaceFile('prompts/reply.samples.yaml');

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'promptops');
}

function rangeOf(diagnostic: vscode.Diagnostic): [number, number, number, number] {
  return [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character];
}

/** Puts a fixture file back as it was, on disk and in its editor. */
async function restore(uri: vscode.Uri, text: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, document.lineCount, 0), text);
    await vscode.workspace.applyEdit(edit);
  }
  if (document.isDirty) await document.save();
}

describe('Prompty files in the editor', () => {
  let promptText = '';
  let samplesText = '';
  before(async () => {
    await promptOps();
    promptText = (await vscode.workspace.openTextDocument(prompt)).getText();
    samplesText = (await vscode.workspace.openTextDocument(samples)).getText();
  });
  afterEach(async () => {
    await restore(prompt, promptText);
    await restore(samples, samplesText);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('flags a misspelt input in a Jinja template at its exact range, and not the loop variable', async () => {
    await vscode.window.showTextDocument(prompt);
    const diagnostics = await eventually(() => ours(prompt), (list) => list.length > 0);
    assert.deepEqual(
      diagnostics.map((diagnostic) => [String(diagnostic.code), rangeOf(diagnostic), diagnostic.message]),
      [['undeclared-variable', [16, 24, 16, 31], "'custmer' is not declared in inputs; did you mean 'customer'?"]],
    );
  });

  it('fixes the typo with its quick fix, and the diagnostic goes away', async () => {
    await vscode.window.showTextDocument(prompt);
    const [diagnostic] = await eventually(() => ours(prompt), (list) => list.length > 0);
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', prompt, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === "Change to 'customer'");
    assert.ok(fix?.edit, `a fix "Change to 'customer'" among ${JSON.stringify(actions.map((action) => action.title))}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    await eventually(() => ours(prompt), (list) => list.length === 0);
    assert.match((await vscode.workspace.openTextDocument(prompt)).lineAt(16).text, /Where is \{\{ customer\.name \}\}/);
  });

  it('completes inputs and the loop variable inside a for loop, and properties after a dot', async () => {
    const editor = await vscode.window.showTextDocument(prompt);
    const inLoop = new vscode.Position(15, 'Order {{ '.length + '{% for order in orders %}'.length);
    const names = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', prompt, inLoop);
    const labels = names.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    for (const expected of ['order', 'loop', 'customer', 'orders']) assert.ok(labels.includes(expected), `${expected} among ${JSON.stringify(labels)}`);
    await editor.edit((edit) => edit.insert(new vscode.Position(12, 0), '{{ customer. }}\n'));
    const properties = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', prompt, new vscode.Position(12, '{{ customer.'.length));
    const propertyLabels = properties.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.deepEqual(propertyLabels.filter((label) => label === 'name' || label === 'plan').sort(), ['name', 'plan']);
  });

  it('renames an input across the template, its declaration and the sample file', async () => {
    await vscode.window.showTextDocument(prompt);
    await eventually(() => ours(prompt), (list) => list.length > 0);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', prompt, new vscode.Position(15, '{% for order in or'.length), 'purchases');
    assert.ok(edit, 'the rename returns edits');
    const changed = new Map(edit.entries().map(([uri, edits]) => [uri.path.split('/').pop(), edits.length]));
    assert.deepEqual(Object.fromEntries(changed), { 'reply.prompty': 2, 'reply.samples.yaml': 1 });
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.match((await vscode.workspace.openTextDocument(samples)).getText(), /\n {2}purchases:\n/);
  });

  it('previews the rendered messages of a sample set as role cards', async () => {
    await vscode.window.showTextDocument(prompt);
    const preview = await vscode.commands.executeCommand<PromptPreview>('promptops.preview', prompt, 'two-orders');
    assert.ok(preview, 'the preview command returns its panel');
    const shown = await eventually(() => preview.snapshot(), (snapshot) => snapshot.text.includes('Order 2: 4.5'));
    assert.match(shown.text, /You answer Bob, who is on the FREE plan\./);
    assert.match(shown.text, /Order 1: 3/);
  });
});

describe('Prompty referenced files changed outside the editor', () => {
  const policyPrompt = workspaceFile('prompts/policy-reply.prompty');
  const policy = workspaceFile('prompts/refund-policy.md');
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(policyPrompt.fsPath, { force: true });
    fs.rmSync(policy.fsPath, { force: true });
  });

  it('a ${file:} reference is checked again when another tool creates or deletes the file, and a filter hovers with what it does', async () => {
    await promptOps();
    fs.rmSync(policy.fsPath, { force: true });
    fs.writeFileSync(policyPrompt.fsPath, ['---', 'inputs:', '  policy:', '    kind: string', '    default: ${file:refund-policy.md}', '---', 'system:', 'Follow this policy: {{ policy | trim }}', ''].join('\n'));
    await vscode.window.showTextDocument(policyPrompt);
    const missing = await eventually(() => ours(policyPrompt), (list) => list.some((diagnostic) => diagnostic.code === 'missing-file'));
    assert.deepEqual(
      missing.map((diagnostic) => [String(diagnostic.code), rangeOf(diagnostic), diagnostic.message]),
      [['missing-file', [4, 13, 4, 37], "The file 'refund-policy.md' this prompt references does not exist."]],
    );
    fs.writeFileSync(policy.fsPath, 'Refunds within 30 days.\n');
    await eventually(() => ours(policyPrompt), (list) => list.length === 0);
    fs.rmSync(policy.fsPath);
    await eventually(() => ours(policyPrompt), (list) => list.some((diagnostic) => diagnostic.code === 'missing-file'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', policyPrompt, new vscode.Position(7, 'Follow this policy: {{ policy | tr'.length));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
    assert.equal(text, '**Jinja filter** `text | trim`\n\nRemoves whitespace at the start and end.');
  });
});
