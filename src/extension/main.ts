import * as vscode from 'vscode';
import { registerCanaryFeatures, type CanaryFeatures } from './canary/registerCanaryFeatures';
import { registerCommands } from './commands/registerCommands';
import { PromptOpsLog } from './promptOpsLog';
import { registerAuthoringFeatures, type AuthoringFeatures } from './registerAuthoringFeatures';
import { registerRegistryFeatures, type RegistryFeatures } from './registry/registerRegistryFeatures';
import { registerReleaseFeatures, type ReleaseFeatures } from './releases/registerReleaseFeatures';
import { GitStateWatcher } from './versions/gitStateWatcher';
import { registerVersionFeatures, type VersionFeatures } from './versions/registerVersionFeatures';

/** What activate() returns: handles integration tests and other extensions may use. */
export type PromptOpsApi = AuthoringFeatures & VersionFeatures & ReleaseFeatures & RegistryFeatures & CanaryFeatures;

export function activate(context: vscode.ExtensionContext): PromptOpsApi {
  const log = new PromptOpsLog();
  context.subscriptions.push(log);
  const authoring = registerAuthoringFeatures(context, log);
  const versions = registerVersionFeatures(context, authoring.models, log);
  const releases = registerReleaseFeatures(context, versions);
  const registry = registerRegistryFeatures(context, versions);
  const canary = registerCanaryFeatures(context, versions, releases);
  const refresh = (): void => {
    // A commit can make a 7-character abbreviation ambiguous: abbreviations are learnt again.
    versions.history.shortShas.clear();
    versions.versions.refresh();
    releases.releaseState.invalidate();
    void registry.registryDrift.update();
  };
  context.subscriptions.push(new GitStateWatcher(refresh));
  registerCommands(context, [{ id: 'promptops.refresh', run: refresh }]);
  return { ...authoring, ...versions, ...releases, ...registry, ...canary };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
