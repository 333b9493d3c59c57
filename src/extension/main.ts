import * as vscode from 'vscode';
import { previewCommand } from './commands/previewCommand';
import type { PromptOpsCommand } from './commands/promptOpsCommand';
import { versionCommands } from './commands/versionCommands';
import { DiagnosticsController } from './diagnostics/diagnosticsController';
import { registerLanguageFeatures } from './languageFeatures/registerLanguageFeatures';
import { PreviewManager } from './preview/previewManager';
import { PromptModels } from './promptModels';
import { GitStateWatcher } from './versions/gitStateWatcher';
import { PromptHistory, releasesFileSetting } from './versions/promptHistory';
import { ProductionQuickDiff } from './versions/productionQuickDiff';
import { VersionFileSystem } from './versions/versionFileSystem';
import { VersionsTree, type VersionsNode } from './versions/versionsTree';

/** What activate() returns: handles integration tests and other extensions may use. */
export interface PromptOpsApi {
  readonly versions: VersionsTree;
  readonly versionsView: vscode.TreeView<VersionsNode>;
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
  const versionsView = vscode.window.createTreeView('promptops.versions', { treeDataProvider: versions, showCollapseAll: true });
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
    versionsView,
    ...commands.map((command) => vscode.commands.registerCommand(command.id, command.run)),
  );
  registerLanguageFeatures(context, models, diagnostics);
  return { versions, versionsView, previews, diagnostics, quickDiff };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
