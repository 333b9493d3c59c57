import * as vscode from 'vscode';

/**
 * What the user last selected in the PromptOps views (Versions, Releases): a command run from the
 * Command Palette with no prompt editor open acts on it (DESIGN §6), as long as that view is visible.
 */
export class ViewSelection implements vscode.Disposable {
  private readonly views: { readonly view: vscode.TreeView<unknown>; changed: number; selected: readonly unknown[] }[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private clock = 0;

  /** Follows a view's selection. */
  track(view: vscode.TreeView<unknown>): void {
    const entry = { view, changed: 0, selected: [] as readonly unknown[] };
    this.views.push(entry);
    this.subscriptions.push(
      view.onDidChangeSelection((event) => {
        entry.selected = event.selection;
        entry.changed = event.selection.length > 0 ? ++this.clock : 0;
      }),
    );
  }

  /**
   * The node selected most recently in a visible view, if any. While a view refreshes, its
   * `selection` is empty until VS Code has fetched the selected node again (the row stays selected
   * on screen), so the node of the last selection event stands in: commands read only its prompt,
   * version or label, which a refresh does not change.
   */
  latest(): unknown {
    const candidates = this.views.filter((entry) => entry.view.visible && entry.changed > 0).sort((a, b) => b.changed - a.changed);
    const latest = candidates[0];
    return latest ? (latest.view.selection[0] ?? latest.selected[0]) : undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
  }
}
