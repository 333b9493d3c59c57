import * as vscode from 'vscode';
import { escapeControlCharacters } from '../../core/document/controlCharacters';
import type { RegistryPromptSummary, RegistryPromptVersion } from '../../core/registry/promptRegistry';
import { newestFirst, readVersions } from '../../core/registry/registryListing';
import { provenanceOf } from '../../core/registry/registryProvenance';
import { relativeTime } from '../../core/versions/relativeTime';
import { abbreviateCommits } from '../../node/git/commitAbbreviations';
import { openRepository } from '../../node/git/gitRepository';
import type { PromptOpsLog } from '../promptOpsLog';
import type { ConnectionState, RegistryConnection } from './registryConnection';
import { registryPromptUri } from './registryUris';

/** A node of the Registry view: connection → folders → prompts → versions (newest first, with label badges). */
export type RegistryNode =
  | { readonly kind: 'connection'; readonly state: ConnectionState }
  | { readonly kind: 'folder'; readonly path: string }
  | { readonly kind: 'prompt'; readonly summary: RegistryPromptSummary }
  | { readonly kind: 'version'; readonly name: string; readonly version: RegistryPromptVersion }
  | { readonly kind: 'loadMorePrompts' }
  | { readonly kind: 'loadMoreVersions'; readonly name: string }
  | { readonly kind: 'message'; readonly text: string; readonly icon: string; readonly tooltip?: string; readonly command?: vscode.Command };

/** Prompts per page of the list (one request), and versions read per "Load more…" of a prompt. */
export const promptPageSize = 50;
export const versionPageSize = 20;

interface LoadedPrompts {
  readonly prompts: RegistryPromptSummary[];
  nextPage: number;
  totalPages: number;
}

interface LoadedVersions {
  readonly versions: RegistryPromptVersion[];
  readonly all: readonly number[];
}

function parentOf(name: string): string {
  const slash = name.lastIndexOf('/');
  return slash < 0 ? '' : name.slice(0, slash);
}

/**
 * The Registry view: the connection, then the registry's prompts by folder, a page of 50 at a time
 * ("Load more…"), each expanding to its versions newest first, 20 at a time, with label badges.
 * Everything is read afresh on refresh: the registry has no cache in PromptOps.
 */
