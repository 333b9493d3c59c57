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
