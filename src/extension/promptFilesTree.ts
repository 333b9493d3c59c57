import * as vscode from 'vscode';
import { promptFileGlob } from '../core/promptFileKind';

/** A node of the versions view: a folder of prompts or one prompt file. */
export type PromptFilesNode =
  | { readonly kind: 'folder'; readonly uri: vscode.Uri; readonly label: string }
  | { readonly kind: 'prompt'; readonly uri: vscode.Uri };

const excluded = '**/{node_modules,.git,.vscode-test,out,dist}/**';

/** Lists the workspace's prompt files grouped by folder, and follows files being created or deleted. */
export class PromptFilesTree implements vscode.TreeDataProvider<PromptFilesNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<PromptFilesNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(promptFileGlob, false, true, false);
  private files: Promise<vscode.Uri[]> | undefined;

  constructor() {
    this.watcher.onDidCreate(() => this.refresh());
    this.watcher.onDidDelete(() => this.refresh());
  }

  refresh(): void {
    this.files = undefined;
    this.changed.fire(undefined);
  }

  /** The prompt files currently listed, sorted by path; also the test hook for the view's contents. */
  async promptFiles(): Promise<vscode.Uri[]> {
    const files = (this.files ??= Promise.resolve(vscode.workspace.findFiles(promptFileGlob, excluded)).then((uris) =>
      uris.sort((a, b) => a.path.localeCompare(b.path)),
    ));
    return files;
  }

  async getChildren(node?: PromptFilesNode): Promise<PromptFilesNode[]> {
    if (node?.kind === 'prompt') return [];
    const files = await this.promptFiles();
    if (!node) {
      const folders = new Map<string, vscode.Uri>();
      for (const file of files) {
        const folder = vscode.Uri.joinPath(file, '..');
        folders.set(folder.toString(), folder);
      }
      return [...folders.values()].map((uri) => ({ kind: 'folder', uri, label: vscode.workspace.asRelativePath(uri, false) || '.' }));
    }
    const parent = node.uri.toString();
    return files.filter((file) => vscode.Uri.joinPath(file, '..').toString() === parent).map((uri) => ({ kind: 'prompt', uri }));
  }

  getTreeItem(node: PromptFilesNode): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = vscode.ThemeIcon.Folder;
      item.resourceUri = node.uri;
      return item;
    }
    const item = new vscode.TreeItem(node.uri, vscode.TreeItemCollapsibleState.None);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [node.uri] };
    item.contextValue = 'promptFile';
    return item;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
