import * as vscode from 'vscode';
import { previewCommand } from './commands/previewCommand';
import type { PromptOpsCommand } from './commands/promptOpsCommand';
import { versionCommands } from './commands/versionCommands';
import { DiagnosticsController } from './diagnostics/diagnosticsController';
import { PreviewManager } from './preview/previewManager';
import { PromptModels } from './promptModels';
import { GitStateWatcher } from './versions/gitStateWatcher';
import { PromptHistory, releasesFileSetting } from './versions/promptHistory';
import { ProductionQuickDiff } from './versions/productionQuickDiff';
import { VersionFileSystem } from './versions/versionFileSystem';
import { VersionsTree } from './versions/versionsTree';

/** What activate() returns: handles integration tests and other extensions may use. */
export interface PromptOpsApi {
  readonly versions: VersionsTree;
  readonly previews: PreviewManager;
  readonly diagnostics: DiagnosticsController;
  readonly quickDiff: ProductionQuickDiff;
}

export function activate(context: vscode.ExtensionContext): PromptOpsApi {
  const models = new PromptModels();
  const history = new PromptHistory();
  const versions = new VersionsTree(history);
  const previews = new PreviewManager(context.extensionUri, models);
  const diagnostics = new DiagnosticsController(models);
  const quickDiff = new ProductionQuickDiff(history);
  const commands: PromptOpsCommand[] = [
    previewCommand(previews),
    ...versionCommands(history, versions),
    { id: 'promptops.refresh', run: () => versions.refresh() },
  ];
  context.subscriptions.push(
    models,
    versions,
    previews,
    diagnostics,
    quickDiff,
    new VersionFileSystem(history),
    new GitStateWatcher(releasesFileSetting(), () => versions.refresh()),
    vscode.window.registerTreeDataProvider('promptops.versions', versions),
    ...commands.map((command) => vscode.commands.registerCommand(command.id, command.run)),
  );
  return { versions, previews, diagnostics, quickDiff };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
