import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PromptOpsApi } from '../../src/extension/main';

export const extensionId = 'promptops.promptops';

/** A file of the scratch copy of the fixture workspace the harness opened. */
export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace is open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Activates PromptOps and returns its API. */
export async function promptOps(): Promise<PromptOpsApi> {
  const extension = vscode.extensions.getExtension<PromptOpsApi>(extensionId);
  assert.ok(extension, `${extensionId} is installed`);
  return extension.activate();
}

/** Polls `read` until `accept` holds, failing with the last value after `timeoutMs`. */
export async function eventually<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) assert.fail(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last, null, 2)?.slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

/** Like `eventually`, but returns the last value read instead of failing when the time is up. */
async function eventuallyOrLast<T>(read: () => T | Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last) && Date.now() <= deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await read();
  }
  return last;
}

let readerMissingSaid = false;

/** The notification texts the workbench shows now, as the browser harness reads them; undefined outside it (desktop VS Code). */
async function shownNotifications(): Promise<string[] | undefined> {
  const url = process.env['PROMPTOPS_TEST_NOTIFICATIONS'];
  if (!url) return undefined;
  const texts: unknown = await (await fetch(url)).json();
  assert.ok(Array.isArray(texts) && texts.every((text) => typeof text === 'string'), 'the harness answers with a list of texts');
  return texts;
}

/**
 * Runs `action` with no notification showing, then waits until the workbench shows `message`
 * exactly, as the user reads it; returns what the action returned.
 */
export async function expectNotification<T>(message: string, action: () => Thenable<T>): Promise<T> {
  await vscode.commands.executeCommand('notifications.clearAll');
  const result = await action();
  if (!process.env['PROMPTOPS_TEST_NOTIFICATIONS']) {
    if (!readerMissingSaid) console.log('    notification texts are not checked: only the browser harness can read them');
    readerMissingSaid = true;
    return result;
  }
  const shows = (texts: string[] | undefined): boolean => texts?.includes(message) === true;
  // The workbench now and then files a notification in the notification center without a toast
  // (seen in 1.100.3 after other toasts were cleared); the user finds it there, and so does the test.
  if (!shows(await eventuallyOrLast(shownNotifications, shows, 5_000))) {
    await vscode.commands.executeCommand('notifications.showList');
    await eventually(shownNotifications, shows);
    await vscode.commands.executeCommand('notifications.hideList');
  }
  await vscode.commands.executeCommand('notifications.clearAll');
  return result;
}
