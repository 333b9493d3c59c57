import * as vscode from 'vscode';

interface TrackedView {
  readonly view: vscode.TreeView<unknown>;
  readonly keyOf: (node: unknown) => string | undefined;
  /** The clock of the user's last change of selection; 0 for none. */
  changed: number;
  /** The nodes and their keys of the last non-empty selection event. */
  selected: readonly unknown[];
  key: string | undefined;
}

/**
 * What the user last selected in the PromptOps views (Versions, Releases): a command run from the
 * Command Palette with no prompt editor open acts on it (DESIGN §6), as long as that view is visible.
 */
export class ViewSelection implements vscode.Disposable {
  private readonly views: TrackedView[] = [];
  private readonly subscriptions: vscode.Disposable[] = [];
  private clock = 0;

  /**
   * Follows a view's selection. `keyOf` names a node stably (its tree item's id): when a view
   * refreshes, VS Code reports the same rows selected again as new nodes, which is not the user
   * choosing them, so it must not make that view's selection newer than another's.
   */
  track<T>(view: vscode.TreeView<T>, keyOf: (node: T) => string | undefined): void {
    const entry: TrackedView = { view, keyOf: (node) => keyOf(node as T), changed: 0, selected: [], key: undefined };
    this.views.push(entry);
    this.subscriptions.push(
      view.onDidChangeSelection((event) => {
        // A refresh can report no selection for a moment while the row stays selected on screen.
        if (event.selection.length === 0) return;
        const keys = event.selection.map((node) => entry.keyOf(node));
        const key = keys.every((one) => one !== undefined) ? keys.join('\n') : undefined;
        if (key === undefined || key !== entry.key) entry.changed = ++this.clock;
        entry.selected = event.selection;
        entry.key = key;
      }),
    );
  }

  /**
   * The node selected most recently in a visible view, if any. While a view refreshes, its
   * `selection` is empty until VS Code has fetched the selected node again, so the node of the last
   * selection event stands in: commands read only its prompt, version or label, which a refresh
   * does not change.
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
