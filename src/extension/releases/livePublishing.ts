import * as fs from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as vscode from 'vscode';
import { failureSentence, isProgrammingError } from '../../core/document/errorDescription';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { FileSystemRefusal } from '../../node/fileSystemRefusal';
import { checkOutputFile } from '../../node/outputFile';
import { exportFlagdFlags, flagPublisher, publishReleasesLocked } from '../../node/releases/flagPublishing';
import type { ReleasePublisher } from '../../node/releases/releaseActions';
import type { ReleaseWorkspace } from '../../node/releases/releaseWorkspace';
import { readTextFile } from '../../node/textFiles';
import { displayText } from '../displayText';
import { flagsFileSetting, onDidChangeSettings } from '../settings';
import type { ReleaseState } from './releaseState';

/** What the editor knows about the published flags of a repository. */
export type LiveState =
  | { readonly kind: 'off' }
  | { readonly kind: 'in-sync'; readonly file: string; readonly publishedAt: Date }
  | { readonly kind: 'differs'; readonly file: string; readonly reason: string }
  | { readonly kind: 'unknown'; readonly file: string; readonly reason: string };


/**
 * Live delivery from the editor (DESIGN §10): when `promptops.publish.flagsFile` is set, every
 * promote, rollback and canary publishes the flagd flags right after the manifest write, and the
 * published file is compared with the manifest whenever either changes, with a warning when they
 * differ (a hand edit of the file, a pull that moved labels), since services serve what the file says.
 */
export class LivePublishing implements vscode.Disposable {
  private current: LiveState = { kind: 'off' };
  private readonly changed = new vscode.EventEmitter<LiveState>();
  /** Fires when the state changes, e.g. after a publish or a check. */
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private watched: { readonly file: string; readonly disposables: readonly vscode.Disposable[] } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();
  private warned: string | undefined;

  constructor(private readonly state: ReleaseState) {
    this.subscriptions.push(
      this.changed,
      state.onDidChange(() => this.schedule()),
      onDidChangeSettings(['publish.flagsFile'], () => this.schedule()),
    );
    this.schedule();
  }

  /** The state of the first repository's published flags (tests and the status bar read it). */
  get live(): LiveState {
    return this.current;
  }

  /** The flag file of a repository: the setting, relative to the workspace folder that holds the repository, or absolute. */
  flagsFileOf(workspace: ReleaseWorkspace): string | undefined {
    const setting = flagsFileSetting();
    if (setting === '') return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(workspace.repository.root))?.uri.fsPath ?? workspace.repository.root;
    return path.resolve(folder, setting);
  }

  /**
   * The publisher a release command passes to its move, or undefined when the setting is empty.
   * Checked before the command asks anything: the file must be writable and the manifest pass the gate.
   */
  async publisherFor(workspace: ReleaseWorkspace): Promise<ReleasePublisher | undefined> {
    const file = this.flagsFileOf(workspace);
    if (file === undefined) return undefined;
    try {
      return await flagPublisher(workspace, checkOutputFile(file, workspace.repository.root, { mkdir: false, what: 'the flags', manifestFile: workspace.manifestFile }));
    } catch (error) {
      if (error instanceof FileSystemRefusal) throw new ReleaseRefusal(`the flag file of the setting promptops.publish.flagsFile cannot be published: ${error.message}`);
      throw error;
    }
  }

  /** Publishes the flags now (the warning's *Publish Now*). */
  async publishNow(workspace: ReleaseWorkspace): Promise<void> {
    const file = this.flagsFileOf(workspace);
    if (file === undefined) return;
    await publishReleasesLocked(workspace, { flags: checkOutputFile(file, workspace.repository.root, { mkdir: false, what: 'the flags', manifestFile: workspace.manifestFile }) });
    this.state.invalidate();
  }

  /** Compares the published flags with the manifest; resolves once the newest check has finished. */
  async check(): Promise<LiveState> {
    const run = this.checking.then(() => this.compare());
    // The next check waits for this one; its failure is logged rather than passed on to it.
    this.checking = run.catch((error: unknown) => this.state.log.warning('The published flags could not be compared with the release manifest.', error));
    await run;
    return this.current;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.check(), 200);
  }

  private async compare(): Promise<void> {
    // Off costs nothing: no git, no repository scan.
    const [repository] = vscode.workspace.isTrusted && flagsFileSetting() !== '' ? await this.state.repositories() : [];
    const file = repository ? this.flagsFileOf(repository.workspace) : undefined;
    this.watch(file);
    if (!repository || file === undefined) return this.update({ kind: 'off' });
    if (!fs.existsSync(file)) return this.update({ kind: 'differs', file, reason: `${file} has not been published yet.` });
    const published = readTextFile(file);
    if (!published.ok) return this.update({ kind: 'differs', file, reason: published.problem });
    let expected: unknown;
    try {
      expected = (await exportFlagdFlags(repository.workspace)).flags;
    } catch (error) {
      return this.update({ kind: 'unknown', file, reason: error instanceof Error ? error.message : String(error) });
    }
    let actual: unknown;
    try {
      actual = JSON.parse(published.text);
    } catch {
      return this.update({ kind: 'differs', file, reason: `${file} is not JSON.` });
    }
    if (isDeepStrictEqual(actual, JSON.parse(JSON.stringify(expected)))) {
      // Whoever published it (this editor, the CLI, CI), the file's time is when it went live.
      return this.update({ kind: 'in-sync', file, publishedAt: fs.statSync(file).mtime });
    }
    this.update({ kind: 'differs', file, reason: `${file} does not say what ${repository.workspace.releasesFile} releases (edited by hand, or labels moved without publishing, e.g. by a pull).` });
  }

  private update(next: LiveState): void {
    this.current = next;
    this.changed.fire(next);
    if (next.kind !== 'differs') {
      this.warned = undefined;
      return;
    }
    // One warning per distinct difference, not one per refresh.
    if (this.warned === next.reason) return;
    this.warned = next.reason;
    void vscode.window.showWarningMessage(`Services read flags that differ from the release manifest: ${displayText(next.reason)}`, 'Publish Now').then(async (answer) => {
      if (answer !== 'Publish Now') return;
      const [repository] = await this.state.repositories();
      if (repository) await this.publishNow(repository.workspace).catch((error: unknown) => this.failed('publish', error));
    });
  }

  /** Logs a failed action with its cause and shows one sentence with "Show log"; a programming error is thrown on. */
  private failed(action: string, error: unknown): void {
    this.state.log.error(`PromptOps could not ${action}.`, error);
    if (isProgrammingError(error)) throw error;
    void vscode.window.showErrorMessage(`PromptOps could not ${action}: ${failureSentence(error)}`, 'Show log').then((chosen) => chosen && this.state.log.show());
  }

  /** Watches the flag file, so that a hand edit or another publisher is noticed; one file at a time. */
  private watch(file: string | undefined): void {
    if (this.watched?.file === file) return;
    for (const disposable of this.watched?.disposables ?? []) disposable.dispose();
    this.watched = undefined;
    if (file === undefined) return;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
    const recheck = (): void => this.schedule();
    this.watched = { file, disposables: [watcher, watcher.onDidChange(recheck), watcher.onDidCreate(recheck), watcher.onDidDelete(recheck)] };
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.watched?.disposables ?? []) disposable.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
