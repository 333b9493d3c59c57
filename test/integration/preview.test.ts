import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PromptPreview } from '../../src/extension/preview/promptPreview';
import { clickInBrowser } from './browserClicks';
import { eventually, workspaceFile } from './workspaceFiles';

async function openPreview(relative: string, sampleSet?: string): Promise<PromptPreview> {
  const uri = workspaceFile(relative);
  await vscode.window.showTextDocument(uri);
  const preview = await vscode.commands.executeCommand<PromptPreview>('promptops.preview', uri, ...(sampleSet ? [sampleSet] : []));
  assert.ok(preview, 'the preview command returns its panel');
  return preview;
}

describe('Test-render preview', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('shows the rendered message for the chosen sample set as a role card with a token count', async () => {
    const preview = await openPreview('prompts/greet.prompt', 'friendly');
    const shown = await eventually(() => preview.snapshot(), (s) => s.text.includes('Hello, Ada!'));
    assert.match(shown.text, /user/i);
    assert.match(shown.text, /≈ \d+ tokens?/);
    assert.ok(shown.elements.includes('select'), 'a sample set switcher is shown');
  });

  it('re-renders as the prompt is edited', async () => {
    const preview = await openPreview('prompts/greet.prompt', 'friendly');
    const editor = await vscode.window.showTextDocument(workspaceFile('prompts/greet.prompt'));
    const original = editor.document.getText();
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    try {
      await editor.edit((edit) => edit.insert(end, 'How are you, {{name}}?\n'));
      await eventually(() => preview.snapshot(), (s) => s.text.includes('How are you, Ada?'));
    } finally {
      // The browser build saves edits by itself after a delay, so the file is put back and saved
      // rather than reverted: later suites read it from disk.
      const whole = new vscode.Range(editor.document.positionAt(0), editor.document.positionAt(editor.document.getText().length));
      await editor.edit((edit) => edit.replace(whole, original));
      await editor.document.save();
    }
  });

  it('shows script and onerror payloads in sample values as text, and runs none of them', async () => {
    const preview = await openPreview('prompts/greet.prompt', 'hostile');
    const shown = await eventually(() => preview.snapshot(), (s) => s.text.includes('<script>'));
    assert.ok(shown.html.includes('&lt;script&gt;document.body.dataset.pwned'), 'the payload is escaped in the page');
    assert.ok(shown.html.includes('&lt;img src=x onerror='), 'the image payload is escaped');
    assert.ok(!shown.elements.includes('img'), 'no <img> element was created');
    assert.ok(!shown.elements.includes('script'), 'no <script> element was created inside the page body');
    assert.equal(shown.title, 'Prompt preview', 'no injected handler renamed the page');
    assert.ok(!shown.bodyAttributes.includes('data-pwned'), 'no injected script marked the body');
  });
});

describe('Test-render preview: errors, whitespace and custom input', () => {
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  async function write(relative: string, text: string): Promise<vscode.Uri> {
    const uri = workspaceFile(relative);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    return uri;
  }

  it('a render error carries the checker\'s sentence at the file\'s own line and column, and clicking it reveals that place', async () => {
    const uri = await write('prompts/unclosed.prompt', '---\ninput:\n  schema:\n    name: string\n  default:\n    name: Ada\n---\nHello {{name}}.\n{{#if name}}Welcome back.\n');
    const preview = await openPreview('prompts/unclosed.prompt');
    const shown = await eventually(() => preview.snapshot(), (s) => s.text.includes('Render error'));
    assert.match(shown.text, /unclosed\.prompt:9:1: \{\{#if name\}\} is never closed; add \{\{\/if\}\} after its content\./);
    await vscode.commands.executeCommand('workbench.action.focusFirstEditorGroup');
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(0, 0, 0, 0), viewColumn: vscode.ViewColumn.One });
    clickInBrowser({ where: 'webview', selector: 'a.location' });
    const editor = await eventually(() => vscode.window.activeTextEditor, (active) => active?.document.uri.toString() === uri.toString() && active.selection.active.line === 8);
    assert.deepEqual([editor?.selection.active.line, editor?.selection.active.character], [8, 0]);
  });

  it('role cards drop the blank lines around a message; the exact-whitespace toggle shows them', async () => {
    await write('prompts/padded.prompt', '---\ninput:\n  schema:\n    name: string\n  default:\n    name: Ada\n---\n{{role "system"}}\n\n  Be kind to {{name}}.\n\n{{role "user"}}\nHi!\n');
    const preview = await openPreview('prompts/padded.prompt');
    const trimmed = await eventually(() => preview.snapshot(), (s) => s.cards.length === 2);
    assert.deepEqual(trimmed.cards, [
      { role: 'system', text: '  Be kind to Ada.' },
      { role: 'user', text: 'Hi!' },
    ]);
    clickInBrowser({ where: 'webview', selector: '#exact-whitespace' });
    const exact = await eventually(() => preview.snapshot(), (s) => s.html.includes('class="text exact"'));
    assert.deepEqual(exact.cards, [
      { role: 'system', text: '\n\n  Be kind to Ada.\n\n' },
      { role: 'user', text: '\nHi!' },
    ]);
  });

  it('a custom input is checked against the input schema with the sentences sample sets get', async () => {
    const preview = await openPreview('prompts/greet.prompt', 'friendly');
    await eventually(() => preview.snapshot(), (s) => s.text.includes('Hello, Ada!'));
    clickInBrowser({ where: 'webview', selector: 'details.custom summary' });
    clickInBrowser({ where: 'webview', selector: '#custom-input', fill: '{"name": 42, "nmae": "x"}' });
    clickInBrowser({ where: 'webview', selector: '#render-custom' });
    const shown = await eventually(() => preview.snapshot(), (s) => s.text.includes('does not match the input schema'));
    assert.match(shown.text, /In the custom input, 'name' must be a string, not a number\./);
    assert.match(shown.text, /The custom input sets 'nmae', which the input schema does not declare; did you mean 'name'\?/);
    assert.match(shown.text, /Hello, 42!/, 'it still renders, as a sample set with a mistake does');
  });
});
