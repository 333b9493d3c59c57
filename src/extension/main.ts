import * as vscode from 'vscode';
import { previewCommand } from './commands/previewCommand';
import type { PromptOpsCommand } from './commands/promptOpsCommand';
import { DiagnosticsController } from './diagnostics/diagnosticsController';
import { PreviewManager } from './preview/previewManager';
import { PromptFilesTree } from './promptFilesTree';
import { PromptModels } from './promptModels';

/** What activate() returns: handles integration tests and other extensions may use. */
export interface PromptOpsApi {
  readonly promptFiles: PromptFilesTree;
  readonly previews: PreviewManager;
  readonly diagnostics: DiagnosticsController;
}

export function activate(context: vscode.ExtensionContext): PromptOpsApi {
  const models = new PromptModels();
  const promptFiles = new PromptFilesTree();
  const previews = new PreviewManager(context.extensionUri, models);
  const diagnostics = new DiagnosticsController(models);
  const commands: PromptOpsCommand[] = [
    previewCommand(previews),
    { id: 'promptops.refresh', run: () => promptFiles.refresh() },
  ];
  context.subscriptions.push(
    models,
    promptFiles,
    previews,
    diagnostics,
    vscode.window.registerTreeDataProvider('promptops.versions', promptFiles),
    ...commands.map((command) => vscode.commands.registerCommand(command.id, command.run)),
  );
  return { promptFiles, previews, diagnostics };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
