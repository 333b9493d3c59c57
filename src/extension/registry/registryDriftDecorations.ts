import * as vscode from 'vscode';
import type { PromptOpsLog } from '../promptOpsLog';
import { driftText, type DriftState } from '../../core/registry/registryDrift';
import { defaultLabel } from '../../core/releases/releaseManifest';
import { readRegistryDrift, type LabelDrift } from '../../node/registries/registryDriftStatus';
import { localPromptFile, openRegistryWorkspace } from '../../node/registries/registryWorkspace';
import { releasesFileSetting } from '../settings';
import type { RegistryConnection } from './registryConnection';
import { registryPromptScheme, registryPromptUri } from './registryUris';

const badges: Record<Exclude<DriftState, 'in-sync'>, { badge: string; color: string }> = {
  'git-ahead': { badge: 'G', color: 'charts.yellow' },
  'registry-ahead': { badge: 'R', color: 'charts.orange' },
  'unknown-origin': { badge: '?', color: 'charts.red' },
};

/**
 * Drift badges (DESIGN §8): on local prompt files and on the Registry view's prompts, when what
 * `production` serves in Langfuse differs from what the release manifest releases; the tooltip says how.
 */
export class RegistryDriftDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private byId = new Map<string, LabelDrift>();
  private byFile = new Map<string, string>();
  private readonly registration: vscode.Disposable;
  private updating: Promise<void> | undefined;

  constructor(
    private readonly connection: RegistryConnection,
    private readonly log: PromptOpsLog,
  ) {
    this.registration = vscode.window.registerFileDecorationProvider(this);
  }

  /** The production drift of a prompt id, once computed (tests read it). */
  driftOf(promptId: string): LabelDrift | undefined {
    return this.byId.get(promptId);
  }

  /** Recomputes drift for every prompt of the manifest; failures leave no badges (the view shows the error). */
  update(): Promise<void> {
    this.updating = this.compute();
    return this.updating;
  }

  private async compute(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const registry = vscode.workspace.isTrusted ? await this.connection.registry() : undefined;
    const byId = new Map<string, LabelDrift>();
    const byFile = new Map<string, string>();
    if (folder && registry) {
      try {
        const workspace = await openRegistryWorkspace(folder.uri.fsPath, { releasesFile: releasesFileSetting() });
        if (workspace.repository) {
          for (const prompt of await readRegistryDrift(workspace, registry)) {
            const production = prompt.labels.find((drift) => drift.label === defaultLabel);
            if (!production) continue;
            byId.set(prompt.id, production);
            const file = localPromptFile(workspace, prompt.id);
            if (file) byFile.set(vscode.Uri.file(file).fsPath, prompt.id);
          }
        }
      } catch (error) {
        // No manifest, an invalid one, or the registry failing: no badges rather than wrong ones.
        this.log.warning(`Registry drift badges are not shown for ${folder.uri.fsPath}.`, error);
      }
    }
    const touched = [...this.byFile.keys(), ...byFile.keys()].map((file) => vscode.Uri.file(file));
    const prompts = [...this.byId.keys(), ...byId.keys()].map(registryPromptUri);
    this.byId = byId;
    this.byFile = byFile;
    this.changed.fire([...touched, ...prompts]);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    const id = uri.scheme === registryPromptScheme ? uri.path.slice(1) : uri.scheme === 'file' ? this.byFile.get(uri.fsPath) : undefined;
    const drift = id === undefined ? undefined : this.byId.get(id);
    if (!drift || drift.state === 'in-sync') return undefined;
    const { badge, color } = badges[drift.state];
    return new vscode.FileDecoration(badge, `${defaultLabel}: ${driftText(drift.state)} of Langfuse (promptops status --source langfuse)`, new vscode.ThemeColor(color));
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
