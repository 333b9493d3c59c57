// Runs inside the VS Code extension host (as extensionTestsPath) for editorBench.ts: measures the
// editor's edit-to-diagnostics path against the core check alone, interleaved, on the same text.
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { checkPrompt } from '../src/core/checks/checkPrompt';
import type { PromptOpsApi } from '../src/extension/main';
import { testOutputTag } from '../test/integration/testOutputTag';
import { largePrompt } from './checkBench';
import { largePrompty } from './promptyBench';
import { median } from './measure';

const benchResultPrefix = 'bench-result:';
const runs = 40;

const samples = ['basic', 'empty', 'full']
  .map((name, index) => `${name}:\n${Array.from({ length: 40 }, (_, i) => `  field${i}: value ${index}-${i}`).join('\n')}\n  record0: {name: Ada, count: 3, tags: [a, b]}\n`)
  .join('');

/** Edits near the end of a prompt and times the editor's check against the core check on the same text. */
async function measure(api: PromptOpsApi, prompt: vscode.Uri, sampleFile: vscode.Uri, text: string): Promise<{ editorMs: number; coreMs: number }> {
  await vscode.workspace.fs.writeFile(prompt, new TextEncoder().encode(text));
  await vscode.workspace.fs.writeFile(sampleFile, new TextEncoder().encode(samples));
  const editor = await vscode.window.showTextDocument(prompt);
  await api.diagnostics.checkNow(prompt);
  const editorTimes: number[] = [];
  const coreTimes: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const line = editor.document.lineCount - 2;
    await editor.edit((edit) => edit.insert(new vscode.Position(line, 0), i % 2 === 0 ? 'x' : 'y'));
    let start = performance.now();
    await api.diagnostics.checkNow(prompt);
    const editorMs = performance.now() - start;
    start = performance.now();
    checkPrompt({ path: prompt.fsPath, text: editor.document.getText(), samples: { path: sampleFile.fsPath, text: samples }, partialExists: () => false });
    const coreMs = performance.now() - start;
    if (i >= 3) {
      editorTimes.push(editorMs);
      coreTimes.push(coreMs);
    }
  }
  return { editorMs: median(editorTimes), coreMs: median(coreTimes) };
}

export async function run(): Promise<void> {
  const api = await vscode.extensions.getExtension<PromptOpsApi>('promptops.promptops')?.activate();
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!api || !folder) throw new Error('PromptOps or the bench workspace is missing.');
  const dotprompt = await measure(api, vscode.Uri.joinPath(folder, 'large.prompt'), vscode.Uri.joinPath(folder, 'large.samples.yaml'), largePrompt().text);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const prompty = await measure(api, vscode.Uri.joinPath(folder, 'large-chat.prompty'), vscode.Uri.joinPath(folder, 'large-chat.samples.yaml'), largePrompty());
  const result = { ...dotprompt, promptyEditorMs: prompty.editorMs, promptyCoreMs: prompty.coreMs };
  console.log(`${testOutputTag}${benchResultPrefix}${JSON.stringify(result)}`);
}
