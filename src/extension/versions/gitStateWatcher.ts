import * as vscode from 'vscode';
import { DisposableScope } from '../disposableScope';
import { onDidChangeSettings, releasesFileSetting } from '../settings';

const settleMs = 400;

/**
 * Calls back, once things settle, after a commit, checkout, reset or a release manifest change:
 * git rewrites HEAD, the index and refs in bursts, so events are debounced. When the setting
 * `promptops.releasesFile` changes, the manifest watcher follows it and the callback runs at once.
 */
export class GitStateWatcher implements vscode.Disposable {
  /** The watchers of the current manifest setting, with their listeners; replaced when the setting changes. */
  private watchers: DisposableScope;
  private readonly settings: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;

  constructor(onChange: () => void) {
    const fire = (): void => {
      clearTimeout(this.timer);
      this.timer = setTimeout(onChange, settleMs);
    };
    const watch = (): DisposableScope => {
      const scope = new DisposableScope();
      for (const glob of ['**/.git/HEAD', '**/.git/index', '**/.git/refs/**', `**/${releasesFileSetting()}`]) {
        const watcher = scope.add(vscode.workspace.createFileSystemWatcher(glob));
        scope.add(watcher.onDidCreate(fire));
        scope.add(watcher.onDidChange(fire));
        scope.add(watcher.onDidDelete(fire));
      }
      return scope;
    };
    this.watchers = watch();
    this.settings = onDidChangeSettings(['releasesFile'], () => {
      this.watchers.dispose();
      this.watchers = watch();
      clearTimeout(this.timer);
      onChange();
    });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.settings.dispose();
    this.watchers.dispose();
  }
}
