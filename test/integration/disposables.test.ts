import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PromptModels } from '../../src/extension/promptModels';
import { PromptOpsLog } from '../../src/extension/promptOpsLog';
import { GitStateWatcher } from '../../src/extension/versions/gitStateWatcher';
import { PromptHistory } from '../../src/extension/versions/promptHistory';
import { VersionsTree } from '../../src/extension/versions/versionsTree';

const counted = ['createFileSystemWatcher', 'onDidChangeTextDocument', 'onDidCloseTextDocument', 'onDidOpenTextDocument', 'onDidChangeConfiguration'] as const;

/**
 * Counts the file watchers and workspace listeners created while `work` runs that are still not
 * disposed afterwards, by wrapping the real API functions (VS Code has no listener count of its own).
 */
async function leakedBy(work: () => void | Promise<void>): Promise<Record<string, number>> {
  const workspace: Record<(typeof counted)[number], unknown> = vscode.workspace;
  const originals = counted.map((name) => [name, workspace[name]] as const);
  const live = new Map<string, number>();
  for (const [name, original] of originals) {
    if (typeof original !== 'function') throw new Error(`vscode.workspace.${name} is not a function`);
    workspace[name] = (...args: unknown[]): vscode.Disposable => {
      const made = Reflect.apply(original, vscode.workspace, args) as vscode.Disposable;
      live.set(name, (live.get(name) ?? 0) + 1);
      const dispose = made.dispose.bind(made);
      let disposed = false;
      made.dispose = () => {
        if (!disposed) live.set(name, (live.get(name) ?? 0) - 1);
        disposed = true;
        return dispose();
      };
      return made;
    };
  }
  try {
    await work();
  } finally {
    for (const [name, original] of originals) workspace[name] = original;
  }
  return Object.fromEntries([...live].filter(([, count]) => count !== 0));
}

describe('Disposing releases every watcher and listener', () => {
  it('the counting wraps the real API: a watcher that is never disposed is reported', async () => {
    let kept: vscode.FileSystemWatcher | undefined;
    assert.deepEqual(await leakedBy(() => void (kept = vscode.workspace.createFileSystemWatcher('**/*.never'))), { createFileSystemWatcher: 1 });
    kept?.dispose();
  });

  it('prompt models, the git state watcher and the Versions view leave nothing behind once disposed', async () => {
    const leaked = await leakedBy(() => {
      const log = new PromptOpsLog();
      const parts: vscode.Disposable[] = [new PromptModels(), new GitStateWatcher(() => undefined), new VersionsTree(new PromptHistory(), log), log];
      for (const part of parts) part.dispose();
    });
    assert.deepEqual(leaked, {});
  });
});
