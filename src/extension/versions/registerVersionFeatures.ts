import * as vscode from 'vscode';
import type { CommandEnvironment } from '../commands/commandArguments';
import { registerCommands } from '../commands/registerCommands';
import { UserQuestions } from '../commands/userQuestions';
import { versionCommands } from '../commands/versionCommands';
import { ViewSelection } from '../commands/viewSelection';
import type { PromptModels } from '../promptModels';
import type { PromptOpsLog } from '../promptOpsLog';
import { ProductionQuickDiff } from './productionQuickDiff';
import { PromptHistory } from './promptHistory';
import { versionCheckContexts } from './versionCheckContext';
import { VersionFileSystem } from './versionFileSystem';
import { VersionsTree, versionsNodeId, type VersionsNode } from './versionsTree';

export interface VersionFeatures {
  readonly history: PromptHistory;
  readonly versions: VersionsTree;
  readonly versionsView: vscode.TreeView<VersionsNode>;
  readonly quickDiff: ProductionQuickDiff;
  readonly versionFiles: VersionFileSystem;
  /** How commands ask the user; `onDidShow` tells what was asked. */
  readonly questions: UserQuestions;
  /** What the Versions and Releases views have selected, for commands run without an argument. */
  readonly selection: ViewSelection;
  /** The "PromptOps" log: every failure caught, with its cause. */
  readonly log: PromptOpsLog;
  /** What every command on prompts gets. */
  readonly commandEnvironment: CommandEnvironment;
}

/** The Versions view, version documents, compare/restore commands and the gutter diff (issue 5). */
export function registerVersionFeatures(context: vscode.ExtensionContext, models: PromptModels, log: PromptOpsLog): VersionFeatures {
  const history = new PromptHistory();
  const versions = new VersionsTree(history, log);
  const versionsView = vscode.window.createTreeView('promptops.versions', { treeDataProvider: versions, showCollapseAll: true });
  const quickDiff = new ProductionQuickDiff(history, log);
  const versionFiles = new VersionFileSystem(history, models.onDidChangeSamples);
  const questions = new UserQuestions(log);
  const selection = new ViewSelection();
  selection.track(versionsView, versionsNodeId);
  const commandEnvironment: CommandEnvironment = { history, questions, selection, promptFiles: () => versions.promptFiles() };
  context.subscriptions.push(versions, versionsView, quickDiff, versionFiles, questions, selection, models.useVersionContexts(versionCheckContexts(history), log));
  registerCommands(context, versionCommands(commandEnvironment, versions));
  return { history, versions, versionsView, quickDiff, versionFiles, questions, selection, log, commandEnvironment };
}
