import * as vscode from 'vscode';
import { registerCommands } from '../commands/registerCommands';
import type { ReleaseFeatures } from '../releases/registerReleaseFeatures';
import type { VersionFeatures } from '../versions/registerVersionFeatures';
import { CanaryReports } from './canaryReports';
import { findVersionCommand } from './findVersionCommand';

export interface CanaryFeatures {
  readonly canaryReports: CanaryReports;
}

/** The Canary report and finding a version by its hash or commit (issue 14). */
export function registerCanaryFeatures(context: vscode.ExtensionContext, versions: VersionFeatures, releases: ReleaseFeatures): CanaryFeatures {
  const canaryReports = new CanaryReports(versions.commandEnvironment, releases.releaseState, context.extensionUri, versions.log);
  context.subscriptions.push(canaryReports);
  registerCommands(context, [canaryReports.command(), findVersionCommand(releases.releaseState)]);
  return { canaryReports };
}
