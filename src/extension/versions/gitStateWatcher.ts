import * as vscode from 'vscode';

const settleMs = 400;

/**
 * Calls back, once things settle, after a commit, checkout, reset or a release manifest change:
 * git rewrites HEAD, the index and refs in bursts, so events are debounced.
 */
export class GitStateWatcher implements vscode.Disposable {
  private readonly watchers: vscode.FileSystemWatcher[];
  private timer: NodeJS.Timeout | undefined;

  constructor(releasesFile: string, onChange: () => void) {
    const fire = (): void => {
      clearTimeout(this.timer);
      this.timer = setTimeout(onChange, settleMs);
    };
    this.watchers = ['**/.git/HEAD', '**/.git/index', '**/.git/refs/**', `**/${releasesFile}`].map((glob) => {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      watcher.onDidCreate(fire);
      watcher.onDidChange(fire);
      watcher.onDidDelete(fire);
      return watcher;
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers) watcher.dispose();
  }
}