export class RegistryTree implements vscode.TreeDataProvider<RegistryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<RegistryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private prompts: Promise<LoadedPrompts> | undefined;
  private readonly versions = new Map<string, Promise<LoadedVersions>>();
  /** Git's abbreviations of the provenance commits listed so far, asked of the workspace's repository; a commit git was not asked about is shown whole. */
  private readonly commitAbbreviations = new Map<string, string>();
  private abbreviationsLogged = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  /** `log` keeps why a listing failed (the view shows its one sentence); registry errors never carry the keys. */
  constructor(
    private readonly connection: RegistryConnection,
    private readonly log: PromptOpsLog,
  ) {
    this.subscriptions.push(this.changed, connection.onDidChange(() => this.changed.fire(undefined)));
  }

  /** Reloads prompts and versions (after a push, a label move, or on request). */
  refresh(): void {
    this.prompts = undefined;
    this.versions.clear();
    this.changed.fire(undefined);
  }

  /** The prompt summaries loaded so far (tests and drift badges read them). */
  async loadedPrompts(): Promise<readonly RegistryPromptSummary[]> {
    return (await this.prompts)?.prompts ?? [];
  }

  async getChildren(node?: RegistryNode): Promise<RegistryNode[]> {
    if (!node) return this.roots();
    if (node.kind === 'connection') return this.childrenOfFolder('');
    if (node.kind === 'folder') return this.childrenOfFolder(node.path);
    if (node.kind === 'prompt') return this.versionsOf(node.summary.name);
    return [];
  }

  private async roots(): Promise<RegistryNode[]> {
    if (!vscode.workspace.isTrusted) {
      return [{ kind: 'message', text: 'Registry access is off in untrusted workspaces.', icon: 'shield', tooltip: 'PromptOps would send prompts and API keys over the network. Trust this workspace (Manage Workspace Trust) to browse Langfuse.' }];
    }
    const registry = await this.connection.registry();
    const state = this.connection.state;
    if (!registry) {
      const reason = state.kind === 'signedOut' ? state.reason : 'Not signed in.';
      return [
        { kind: 'message', text: reason, icon: 'info' },
        { kind: 'message', text: 'Sign in to Langfuse…', icon: 'sign-in', command: { command: 'promptops.registry.signIn', title: 'Sign In' } },
      ];
    }
    return [{ kind: 'connection', state }];
  }

  private loadPrompts(): Promise<LoadedPrompts> {
    this.prompts ??= this.withProgress(async () => {
      const loaded: LoadedPrompts = { prompts: [], nextPage: 1, totalPages: 1 };
      await this.loadPage(loaded);
      return loaded;
    });
    const loading = this.prompts;
    loading.catch((error: unknown) => {
      if (this.prompts === loading) this.prompts = undefined;
      this.log.warning('The Registry view could not list the prompts.', error);
    });
    return loading;
  }

  private async loadPage(loaded: LoadedPrompts): Promise<void> {
    const registry = await this.connection.registry();
    if (!registry) return;
    const page = await registry.listPrompts(loaded.nextPage, promptPageSize);
    loaded.prompts.push(...page.prompts);
    loaded.nextPage = page.page + 1;
    loaded.totalPages = page.totalPages;
  }

  /** Loads the next page of prompts ("Load more…" at the end of the list). */
  async loadMorePrompts(): Promise<void> {
    const loaded = await this.loadPrompts();
    if (loaded.nextPage > loaded.totalPages) return;
    const next = this.withProgress(async () => {
      await this.loadPage(loaded);
      return loaded;
    });
    this.prompts = next;
    await next;
    this.changed.fire(undefined);
  }

  private async childrenOfFolder(folder: string): Promise<RegistryNode[]> {
    let loaded: LoadedPrompts;
    try {
      loaded = await this.loadPrompts();
    } catch (error) {
      return [{ kind: 'message', text: error instanceof Error ? error.message : String(error), icon: 'error' }];
    }
    const prefix = folder === '' ? '' : `${folder}/`;
    const folders = new Set<string>();
    const prompts: RegistryNode[] = [];
    for (const summary of loaded.prompts) {
      if (!summary.name.startsWith(prefix)) continue;
      const rest = summary.name.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash >= 0) folders.add(`${prefix}${rest.slice(0, slash)}`);
      else prompts.push({ kind: 'prompt', summary });
    }
    const nodes: RegistryNode[] = [...[...folders].sort().map((path): RegistryNode => ({ kind: 'folder', path })), ...prompts];
    if (folder === '' && loaded.nextPage <= loaded.totalPages) nodes.push({ kind: 'loadMorePrompts' });
    if (folder === '' && loaded.prompts.length === 0) nodes.push({ kind: 'message', text: 'No prompts in this Langfuse project yet.', icon: 'info' });
    return nodes;
  }

  private async versionsOf(name: string): Promise<RegistryNode[]> {
    let loading = this.versions.get(name);
    if (!loading) {
      const summary = (await this.loadPrompts()).prompts.find((prompt) => prompt.name === name);
      const all = summary ? newestFirst(summary) : [];
      loading = this.readPage(name, all, []);
      this.versions.set(name, loading);
      loading.catch((error: unknown) => {
        this.versions.delete(name);
        this.log.warning(`The Registry view could not list the versions of ${name}.`, error);
      });
    }
    try {
      const loaded = await loading;
      const nodes: RegistryNode[] = loaded.versions.map((version) => ({ kind: 'version', name, version }));
      if (loaded.versions.length < loaded.all.length) nodes.push({ kind: 'loadMoreVersions', name });
      return nodes;
    } catch (error) {
      return [{ kind: 'message', text: error instanceof Error ? error.message : String(error), icon: 'error' }];
    }
  }

  private readPage(name: string, all: readonly number[], before: readonly RegistryPromptVersion[]): Promise<LoadedVersions> {
    return this.withProgress(async () => {
      const registry = await this.connection.registry();
      if (!registry) return { versions: [...before], all };
      const page = await readVersions(registry, name, all.slice(before.length, before.length + versionPageSize));
      await this.learnAbbreviations(page);
      return { versions: [...before, ...page], all };
    });
  }

  /** Asks git, in one call, how the workspace's repository abbreviates the commits these versions were pushed from. */
  private async learnAbbreviations(versions: readonly RegistryPromptVersion[]): Promise<void> {
    const commits = versions.flatMap((version) => {
      const commit = provenanceOf(version.config)?.commit;
      return commit !== undefined && !this.commitAbbreviations.has(commit) ? [commit] : [];
    });
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (commits.length === 0 || !folder) return;
    try {
      const repository = await openRepository(folder.uri.fsPath);
      for (const [commit, short] of await abbreviateCommits(repository, commits)) this.commitAbbreviations.set(commit, short);
    } catch (error) {
      // Outside a repository (or without git) the tooltips name whole commits; said once, not per page.
      if (!this.abbreviationsLogged) this.log.warning('The Registry view could not ask git how to abbreviate commits, so version tooltips name them in full.', error);
      this.abbreviationsLogged = true;
    }
  }

  /** Reads the next versions of a prompt ("Load more…" under it). */
  async loadMoreVersions(name: string): Promise<void> {
    const loaded = await this.versions.get(name);
    if (!loaded || loaded.versions.length >= loaded.all.length) return;
    const next = this.readPage(name, loaded.all, loaded.versions);
    this.versions.set(name, next);
    await next;
    this.changed.fire(undefined);
  }

  private withProgress<T>(task: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: 'promptops.registry' } }, task));
  }

  getParent(node: RegistryNode): RegistryNode | undefined {
    if (node.kind === 'folder' || node.kind === 'prompt') {
      const parent = node.kind === 'folder' ? parentOf(node.path) : parentOf(node.summary.name);
      return parent === '' ? { kind: 'connection', state: this.connection.state } : { kind: 'folder', path: parent };
    }
    return undefined;
  }

  getTreeItem(node: RegistryNode): vscode.TreeItem {
    const item = this.itemOf(node);
    item.id = nodeId(node);
    return item;
  }

  private itemOf(node: RegistryNode): vscode.TreeItem {
    switch (node.kind) {
      case 'connection':
        return connectionItem(node.state);
      case 'folder': {
        const item = new vscode.TreeItem(node.path.slice(node.path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = vscode.ThemeIcon.Folder;
        item.tooltip = escapeControlCharacters(node.path);
        return item;
      }
      case 'prompt': {
        const { summary } = node;
        const item = new vscode.TreeItem(escapeControlCharacters(summary.name.slice(summary.name.lastIndexOf('/') + 1)), vscode.TreeItemCollapsibleState.Collapsed);
        item.resourceUri = registryPromptUri(summary.name);
        item.iconPath = new vscode.ThemeIcon(summary.type === 'chat' ? 'comment-discussion' : 'note');
        const labels = summary.labels.filter((label) => label !== 'latest');
        item.description = `${summary.versions.length} version${summary.versions.length === 1 ? '' : 's'}${labels.length > 0 ? ` · ${labels.map(escapeControlCharacters).join(', ')}` : ''}`;
        item.tooltip = `${escapeControlCharacters(summary.name)} (${summary.type})`;
        item.contextValue = 'registryPrompt';
        return item;
      }
      case 'version':
        return versionItem(node.name, node.version, (commit) => this.commitAbbreviations.get(commit) ?? commit);
      case 'loadMorePrompts':
      case 'loadMoreVersions': {
        const item = new vscode.TreeItem('Load more…', vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = node.kind === 'loadMorePrompts' ? { command: 'promptops.registry.loadMore', title: 'Load more' } : { command: 'promptops.registry.loadMore', title: 'Load more', arguments: [node.name] };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(node.text, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        if (node.tooltip) item.tooltip = node.tooltip;
        if (node.command) item.command = node.command;
        return item;
      }
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }
}

function connectionItem(state: ConnectionState): vscode.TreeItem {
  const item = new vscode.TreeItem('Langfuse', vscode.TreeItemCollapsibleState.Expanded);
  item.contextValue = 'registryConnection';
  switch (state.kind) {
    case 'connected':
      item.description = `${state.host} · connected`;
      item.iconPath = new vscode.ThemeIcon('cloud');
      break;
    case 'failed':
      item.description = `${state.host} · ${state.message}`;
      item.tooltip = state.message;
      item.iconPath = new vscode.ThemeIcon('warning');
      break;
    case 'checking':
      item.description = `${state.host} · connecting…`;
      item.iconPath = new vscode.ThemeIcon('sync');
      break;
    default:
      item.iconPath = new vscode.ThemeIcon('cloud');
  }
  return item;
}

function versionItem(name: string, version: RegistryPromptVersion, short: (commit: string) => string): vscode.TreeItem {
  const subject = ((version.commitMessage ?? '').split('\n')[0] ?? '') || '(no commit message)';
  const item = new vscode.TreeItem(`v${version.version}`, vscode.TreeItemCollapsibleState.None);
  const labels = [...version.labels].sort();
  const badges = labels.map((label) => `⟨${escapeControlCharacters(label)}⟩`).join(' ');
  const when = version.createdAt ? ` · ${relativeTime(new Date(version.createdAt), new Date())}` : '';
  item.description = `${badges ? `${badges} ` : ''}${escapeControlCharacters(subject)}${when}`;
  item.iconPath = new vscode.ThemeIcon(labels.some((label) => label !== 'latest') ? 'tag' : 'versions');
  const provenance = provenanceOf(version.config);
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.appendText(`${name} v${version.version}\n\n${version.commitMessage ?? ''}\n\n`);
  tooltip.appendText(provenance ? `From ${provenance.path}${provenance.commit ? ` at ${short(provenance.commit)}` : ' (uncommitted)'}, sha256 ${provenance.sha256.slice(0, 12)}…` : 'Not pushed by PromptOps (no provenance).');
  item.tooltip = tooltip;
  item.contextValue = labels.some((label) => label !== 'latest') ? 'registryVersion.labelled' : 'registryVersion';
  item.command = { command: 'promptops.registry.openVersion', title: 'Open Version', arguments: [name, String(version.version)] };
  return item;
}

function nodeId(node: RegistryNode): string {
  switch (node.kind) {
    case 'connection':
      return 'registry:connection';
    case 'folder':
      return `registry:folder:${node.path}`;
    case 'prompt':
      return `registry:prompt:${node.summary.name}`;
    case 'version':
      return `registry:version:${node.name}:${node.version.version}`;
    case 'loadMorePrompts':
      return 'registry:loadMorePrompts';
    case 'loadMoreVersions':
      return `registry:loadMoreVersions:${node.name}`;
    case 'message':
      return `registry:message:${node.text}`;
  }
}
