import * as vscode from 'vscode';
import { openRegistryWorkspace } from '../../node/registries/registryWorkspace';
import { registryVersionText } from '../../node/registries/registryVersionText';
import { registerCommands } from '../commands/registerCommands';
import { releasesFileSetting } from '../settings';
import type { VersionFeatures } from '../versions/registerVersionFeatures';
import { RegistryConnection } from './registryConnection';
import { registryCommands } from './registryCommands';
import { RegistryDriftDecorations } from './registryDriftDecorations';
import { RegistryStatusBar } from './registryStatusBar';
import { RegistryTree, type RegistryNode } from './registryTree';
import { parseRegistryVersionUri } from './registryUris';

export interface RegistryFeatures {
  readonly registryConnection: RegistryConnection;
  readonly registry: RegistryTree;
  readonly registryView: vscode.TreeView<RegistryNode>;
  readonly registryDrift: RegistryDriftDecorations;
  readonly registryStatusBar: RegistryStatusBar;
}

/** The Registry view, sign-in, registry version documents, push/pull/promote/rollback/compare, drift badges and the status bar item (issue 12). */
export function registerRegistryFeatures(context: vscode.ExtensionContext, versions: VersionFeatures): RegistryFeatures {
  const registryConnection = new RegistryConnection(context.secrets, versions.log);
  const registry = new RegistryTree(registryConnection, versions.log);
  const registryView = vscode.window.createTreeView('promptops.registry', { treeDataProvider: registry, showCollapseAll: true });
  const registryDrift = new RegistryDriftDecorations(registryConnection, versions.log);
  const registryStatusBar = new RegistryStatusBar(registryConnection);
  const versionDocuments = versions.versionFiles.addReader((uri) => {
    const reference = parseRegistryVersionUri(uri);
    if (!reference) return undefined;
    return (async () => {
      const client = await registryConnection.registry();
      if (!client) throw vscode.FileSystemError.Unavailable(`Sign in to Langfuse to read ${reference.name} v${reference.version}.`);
      const version = await client.getVersion(reference.name, { version: reference.version });
      const folder = vscode.workspace.workspaceFolders?.[0];
      const workspace = folder ? await openRegistryWorkspace(folder.uri.fsPath, { releasesFile: releasesFileSetting() }) : undefined;
      return new TextEncoder().encode((await registryVersionText(version, workspace?.repository)).text);
    })();
  });
  context.subscriptions.push(registryConnection, registry, registryView, registryDrift, registryStatusBar, versionDocuments);
  registerCommands(context, registryCommands(registryConnection, registry, registryDrift, versions.log));
  // Off the activation path: find out whether a registry is configured and reachable, then compute drift badges.
  const connect = setTimeout(() => void registryConnection.test().then((state) => (state.kind === 'connected' ? registryDrift.update() : undefined)), 0);
  context.subscriptions.push(new vscode.Disposable(() => clearTimeout(connect)));
  return { registryConnection, registry, registryView, registryDrift, registryStatusBar };
}
