import * as vscode from 'vscode';
import { onDidChangeSettings, releasesFileSetting } from '../settings';

const settleMs = 400;

/**
 * Calls back, once things settle, after a commit, checkout, reset or a release manifest change:
 * git rewrites HEAD, the index and refs in bursts, so events are debounced. When the setting
 * `promptops.releasesFile` changes, the manifest watcher follows it and the callback runs at once.
 */
export class GitStateWatcher implements vscode.Disposable {
  private watchers: vscode.FileSystemWatcher[];
  private readonly settings: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;

  constructor(onChange: () => void) {
    const fire = (): void => {
      clearTimeout(this.timer);
      this.timer = setTimeout(onChange, settleMs);
    };
    const watch = (): vscode.FileSystemWatcher[] =>
      ['**/.git/HEAD', '**/.git/index', '**/.git/refs/**', `**/${releasesFileSetting()}`].map((glob) => {
        const watcher = vscode.workspace.createFileSystemWatcher(glob);
        watcher.onDidCreate(fire);
        watcher.onDidChange(fire);
        watcher.onDidDelete(fire);
        return watcher;
      });
    this.watchers = watch();
    this.settings = onDidChangeSettings(['releasesFile'], () => {
      for (const watcher of this.watchers) watcher.dispose();
      this.watchers = watch();
      clearTimeout(this.timer);
      onChange();
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.settings.dispose();
    for (const watcher of this.watchers) watcher.dispose();
  }
}
