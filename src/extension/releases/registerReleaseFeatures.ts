import * as vscode from 'vscode';
import { registerCommands } from '../commands/registerCommands';
import type { VersionFeatures } from '../versions/registerVersionFeatures';
import { AuditLogViews } from './auditLogView';
import { ManifestDiagnostics } from './manifestDiagnostics';
import { releaseCommands } from './releaseCommands';
import { ReleasesTree, releasesNodeId, type ReleasesNode } from './releasesTree';
import { ReleaseState } from './releaseState';
import { LivePublishing } from './livePublishing';
import { ReleaseStatusBar } from './releaseStatusBar';

export interface ReleaseFeatures {
  readonly releaseState: ReleaseState;
  readonly releases: ReleasesTree;
  readonly releasesView: vscode.TreeView<ReleasesNode>;
  readonly statusBar: ReleaseStatusBar;
  readonly manifestDiagnostics: ManifestDiagnostics;
  readonly auditLogs: AuditLogViews;
  readonly livePublishing: LivePublishing;
}

/** The Releases view, promote/rollback/canary/audit commands, the status bar item, manifest diagnostics (issue 6) and live publishing (issue 11). */
export function registerReleaseFeatures(context: vscode.ExtensionContext, versions: VersionFeatures): ReleaseFeatures {
  const shortShas = versions.history.shortShas;
  const releaseState = new ReleaseState(shortShas, versions.log);
  const releases = new ReleasesTree(releaseState, shortShas);
  const releasesView = vscode.window.createTreeView('promptops.releases', { treeDataProvider: releases });
  versions.selection.track(releasesView, releasesNodeId);
  const livePublishing = new LivePublishing(releaseState);
  const statusBar = new ReleaseStatusBar(versions.history, releaseState, livePublishing);
  const manifestDiagnostics = new ManifestDiagnostics(releaseState);
  const auditLogs = new AuditLogViews(releaseState, shortShas, context.extensionUri, versions.log);
  context.subscriptions.push(releaseState, releases, releasesView, livePublishing, statusBar, manifestDiagnostics, auditLogs);
  registerCommands(context, releaseCommands(versions.commandEnvironment, releaseState, auditLogs, () => versions.versions.refresh(), livePublishing));
  return { releaseState, releases, releasesView, statusBar, manifestDiagnostics, auditLogs, livePublishing };
}
