import * as vscode from 'vscode';
import { PromptFilesTree } from './promptFilesTree';

/** What activate() returns: handles integration tests and other extensions may use. */
export interface PromptOpsApi {
  readonly promptFiles: PromptFilesTree;
}

export function activate(context: vscode.ExtensionContext): PromptOpsApi {
  const promptFiles = new PromptFilesTree();
  context.subscriptions.push(
    promptFiles,
    vscode.window.registerTreeDataProvider('promptops.versions', promptFiles),
    vscode.commands.registerCommand('promptops.refresh', () => promptFiles.refresh()),
  );
  return { promptFiles };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
