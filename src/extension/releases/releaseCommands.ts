import * as path from 'node:path';
import * as vscode from 'vscode';
import { labelNameProblem } from '../../core/releases/labelName';
import { releaseMoveSentences } from '../../core/releases/releaseEventSentence';
import { chooseRollbackTarget } from '../../core/releases/promotionHistory';
import { defaultLabel } from '../../core/releases/releaseManifest';
import type { BreakingChange } from '../../core/releases/breakingChanges';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { readManifestFile } from '../../node/releases/manifestFile';
import { clearCanary, promotePrompt, rollbackPrompt, setCanary, type ReleaseOutcome } from '../../node/releases/releaseActions';
import { releaseWorkspaceOf } from '../../node/releases/releaseWorkspace';
import { releasePreflight } from '../../node/releases/releasePreflight';
import { breakingChangesBetween } from '../../node/releases/releaseTarget';
import { commandTargetOf, optionalString, withPromptFile, type CommandTarget } from '../commands/commandArguments';
import type { PromptOpsCommand } from '../commands/promptOpsCommand';
import { pickVersion } from '../commands/versionPicker';
import { referenceTo, type PromptHistory } from '../versions/promptHistory';
import { versionUri } from '../versions/versionUri';
import { displayText } from '../displayText';
import { requireTrust } from '../workspaceTrust';
import { AuditLogDocuments } from './auditLogDocument';
import type { LivePublishing } from './livePublishing';
import type { ReleaseState } from './releaseState';

/** Whether release commands commit the manifest alone after each change (setting `promptops.releases.commit`). */
function commitSetting(): boolean {
  return vscode.workspace.getConfiguration('promptops').get<boolean>('releases.commit') === true;
}

/** Asks for a label: one of the prompt's, or a new one whose name is checked as it is typed. */
async function pickLabel(file: PromptFileInRepository, placeHolder: string): Promise<string | undefined> {
  const existing = file.labels.ok ? [...file.labels.labels.keys()] : [];
  const labels = existing.includes(defaultLabel) ? existing : [defaultLabel, ...existing];
  const newLabel = '$(add) New label…';
  const choice = await vscode.window.showQuickPick([...labels, newLabel], { placeHolder });
  if (choice !== newLabel) return choice;
  return vscode.window.showInputBox({ prompt: 'Name of the new label', validateInput: (value) => labelNameProblem(value) ?? null });
}

function breakingChangeLines(changes: readonly BreakingChange[]): string {
  return changes.length === 0 ? '' : `\n\nThis can break callers:\n${changes.map((change) => `• ${change.message}`).join('\n')}`;
}

/** Tells the user what a release command did, with any breaking change it went ahead with, and where it published. */
function report(outcome: ReleaseOutcome, releasesFile: string): void {
  if (outcome.kind === 'unchanged') void vscode.window.showInformationMessage(outcome.message);
  if (outcome.kind !== 'applied') return;
  const summary = releaseMoveSentences(outcome.move).join(' ').replace(/\.$/, '');
  const committed = outcome.commit ? `; committed the manifest as ${outcome.commit.slice(0, 7)}` : `; ${releasesFile} is changed, not committed`;
  const published = outcome.publication?.ok ? `; published to ${outcome.publication.to}` : '';
  void vscode.window.showInformationMessage(`${summary}${committed}${published}.${outcome.breakingChanges.length > 0 ? ` Breaking: ${outcome.breakingChanges.map((change) => change.message).join(' ')}` : ''}`);
  if (outcome.publication && !outcome.publication.ok) {
    // The move stands: services keep serving the old flags until a publish goes through.
    void vscode.window.showErrorMessage(`Publishing to ${displayText(outcome.publication.to)} failed: ${displayText(outcome.publication.problem)} The move stands in ${releasesFile}; running services still serve the previous flags.`);
  }
}

/** What a release command returns when it refuses: the sentence it showed, so callers (tests, other extensions) know why. */
export interface ReleaseCommandRefusal {
  readonly kind: 'refused';
  readonly reason: string;
}

