import * as path from 'node:path';
import * as vscode from 'vscode';
import { promptFileGlob } from '../../core/formats/promptFileKind';
import { createdFromText } from '../../core/versions/promptVersion';
import { relativeTime } from '../../core/versions/relativeTime';
import type { FileVersion } from '../../node/git/fileHistory';
import { FileHistoryCursor } from '../../node/git/fileHistoryCursor';
import { GitError } from '../../node/git/gitError';
import { workingCopyDiffersFromHead } from '../../node/git/workingCopyStatus';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { displayText, markdownText } from '../displayText';
import type { PromptOpsLog } from '../promptOpsLog';
import type { PromptHistory } from './promptHistory';

/** A node of the Versions view. Version nodes carry their release labels (badges). */
export type VersionsNode =
  | { readonly kind: 'folder'; readonly uri: vscode.Uri; readonly label: string }
  | { readonly kind: 'prompt'; readonly uri: vscode.Uri }
  | { readonly kind: 'uncommitted'; readonly uri: vscode.Uri }
  | {
      readonly kind: 'version';
      readonly uri: vscode.Uri;
      readonly version: FileVersion;
      readonly labels: readonly string[];
      /** The canaries serving this version: the label each splits and its share of that label's traffic. */
      readonly canaries?: readonly { readonly label: string; readonly weight: number }[];
    }
  | { readonly kind: 'loadMore'; readonly uri: vscode.Uri; readonly loaded: number }
  | { readonly kind: 'message'; readonly uri?: vscode.Uri; readonly text: string; readonly icon: string; readonly tooltip?: string };

/** The versions of one prompt loaded so far, and the walk of its history that the next page continues. */
interface LoadedHistory {
  readonly versions: readonly FileVersion[];
  readonly hasMore: boolean;
  readonly truncated: boolean;
  readonly cursor: FileHistoryCursor;
}

export const pageSize = 50;
const excluded = '**/{node_modules,.git,.vscode-test,out,dist}/**';

/**
 * The Versions view: prompt files by folder, each expanding to its Git versions newest first, in
 * pages, with label badges and an "Uncommitted changes" node on top when the working copy differs.
 */
