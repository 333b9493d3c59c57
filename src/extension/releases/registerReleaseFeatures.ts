import * as vscode from 'vscode';
import { registerCommands } from '../commands/registerCommands';
import type { VersionFeatures } from '../versions/registerVersionFeatures';
import { AuditLogDocuments } from './auditLogDocument';
import { ManifestDiagnostics } from './manifestDiagnostics';
import { releaseCommands } from './releaseCommands';
import { ReleasesTree, type ReleasesNode } from './releasesTree';
import { ReleaseState } from './releaseState';
import { LivePublishing } from './livePublishing';
import { ReleaseStatusBar } from './releaseStatusBar';

export interface ReleaseFeatures {
  readonly releaseState: ReleaseState;
  readonly releases: ReleasesTree;
  readonly releasesView: vscode.TreeView<ReleasesNode>;
  readonly statusBar: ReleaseStatusBar;
  readonly manifestDiagnostics: ManifestDiagnostics;
  readonly livePublishing: LivePublishing;
}

/** The Releases view, promote/rollback/canary/audit commands, the status bar item, manifest diagnostics (issue 6) and live publishing (issue 11). */
export function registerReleaseFeatures(context: vscode.ExtensionContext, versions: VersionFeatures): ReleaseFeatures {
  const releaseState = new ReleaseState();
  const releases = new ReleasesTree(releaseState);
  const releasesView = vscode.window.createTreeView('promptops.releases', { treeDataProvider: releases });
  const livePublishing = new LivePublishing(releaseState);
  const statusBar = new ReleaseStatusBar(versions.history, releaseState, livePublishing);
  const manifestDiagnostics = new ManifestDiagnostics(releaseState);
  context.subscriptions.push(releaseState, releases, releasesView, livePublishing, statusBar, manifestDiagnostics, new AuditLogDocuments(releaseState));
  registerCommands(context, releaseCommands(versions.history, releaseState, () => versions.versions.refresh(), livePublishing));
  return { releaseState, releases, releasesView, statusBar, manifestDiagnostics, livePublishing };
}
