import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PromptPreview } from '../../src/extension/preview/promptPreview';
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