export class VersionsTree implements vscode.TreeDataProvider<VersionsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<VersionsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private files: Promise<vscode.Uri[]> | undefined;
  private readonly histories = new Map<string, Promise<LoadedHistory>>();
  /** How many versions the user asked to see per prompt ("Load more"), kept across refreshes. */
  private readonly wanted = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly history: PromptHistory,
    private readonly log: PromptOpsLog,
  ) {
    const promptWatcher = vscode.workspace.createFileSystemWatcher(promptFileGlob, false, true, false);
    this.subscriptions.push(promptWatcher, promptWatcher.onDidCreate(() => this.refresh()), promptWatcher.onDidDelete(() => this.refresh()), this.changed);
  }

  /** Reloads everything: file list, histories, labels. */
  refresh(): void {
    this.files = undefined;
    this.closeHistories();
    this.history.clear();
    this.changed.fire(undefined);
  }

  /** The prompt files currently listed, sorted by path. */
  async promptFiles(): Promise<vscode.Uri[]> {
    this.files ??= Promise.resolve(vscode.workspace.findFiles(promptFileGlob, excluded)).then((uris) => uris.sort((a, b) => a.path.localeCompare(b.path)));
    return this.files;
  }

  async getChildren(node?: VersionsNode): Promise<VersionsNode[]> {
    if (!vscode.workspace.isTrusted && node === undefined) {
      return [{ kind: 'message', text: 'Versions come from Git, which PromptOps runs only in trusted workspaces.', icon: 'shield', tooltip: 'Trust this workspace (Manage Workspace Trust) to see prompt versions.' }];
    }
    if (!node) return this.folders();
    if (node.kind === 'folder') {
      const files = await this.promptFiles();
      return files.filter((file) => path.dirname(file.fsPath) === node.uri.fsPath).map((uri) => ({ kind: 'prompt', uri }));
    }
    if (node.kind === 'prompt') return this.versionsOf(node.uri);
    return [];
  }

  private async folders(): Promise<VersionsNode[]> {
    const files = await this.promptFiles();
    const folders = new Map<string, vscode.Uri>();
    for (const file of files) folders.set(path.dirname(file.fsPath), vscode.Uri.file(path.dirname(file.fsPath)));
    return [...folders.values()].map((uri) => ({ kind: 'folder', uri, label: vscode.workspace.asRelativePath(uri, false) || '.' }));
  }

  /** Loads the next page of a prompt's history (the "Load more" node), continuing the walk where the last page stopped. */
  async loadMore(uri: vscode.Uri): Promise<void> {
    const key = uri.fsPath;
    const previous = this.histories.get(key);
    if (!previous) {
      // A refresh (a commit, a checkout) dropped the loaded pages: the next read loads one page more than was shown.
      this.wanted.set(key, (this.wanted.get(key) ?? pageSize) + pageSize);
      this.changed.fire({ kind: 'prompt', uri });
      return;
    }
    // Chained on the page before, synchronously, so clicks in quick succession each load one more page.
    const next = previous.then((loaded) =>
      !loaded.hasMore
        ? loaded
        : this.withProgress(async () => {
            this.wanted.set(key, loaded.versions.length + pageSize);
            const file = await this.history.file(uri.fsPath);
            const page = await this.history.nextPage(file, loaded.cursor, pageSize);
            return { versions: [...loaded.versions, ...page.versions], hasMore: page.hasMore, truncated: page.truncated, cursor: loaded.cursor };
          }),
    );
    this.forgetOnFailure(key, next);
    this.histories.set(key, next);
    this.changed.fire({ kind: 'prompt', uri });
  }

  /** A history that failed to load is read afresh next time. */
  private forgetOnFailure(key: string, loading: Promise<LoadedHistory>): void {
    loading.catch(() => {
      if (this.histories.get(key) === loading) this.histories.delete(key);
    });
  }

  /** Ends the git walks behind the loaded histories and forgets them. */
  private closeHistories(): void {
    for (const loading of this.histories.values()) void loading.then((loaded) => loaded.cursor.close(), () => undefined);
    this.histories.clear();
  }

  private withProgress<T>(task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: 'promptops.versions' } }, task));
  }

  private async versionsOf(uri: vscode.Uri): Promise<VersionsNode[]> {
    let file: PromptFileInRepository;
    try {
      file = await this.history.file(uri.fsPath);
    } catch (error) {
      this.log.warning(`The Versions view cannot list ${uri.fsPath}.`, error);
      return [{ kind: 'message', uri, text: error instanceof Error ? error.message : String(error), icon: 'info' }];
    }
    const key = uri.fsPath;
    let loading = this.histories.get(key);
    if (!loading) {
      loading = this.withProgress(async () => {
        const cursor = new FileHistoryCursor(file.repository, file.path);
        const page = await this.history.nextPage(file, cursor, this.wanted.get(key) ?? pageSize);
        return { versions: page.versions, hasMore: page.hasMore, truncated: page.truncated, cursor };
      });
      this.forgetOnFailure(key, loading);
      this.histories.set(key, loading);
    }
    let loaded: LoadedHistory;
    let differs: boolean;
    try {
      [loaded, differs] = await Promise.all([loading, workingCopyDiffersFromHead(file.repository, file.path)]);
    } catch (error) {
      this.log.warning(`The Versions view cannot read the history of ${uri.fsPath}.`, error);
      const text = error instanceof GitError || error instanceof Error ? error.message : String(error);
      return [{ kind: 'message', uri, text, icon: 'error' }];
    }
    const labels = file.labels.ok ? file.labels.labels : new Map<string, { commit: string }>();
    const canaries = file.labels.ok ? file.labels.canaries : new Map<string, { commit: string; weight: number }>();
    const nodes: VersionsNode[] = [];
    if (differs) nodes.push({ kind: 'uncommitted', uri });
    for (const version of loaded.versions) {
      const pointing = [...labels].filter(([, target]) => target.commit === version.id).map(([label]) => label).sort();
      const splitting = [...canaries].filter(([, canary]) => canary.commit === version.id).map(([label, canary]) => ({ label, weight: canary.weight })).sort((a, b) => a.label.localeCompare(b.label));
      nodes.push({ kind: 'version', uri, version, labels: pointing, ...(splitting.length > 0 ? { canaries: splitting } : {}) });
    }
    if (loaded.versions.length === 0 && !differs) nodes.push({ kind: 'message', uri, text: 'Not committed yet', icon: 'info' });
    if (loaded.hasMore) nodes.push({ kind: 'loadMore', uri, loaded: loaded.versions.length });
    if (loaded.truncated) nodes.push({ kind: 'message', uri, text: 'Older history is cut off (shallow clone)', icon: 'warning', tooltip: 'Run git fetch --unshallow to see every version.' });
    if (!file.labels.ok) nodes.push({ kind: 'message', uri, text: `Labels unavailable: ${file.labels.problem}`, icon: 'warning' });
    return nodes;
  }

  /** The parent of a node, so the view can reveal a prompt or a version. */
  getParent(node: VersionsNode): VersionsNode | undefined {
    if (node.kind === 'folder' || (node.kind === 'message' && !node.uri)) return undefined;
    if (node.kind === 'prompt') {
      const folder = vscode.Uri.file(path.dirname(node.uri.fsPath));
      return { kind: 'folder', uri: folder, label: vscode.workspace.asRelativePath(folder, false) || '.' };
    }
    return node.uri ? { kind: 'prompt', uri: node.uri } : undefined;
  }

  getTreeItem(node: VersionsNode): vscode.TreeItem {
    const item = this.itemOf(node);
    // Stable ids let the view keep expansion and selection across refreshes and reveal new node objects.
    item.id = versionsNodeId(node);
    return item;
  }

  private itemOf(node: VersionsNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.resourceUri = node.uri;
        return item;
      }
      case 'prompt': {
        const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = vscode.ThemeIcon.File;
        item.contextValue = 'promptFile';
        item.tooltip = vscode.workspace.asRelativePath(node.uri);
        return item;
      }
      case 'uncommitted': {
        const item = new vscode.TreeItem('Uncommitted changes', vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('git-commit', new vscode.ThemeColor('gitDecoration.modifiedResourceForeground'));
        item.description = 'working tree';
        item.contextValue = 'promptUncommitted';
        item.command = { command: 'promptops.compareVersions', title: 'Compare', arguments: [node.uri, 'latest', 'WORKING'] };
        return item;
      }
      case 'version':
        return versionItem(node, this.history.shortShas.of);
      case 'loadMore': {
        const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'promptops.loadMoreVersions', title: 'Load more', arguments: [node.uri] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        if (node.tooltip) item.tooltip = node.tooltip;
        return item;
      }
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.closeHistories();
  }
}

