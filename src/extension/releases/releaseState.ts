import * as vscode from 'vscode';
import { releaseEventsOf, type ReleaseEvent } from '../../core/releases/releaseManifest';
import { readManifestFile } from '../../node/releases/manifestFile';
import { readReleaseStatus, type ReleaseStatus } from '../../node/releases/releaseStatus';
import { openReleaseWorkspace, type ReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import type { PromptOpsLog } from '../promptOpsLog';
import { releasesFileSetting } from '../settings';
import type { ShortShas } from '../versions/shortShas';

/** One repository's release state as the views show it. */
export interface RepositoryReleases {
  readonly workspace: ReleaseWorkspace;
  readonly status: ReleaseStatus;
  /** Every audit event, oldest first. */
  readonly events: readonly ReleaseEvent[];
}

/**
 * Reads the release manifests of the workspace folders' repositories, once until something
 * changes (a release action, a commit, an edit of the manifest).
 */
export class ReleaseState implements vscode.Disposable {
  private state: Promise<RepositoryReleases[]> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires after invalidate(), so views re-read. */
  readonly onDidChange = this.changed.event;

  /** `shortShas` learns the abbreviation of every commit the manifest names, once per read; `log` keeps why a folder has no releases. */
  constructor(
    readonly shortShas: ShortShas,
    readonly log: PromptOpsLog,
  ) {}

  /** The release state of every repository among the workspace folders. */
  repositories(): Promise<RepositoryReleases[]> {
    this.state ??= this.read();
    return this.state;
  }

  /** The release state of the repository holding `file`, if any. */
  async repositoryOf(file: string): Promise<RepositoryReleases | undefined> {
    return (await this.repositories()).find(({ workspace }) => file.startsWith(`${workspace.repository.root}/`) || file === workspace.manifestFile);
  }

  invalidate(): void {
    this.state = undefined;
    this.changed.fire();
  }

  private async read(): Promise<RepositoryReleases[]> {
    const seen = new Set<string>();
    const found: RepositoryReleases[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (folder.uri.scheme !== 'file') continue;
      let workspace: ReleaseWorkspace;
      try {
        workspace = await openReleaseWorkspace(folder.uri.fsPath, { releasesFile: releasesFileSetting() });
      } catch (error) {
        this.log.warning(`No releases are read from ${folder.uri.fsPath}.`, error);
        continue; // Not a repository, or git is missing: nothing to release here.
      }
      if (seen.has(workspace.repository.root)) continue;
      seen.add(workspace.repository.root);
      const status = await readReleaseStatus(workspace);
      const events = releaseEventsOf(readManifestFile(workspace.manifestFile).parsed.manifest);
      const released = status.prompts.flatMap((prompt) => prompt.labels.flatMap(({ target, canary }) => [target.commit, ...(canary ? [canary.commit] : [])]));
      await this.shortShas.learn(workspace.repository, [...released, ...events.flatMap((event) => [event.to, ...(event.from === null ? [] : [event.from])])]);
      found.push({ workspace, status, events });
    }
    return found;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
