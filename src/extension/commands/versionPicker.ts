import * as vscode from 'vscode';
import { relativeTime } from '../../core/versions/relativeTime';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { displayText } from '../displayText';
import type { CommandEnvironment } from './commandArguments';

/** A row of the version picker: what choosing it names (a VERSION argument). */
export interface VersionItem extends vscode.QuickPickItem {
  readonly version: string;
}

export interface VersionPickOptions {
  /** Offer the working tree first. */
  readonly includeWorking: boolean;
  /** Commits not to offer (a canary needs a version its label does not serve); labels pointing at them go too. */
  readonly exclude?: ReadonlySet<string>;
  /** Rows shown first, e.g. "End the canary". */
  readonly first?: readonly VersionItem[];
  /** Says what a version is to this question, e.g. "the canary now". */
  readonly note?: (commit: string) => string | undefined;
}

/** Asks for a version among the newest ones, the labels and (optionally) the working tree. */
export async function pickVersion(environment: CommandEnvironment, file: PromptFileInRepository, placeHolder: string, options: VersionPickOptions): Promise<string | undefined> {
  const { history, questions } = environment;
  const page = await history.page(file, 0, 100);
  const short = history.shortShas.of;
  const excluded = options.exclude ?? new Set<string>();
  const labels = file.labels.ok ? [...file.labels.labels].filter(([, target]) => !excluded.has(target.commit)) : [];
  const now = new Date();
  const noted = (commit: string): string => {
    const note = options.note?.(commit);
    return note ? ` · ${note}` : '';
  };
  const items: VersionItem[] = [
    ...(options.first ?? []),
    ...(options.includeWorking ? [{ label: '$(edit) Working tree', description: 'WORKING', version: 'WORKING' }] : []),
    ...labels.map(([label, target]) => ({ label: `$(tag) ${label}`, description: `${short(target.commit)}${noted(target.commit)}`, version: label })),
    ...page.versions
      .filter((version) => !excluded.has(version.id))
      .map((version) => ({
        label: displayText(version.subject) || '(no subject)',
        description: `${short(version.id)} · ${displayText(version.authorName)} · ${relativeTime(new Date(version.date), now)}${noted(version.id)}`,
        version: version.id,
      })),
  ];
  return (await questions.pick(items, { placeHolder, matchOnDescription: true }))?.version;
}
