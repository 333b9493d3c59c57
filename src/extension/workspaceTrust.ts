import * as vscode from 'vscode';

/**
 * Whether an action that runs git or writes the release manifest may run; in an untrusted
 * workspace it says why not, once, and returns false.
 */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(
    `PromptOps cannot ${action} in an untrusted workspace: it would run git or write the release manifest. Trust the workspace to enable it.`,
  );
  return false;
}
