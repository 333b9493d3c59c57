import * as vscode from 'vscode';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import type { PromptHistory } from '../versions/promptHistory';

/** Asks for a version among the newest ones, the labels and the working tree. */
export async function pickVersion(history: PromptHistory, file: PromptFileInRepository, placeHolder: string, includeWorking: boolean): Promise<string | undefined> {
  const page = await history.page(file, 0, 100);
  const labels = file.labels.ok ? [...file.labels.labels] : [];
  const items: (vscode.QuickPickItem & { version: string })[] = [
    ...(includeWorking ? [{ label: '$(edit) Working tree', description: 'WORKING', version: 'WORKING' }] : []),
    ...labels.map(([label, target]) => ({ label: `$(tag) ${label}`, description: target.commit.slice(0, 7), version: label })),
    ...page.versions.map((version) => ({ label: version.subject, description: `${version.id.slice(0, 7)} · ${version.authorName}`, detail: version.date, version: version.id })),
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.version;
}

