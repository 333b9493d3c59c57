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
  await eventually(shownNotifications, (texts) => texts?.includes(message) === true);
  return result;
}
