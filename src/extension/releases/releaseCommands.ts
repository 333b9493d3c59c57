import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BreakingChange } from '../../core/releases/breakingChanges';
import { releaseEventSentence } from '../../core/releases/releaseEventSentence';
import type { ReleaseManifest, ReleaseTarget } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { chooseRollback, promotePrompt, rollbackPrompt, type ReleaseOutcome, type ReleasePublisher } from '../../node/releases/releaseActions';
import { releasePreflight } from '../../node/releases/releasePreflight';
import { breakingChangesBetween } from '../../node/releases/releaseTarget';
import { commandTargetOf, optionalString, type CommandEnvironment, type CommandTarget } from '../commands/commandArguments';
import { pickLabel } from '../commands/labelPicker';
import type { PromptOpsCommand } from '../commands/promptOpsCommand';
import { pickVersion } from '../commands/versionPicker';
import { displayText } from '../displayText';
import { commitReleasesSetting as commitSetting } from '../settings';
import { versionUri } from '../versions/versionUri';
import { requireTrust } from '../workspaceTrust';
import type { AuditLogViews } from './auditLogView';
import type { LivePublishing } from './livePublishing';
import { breakingChangeLines, manifestBeforeAsking, noteLine, plannedEvent, releaseCommandKit, type ReleaseCommandKit } from './releaseCommandKit';
import type { ReleaseState } from './releaseState';
import { setCanaryOnFile } from './setCanaryCommand';

/** Opens the diff of what promoting will change on a label: the version it serves now and the one it will serve. */
async function showLabelChange(kit: ReleaseCommandKit, file: PromptFileInRepository, labelName: string, current: ReleaseTarget, to: ReleaseTarget): Promise<void> {
  const { history } = kit.environment;
  const from = await history.resolve(file, current.commit);
  const toVersion = await history.resolve(file, to.commit);
  await vscode.commands.executeCommand('vscode.diff', versionUri(history.referenceTo(file, from)), versionUri(history.referenceTo(file, toVersion)), `${path.posix.basename(file.path)}: ${labelName} now ↔ after promote`);
}

/** The asked half of a promote: the label, the change it makes shown, a note and a confirmation, once nothing would refuse. */
async function promoteAsked(
  kit: ReleaseCommandKit,
  file: PromptFileInRepository,
  manifest: ReleaseManifest,
  publisher: ReleasePublisher | undefined,
  wanted: string,
  given: { readonly label: string | undefined; readonly note: string | undefined },
): Promise<ReleaseOutcome | undefined> {
  const { short, environment } = kit;
  // Everything that would refuse the promote is checked before the user is asked anything more.
  const to = (await releasePreflight(file, wanted)).target;
  await environment.history.shortShas.learn(file.repository, [to.commit]);
  const labelName = given.label ?? (await pickLabel(environment, file, `Promote ${short(to.commit)} of ${displayText(file.promptId)} to which label?`, { allowNew: true, manifest }));
  if (!labelName) return undefined;
  const current = manifest.prompts.get(file.promptId)?.labels.get(labelName);
  if (current?.commit === to.commit) return kit.finish(file, { kind: 'unchanged', message: `${file.promptId} ${labelName} is already at ${short(to.commit)}.` });
  let changes: BreakingChange[] = [];
  if (current) {
    changes = await breakingChangesBetween(file, current, to);
    // Show what the label will change before asking.
    await showLabelChange(kit, file, labelName, current, to);
  }
  const chosenNote = given.note ?? (await kit.askNote(releaseEventSentence(plannedEvent(file, 'promote', labelName, current?.commit ?? null, to), short)));
  const move = `${current ? short(current.commit) : 'a new label'} → ${short(to.commit)}`;
  if (!(await kit.confirm(`Promote ${displayText(file.promptId)} to ${labelName}?`, `${move}${breakingChangeLines(changes)}${noteLine(chosenNote)}`, 'Promote'))) return undefined;
  return kit.finish(file, await promotePrompt(file, { version: to.commit, label: labelName, note: chosenNote, commit: commitSetting(), publisher }));
}

/** `promptops.promote` on a prompt file: a version and a label given promote at once; otherwise what is missing is asked. */
async function promoteOnFile(kit: ReleaseCommandKit, file: PromptFileInRepository, target: CommandTarget, version: unknown, label: unknown, note: unknown): Promise<ReleaseOutcome | undefined> {
  const manifest = manifestBeforeAsking(file);
  const publisher = await kit.publisherFor(file);
  const complete = optionalString(version) !== undefined && optionalString(label) !== undefined;
  const wanted = optionalString(version) ?? target.version ?? (await pickVersion(kit.environment, file, `Promote which version of ${displayText(file.promptId)}?`, { includeWorking: false }));
  if (!wanted) return undefined;
  if (complete) return kit.finish(file, await promotePrompt(file, { version: wanted, label: optionalString(label), note: optionalString(note), commit: commitSetting(), publisher }));
  return promoteAsked(kit, file, manifest, publisher, wanted, { label: optionalString(label) ?? target.label, note: optionalString(note) });
}

