import * as vscode from 'vscode';
import type { Guard } from '../webview/messageGuards';
import type { PromptOpsLog } from './promptOpsLog';

const maxLoggedLength = 300;

/** A message as the log shows it: JSON, cut short, since a page's message can carry a whole rendered prompt. */
function messageSummary(message: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(message) ?? String(message);
  } catch {
    text = String(message); // A value that is not JSON (a cycle) is still named.
  }
  return text.length > maxLoggedLength ? `${text.slice(0, maxLoggedLength)}…` : text;
}

/**
 * Hands `receive` each message of a webview page that `guard` accepts; any other message is written
 * to the PromptOps log and ignored, never acted on. Pages run in another process: their messages are data.
 */
export function receiveCheckedMessages<M>(webview: vscode.Webview, page: string, guard: Guard<M>, log: PromptOpsLog, receive: (message: M) => void): vscode.Disposable {
  return webview.onDidReceiveMessage((message: unknown) => {
    if (guard(message)) receive(message);
    else log.warning(`The ${page} sent a message PromptOps does not understand; it was ignored.`, messageSummary(message));
  });
}
