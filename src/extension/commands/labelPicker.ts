import * as vscode from 'vscode';
import { labelNameProblem } from '../../core/releases/labelName';
import { defaultLabel, type ReleaseManifest } from '../../core/releases/releaseManifest';
import { relativeTime } from '../../core/versions/relativeTime';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import type { CommandEnvironment } from './commandArguments';

export interface LabelPickOptions {
  /** Offer `production` when the prompt lacks it, and a new label typed in (promote); a rollback or canary needs an existing label. */
  readonly allowNew: boolean;
  /** The manifest the labels come from: its audit log says since when each label serves its version. */
  readonly manifest: ReleaseManifest;
}

interface LabelItem extends vscode.QuickPickItem {
  readonly name: string | undefined;
}

/**
 * Asks for a label of a prompt, each shown with what it serves now and since when
 * (`production  95fda74 · canary 10% → 21ea0ef, 3 days ago`); undefined when dismissed.
 */
export async function pickLabel(environment: CommandEnvironment, file: PromptFileInRepository, placeHolder: string, options: LabelPickOptions): Promise<string | undefined> {
  const short = environment.history.shortShas.of;
  const releases = options.manifest.prompts.get(file.promptId);
  const now = new Date();
  const items: LabelItem[] = [...(releases?.labels ?? [])].map(([name, target]) => {
    const canary = releases?.canaries.get(name);
    const moved = [...options.manifest.events].reverse().find((event) => event.prompt === file.promptId && event.label === name && (event.action === 'promote' || event.action === 'rollback'));
    const since = moved ? `, ${relativeTime(new Date(moved.at), now)}` : '';
    return { label: name, description: `${short(target.commit)}${canary ? ` · canary ${canary.weight}% → ${short(canary.commit)}` : ''}${since}`, name };
  });
  if (options.allowNew && !releases?.labels.has(defaultLabel)) items.unshift({ label: defaultLabel, description: 'new label', name: defaultLabel });
  if (options.allowNew) items.push({ label: '$(add) New label…', name: undefined });
  if (items.length === 0) throw new Error(`${file.promptId} has no release labels in ${file.releasesFile} yet; promote a version first.`);
  const chosen = await environment.questions.pick(items, { placeHolder, matchOnDescription: true });
  if (!chosen) return undefined;
  if (chosen.name !== undefined) return chosen.name;
  return environment.questions.input({ prompt: 'Name of the new label', validateInput: (value) => labelNameProblem(value) ?? null });
}