/** `promptops.rollback` on a prompt file: a label given rolls back at once; otherwise the label is asked, and the confirmation names the very target the rollback applies. */
async function rollbackOnFile(kit: ReleaseCommandKit, file: PromptFileInRepository, target: CommandTarget, label: unknown, toVersion: unknown): Promise<ReleaseOutcome | undefined> {
  const { short, environment } = kit;
  const manifest = manifestBeforeAsking(file);
  const publisher = await kit.publisherFor(file);
  const complete = optionalString(label) !== undefined;
  const to = optionalString(toVersion);
  if (complete) return kit.finish(file, await rollbackPrompt(file, { label: optionalString(label), to, commit: commitSetting(), publisher }));
  const labelName = target.label ?? (await pickLabel(environment, file, `Roll back which label of ${displayText(file.promptId)}?`, { allowNew: false, manifest }));
  if (!labelName) return undefined;
  // The confirmation shows what the move will apply: the same choice, and the move refuses if the label moves meanwhile.
  const choice = await chooseRollback(file, { label: labelName, to });
  if (choice.kind === 'refused') throw new ReleaseRefusal(choice.reason);
  if (choice.kind === 'unchanged') return kit.finish(file, choice);
  await environment.history.shortShas.learn(file.repository, [choice.current.commit, choice.target.commit]);
  const sentence = releaseEventSentence(plannedEvent(file, 'rollback', labelName, choice.current.commit, { commit: choice.target.commit, path: choice.current.path, sha256: choice.target.sha256 ?? '' }), short);
  const chosenNote = await kit.askNote(sentence);
  if (!(await kit.confirm(`Roll ${displayText(file.promptId)} ${labelName} back?`, `${short(choice.current.commit)} → ${short(choice.target.commit)}${noteLine(chosenNote)}`, 'Roll Back'))) return undefined;
  return kit.finish(file, await rollbackPrompt(file, { label: labelName, to: choice.target.commit, from: choice.current.commit, note: chosenNote, commit: commitSetting(), publisher }));
}

/**
 * promote, rollback, setCanary and showAuditLog (DESIGN §6): complete arguments ask nothing; missing
 * ones are asked for (the prompt, the version, the label, the weight, then an optional note), and
 * the change is confirmed last. Everything that would refuse is checked before anyone is asked.
 */
export function releaseCommands(environment: CommandEnvironment, state: ReleaseState, auditLogs: AuditLogViews, afterChange: () => void, live: LivePublishing): PromptOpsCommand[] {
  const { history, questions } = environment;
  const kit = releaseCommandKit(environment, state, afterChange, live);

  return [
    {
      id: 'promptops.promote',
      run: (argument?: unknown, version?: unknown, label?: unknown, note?: unknown) => kit.withFile('promote the version', argument, (file, target) => promoteOnFile(kit, file, target, version, label, note)),
    },
    {
      id: 'promptops.rollback',
      run: (argument?: unknown, label?: unknown, toVersion?: unknown) => kit.withFile('roll back', argument, (file, target) => rollbackOnFile(kit, file, target, label, toVersion)),
    },
    {
      id: 'promptops.setCanary',
      run: (argument?: unknown, version?: unknown, label?: unknown, weight?: unknown) => kit.withFile('set the canary', argument, (file, target) => setCanaryOnFile(kit, file, target, { version, label, weight })),
    },
    {
      id: 'promptops.showAuditLog',
      run: async (argument?: unknown) => {
        if (!requireTrust('show the audit log')) return undefined;
        const target = commandTargetOf(argument);
        const repositories = await state.repositories();
        const repository = target ? await state.repositoryOf(target.uri.fsPath) : repositories[0];
        if (!repository) {
          void questions.tell('information', 'No Git repository with a release manifest is open.');
          return undefined;
        }
        let prompt: string | undefined;
        if (target) {
          prompt = (
            await history.file(target.uri.fsPath).catch((error: unknown) => {
              // The repository's whole audit log still opens; the log says why it is not narrowed to the prompt.
              state.log.warning(`PromptOps could not read ${target.uri.fsPath} as a prompt, so the audit log shows every prompt of its repository.`, error);
              return undefined;
            })
          )?.promptId;
        }
        return auditLogs.open(repository.workspace.repository.root, prompt);
      },
    },
  ];
}
