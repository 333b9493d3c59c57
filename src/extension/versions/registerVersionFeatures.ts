import * as vscode from 'vscode';
import { versionCommands } from '../commands/versionCommands';
import { registerCommands } from '../commands/registerCommands';
import type { PromptModels } from '../promptModels';
import { ProductionQuickDiff } from './productionQuickDiff';
import { PromptHistory } from './promptHistory';
import { versionCheckContexts } from './versionCheckContext';
import { VersionFileSystem } from './versionFileSystem';
import { VersionsTree, type VersionsNode } from './versionsTree';

export interface VersionFeatures {
  readonly history: PromptHistory;
  readonly versions: VersionsTree;
  readonly versionsView: vscode.TreeView<VersionsNode>;
  readonly quickDiff: ProductionQuickDiff;
  readonly versionFiles: VersionFileSystem;
}

/** The Versions view, version documents, compare/restore commands and the gutter diff (issue 5). */
export function registerVersionFeatures(context: vscode.ExtensionContext, models: PromptModels): VersionFeatures {
  const history = new PromptHistory();
  const versions = new VersionsTree(history);
  const versionsView = vscode.window.createTreeView('promptops.versions', { treeDataProvider: versions, showCollapseAll: true });
  const quickDiff = new ProductionQuickDiff(history);
  const versionFiles = new VersionFileSystem(history);
  context.subscriptions.push(versions, versionsView, quickDiff, versionFiles, models.useVersionContexts(versionCheckContexts(history)));
  registerCommands(context, versionCommands(history, versions));
  return { history, versions, versionsView, quickDiff, versionFiles };
}