/**
 * promote, rollback, setCanary and showAuditLog (DESIGN §6): complete arguments ask nothing, missing
 * ones are asked for and confirmed, and everything that would refuse is checked before anyone is asked.
 */
export function releaseCommands(history: PromptHistory, state: ReleaseState, afterChange: () => void, live: LivePublishing): PromptOpsCommand[] {
  // With promptops.publish.flagsFile set, every move publishes; checked before anything is asked.
  const publisherFor = (file: PromptFileInRepository) => live.publisherFor(releaseWorkspaceOf(file));
  // Each release command reads labels afresh, and every view shows what it changed, even when it failed halfway.
  const withFile = async <T>(action: string, argument: unknown, work: (file: PromptFileInRepository, target: CommandTarget) => Promise<T>): Promise<T | ReleaseCommandRefusal | undefined> => {
    history.clear();
    try {
      return await withPromptFile(history, action, argument, async (file, target): Promise<T | ReleaseCommandRefusal> => {
        try {
          return await work(file, target);
        } catch (error) {
          if (!(error instanceof ReleaseRefusal)) throw error;
          void vscode.window.showErrorMessage(`PromptOps could not ${action}: ${displayText(error.message)}`);
          return { kind: 'refused', reason: error.message };
        }
      });
    } finally {
      state.invalidate();
      afterChange();
    }
  };

  return [
    {
      id: 'promptops.promote',
      run: (argument?: unknown, version?: unknown, label?: unknown, note?: unknown) =>
        withFile('promote the version', argument, async (file, target) => {
          const complete = optionalString(version) !== undefined && optionalString(label) !== undefined;
          const publisher = await publisherFor(file);
          const wanted = optionalString(version) ?? target.version ?? (await pickVersion(history, file, 'Promote which version?', false));
          if (!wanted) return undefined;
          // Everything that would refuse the promote is checked before the user is asked anything more (promotePrompt checks it again when nothing is asked).
          const to = complete ? undefined : (await releasePreflight(file, wanted)).target;
          const labelName = optionalString(label) ?? target.label ?? (await pickLabel(file, `Promote ${wanted.slice(0, 12)} of ${file.promptId} to which label?`));
          if (!labelName) return undefined;
          if (to) {
            const current = file.labels.ok ? file.labels.labels.get(labelName) : undefined;
            let changes: BreakingChange[] = [];
            if (current) {
              changes = await breakingChangesBetween(file, current, to);
              // Show what the label will change before asking.
              const from = await history.resolve(file, current.commit);
              const toVersion = await history.resolve(file, to.commit);
              await vscode.commands.executeCommand('vscode.diff', versionUri(referenceTo(file, from)), versionUri(referenceTo(file, toVersion)), `${path.posix.basename(file.path)}: ${labelName} now ↔ after promote`);
            }
            const answer = await vscode.window.showWarningMessage(
              `Promote ${file.promptId} to ${labelName}?`,
              { modal: true, detail: `${current ? current.commit.slice(0, 7) : 'nothing'} → ${to.commit.slice(0, 7)}${breakingChangeLines(changes)}` },
              'Promote',
            );
            if (answer !== 'Promote') return undefined;
          }
          const outcome = await promotePrompt(file, { version: wanted, label: labelName, note: optionalString(note), commit: commitSetting(), publisher });
          report(outcome, file.releasesFile);
          return outcome;
        }),
    },
    {
      id: 'promptops.rollback',
      run: (argument?: unknown, label?: unknown, toVersion?: unknown) =>
        withFile('roll back', argument, async (file, target) => {
          const complete = optionalString(label) !== undefined;
          const publisher = await publisherFor(file);
          const labelName = optionalString(label) ?? target.label ?? (await pickLabel(file, `Roll back which label of ${file.promptId}?`));
          if (!labelName) return undefined;
          const to = optionalString(toVersion);
          if (!complete) {
            const manifest = readManifestFile(file.manifestFile).parsed.manifest;
            const choice = chooseRollbackTarget(manifest, { prompt: file.promptId, label: labelName, to: to && /^[0-9a-f]{40}$/.test(to) ? to : undefined });
            if (choice.kind === 'refused') throw new ReleaseRefusal(choice.reason);
            if (choice.kind === 'unchanged') throw new Error(choice.message);
            const answer = await vscode.window.showWarningMessage(
              `Roll ${file.promptId} ${labelName} back?`,
              { modal: true, detail: `${choice.current.commit.slice(0, 7)} → ${choice.target.commit.slice(0, 7)}` },
              'Roll Back',
            );
            if (answer !== 'Roll Back') return undefined;
          }
          const outcome = await rollbackPrompt(file, { label: labelName, to, commit: commitSetting(), publisher });
          report(outcome, file.releasesFile);
          return outcome;
        }),
    },
    {
      id: 'promptops.setCanary',
      run: (argument?: unknown, version?: unknown, label?: unknown, weight?: unknown) =>
        withFile('set the canary', argument, async (file, target) => {
          const complete = optionalString(version) !== undefined && optionalString(label) !== undefined && typeof weight === 'number';
          const given = optionalString(version) ?? target.version;
          const publisher = await publisherFor(file);
          // A version already named is checked before anything is asked; a picked one, before the confirmation.
          if (!complete && given !== undefined) await releasePreflight(file, given);
          const labelName = optionalString(label) ?? target.label ?? (await pickLabel(file, `Canary which label of ${file.promptId}?`));
          if (!labelName) return undefined;
          let percent = typeof weight === 'number' ? weight : undefined;
          if (percent === undefined) {
            const typed = await vscode.window.showInputBox({
              prompt: `Percent of ${labelName} traffic for the canary (1–99; 0 clears the canary)`,
              value: '10',
              validateInput: (value) => (/^\d{1,2}$/.test(value) ? null : 'A whole number from 0 to 99.'),
            });
            if (typed === undefined) return undefined;
            percent = Number(typed);
          }
          if (percent === 0) {
            if (!complete) {
              const stable = file.labels.ok ? file.labels.labels.get(labelName) : undefined;
              const answer = await vscode.window.showWarningMessage(`End the canary of ${file.promptId} ${labelName}?`, { modal: true, detail: `All traffic returns to ${stable ? stable.commit.slice(0, 7) : labelName}.` }, 'End Canary');
              if (answer !== 'End Canary') return undefined;
            }
            const outcome = await clearCanary(file, { label: labelName, commit: commitSetting(), publisher });
            report(outcome, file.releasesFile);
            return outcome;
          }
          const wanted = optionalString(version) ?? target.version ?? (await pickVersion(history, file, `Canary which version on ${percent}% of ${labelName}?`, false));
          if (!wanted) return undefined;
          if (!complete) {
            if (given === undefined) await releasePreflight(file, wanted);
            const answer = await vscode.window.showWarningMessage(`Send ${percent}% of ${file.promptId} ${labelName} traffic to ${wanted.slice(0, 12)}?`, { modal: true }, 'Set Canary');
            if (answer !== 'Set Canary') return undefined;
          }
          const outcome = await setCanary(file, { version: wanted, label: labelName, weight: percent, commit: commitSetting(), publisher });
          report(outcome, file.releasesFile);
          return outcome;
        }),
    },
    {
      id: 'promptops.showAuditLog',
      run: async (argument?: unknown) => {
        if (!requireTrust('show the audit log')) return undefined;
        const target = commandTargetOf(argument);
        const repositories = await state.repositories();
        const repository = target ? await state.repositoryOf(target.uri.fsPath) : repositories[0];
        if (!repository) {
          void vscode.window.showInformationMessage('No Git repository with a release manifest is open.');
          return undefined;
        }
        let prompt: string | undefined;
        if (target) prompt = (await history.file(target.uri.fsPath).catch(() => undefined))?.promptId;
        const uri = AuditLogDocuments.uriOf(repository.workspace.repository.root, prompt);
        const document = await vscode.workspace.openTextDocument(uri);
        await vscode.languages.setTextDocumentLanguage(document, 'markdown');
        await vscode.window.showTextDocument(document, { preview: true });
        return uri;
      },
    },
  ];
}
