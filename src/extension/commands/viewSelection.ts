import * as vscode from 'vscode';

/**
 * What the user last selected in the PromptOps views (Versions, Releases): a command run from the
 * Command Palette with no prompt editor open acts on it (DESIGN §6), as long as that view is visible.
 */
export class ViewSelection implements vscode.Disposable {
  private readonly views: { readonly view: vscode.TreeView<unknown>; changed: number }[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private clock = 0;

  /** Follows a view's selection. */
  track(view: vscode.TreeView<unknown>): void {
    const entry = { view, changed: 0 };
    this.views.push(entry);
    this.subscriptions.push(view.onDidChangeSelection((event) => (entry.changed = event.selection.length > 0 ? ++this.clock : 0)));
  }

  /** The node selected most recently in a visible view, if any. */
  latest(): unknown {
    const candidates = this.views.filter((entry) => entry.view.visible && entry.view.selection.length > 0 && entry.changed > 0).sort((a, b) => b.changed - a.changed);
    return candidates[0]?.view.selection[0];
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }
}