/** A node's stable id: its tree item's id, and what the view selection compares across refreshes. */
export function versionsNodeId(node: VersionsNode): string {
  switch (node.kind) {
    case 'version':
      return `version:${node.uri.fsPath}:${node.version.id}`;
    case 'message':
      return `message:${node.uri?.fsPath ?? ''}:${node.text}`;
    case 'loadMore':
      return `loadMore:${node.uri.fsPath}`;
    default:
      return `${node.kind}:${node.uri.fsPath}`;
  }
}

function versionItem(node: Extract<VersionsNode, { kind: 'version' }>, short: (commit: string) => string): vscode.TreeItem {
  const { version, labels, uri } = node;
  const canaries = node.canaries ?? [];
  const item = new vscode.TreeItem(displayText(version.subject) || '(no subject)', vscode.TreeItemCollapsibleState.None);
  const when = relativeTime(new Date(version.date), new Date());
  const badges = [...labels.map((label) => `⟨${label}⟩`), ...canaries.map((canary) => `⟨${canary.label} canary ${canary.weight}%⟩`)].join(' ');
  item.description = `${badges ? `${badges} ` : ''}${short(version.id)} · ${when} · ${displayText(version.authorName)}${version.copiedFrom ? ` · ${createdFromText(version.copiedFrom, short)}` : ''}`;
  item.iconPath = new vscode.ThemeIcon(labels.length > 0 ? 'tag' : canaries.length > 0 ? 'git-compare' : 'git-commit');
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${markdownText(version.subject)}**\n\n`);
  tooltip.appendMarkdown(`$(git-commit) \`${version.id}\`  \n$(person) ${markdownText(version.authorName)} <${markdownText(version.authorEmail)}>  \n$(calendar) ${version.date} (${when})  \n`);
  tooltip.appendMarkdown(`$(file) ${markdownText(version.path)}  \nsha256 \`${version.sha256}\``);
  if (version.copiedFrom) tooltip.appendMarkdown(`  \n$(copy) ${markdownText(createdFromText(version.copiedFrom, short))}`);
  if (labels.length > 0) tooltip.appendMarkdown(`  \n$(tag) ${labels.map(markdownText).join(', ')}`);
  for (const canary of canaries) tooltip.appendMarkdown(`  \n$(git-compare) canary of ${markdownText(canary.label)}: ${canary.weight}% of its traffic`);
  item.tooltip = tooltip;
  item.contextValue = labels.length > 0 || canaries.length > 0 ? 'promptVersion.labelled' : 'promptVersion';
  item.command = { command: 'promptops.openVersion', title: 'Open Version', arguments: [uri, version.id] };
  return item;
}
