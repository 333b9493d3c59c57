import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BreakingChange } from '../../core/releases/breakingChanges';
import { releaseEventSentence, releaseMoveSentences } from '../../core/releases/releaseEventSentence';
import { planCanary } from '../../core/releases/releaseMoves';
import type { ReleaseEvent, ReleaseManifest, ReleaseTarget } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import type { Position } from '../../core/document/textDocument';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { manifestReleaseProblem, readManifestFile } from '../../node/releases/manifestFile';
import { chooseRollback, clearCanary, promotePrompt, rollbackPrompt, setCanary, type ReleaseOutcome } from '../../node/releases/releaseActions';
import { releaseWorkspaceOf } from '../../node/releases/releaseWorkspace';
import { releasePreflight } from '../../node/releases/releasePreflight';
import { breakingChangesBetween } from '../../node/releases/releaseTarget';
import { commandTargetOf, optionalString, withPromptFile, type CommandEnvironment, type CommandTarget } from '../commands/commandArguments';
import { pickLabel } from '../commands/labelPicker';
import type { PromptOpsCommand } from '../commands/promptOpsCommand';
import { pickVersion, type VersionItem } from '../commands/versionPicker';
import { displayText } from '../displayText';
import { commitReleasesSetting as commitSetting, confirmReleasesSetting as confirmSetting } from '../settings';
import { versionUri } from '../versions/versionUri';
import { requireTrust } from '../workspaceTrust';
import type { AuditLogViews } from './auditLogView';
import type { LivePublishing } from './livePublishing';
import type { ReleaseState } from './releaseState';


/** What a release command returns when it refuses: the sentence it showed, so callers (tests, other extensions) know why. */
export interface ReleaseCommandRefusal {
  readonly kind: 'refused';
  readonly reason: string;
}

/** A manifest no label can move in, with where its first problem is, so the refusal can open it there. */
class ManifestRefusal extends ReleaseRefusal {
  constructor(
    message: string,
    readonly manifestFile: string,
    readonly position: Position | undefined,
  ) {
    super(message);
  }
}

/** The manifest a release reads, refused before anything is asked when it cannot be read or has errors. */
function manifestBeforeAsking(file: PromptFileInRepository): ReleaseManifest {
  const problem = manifestReleaseProblem(file.manifestFile, file.releasesFile);
  if (problem) throw new ManifestRefusal(problem.message, file.manifestFile, problem.position);
  return readManifestFile(file.manifestFile).parsed.manifest;
}

function breakingChangeLines(changes: readonly BreakingChange[]): string {
  return changes.length === 0 ? '' : `\n\nThis can break callers:\n${changes.map((change) => `• ${change.message}`).join('\n')}`;
}

function noteLine(note: string | undefined): string {
  return note ? `\n\nNote: ${displayText(note)}` : '\n\nNo note.';
}

/**
 * promote, rollback, setCanary and showAuditLog (DESIGN §6): complete arguments ask nothing; missing
 * ones are asked for (the prompt, the version, the label, the weight, then an optional note), and
 * the change is confirmed last. Everything that would refuse is checked before anyone is asked.
 */
export function releaseCommands(environment: CommandEnvironment, state: ReleaseState, auditLogs: AuditLogViews, afterChange: () => void, live: LivePublishing): PromptOpsCommand[] {
  const { history, questions } = environment;
  // With promptops.publish.flagsFile set, every move publishes; checked before anything is asked.
  const publisherFor = (file: PromptFileInRepository) => live.publisherFor(releaseWorkspaceOf(file));
  const short = (commit: string): string => history.shortShas.of(commit);

  /** Asks for the note of an event (one optional input box); Escape or an empty answer is no note. */
  const askNote = async (defaultSentence: string): Promise<string | undefined> => {
    const typed = await questions.input({ prompt: 'Note for the audit log (optional): why this change? Escape or Enter on an empty box: no note.', placeHolder: defaultSentence });
    const note = typed?.trim();
    return note ? note : undefined;
  };

  /** Confirms a change last, unless the setting turned confirmations off. */
  const confirm = (message: string, detail: string, button: string): Promise<boolean> => (confirmSetting() ? questions.confirm(message, detail, button) : Promise.resolve(true));

  /** Tells the user what a release command did, with any breaking change it went ahead with. */
  const report = (outcome: ReleaseOutcome, releasesFile: string): void => {
    if (outcome.kind === 'unchanged') void questions.tell('information', displayText(outcome.message));
    if (outcome.kind !== 'applied') return;
    const summary = releaseMoveSentences(outcome.move, outcome.short).join(' ').replace(/\.$/, '');
    const committed = outcome.commit ? `; committed the manifest as ${outcome.short(outcome.commit)}` : `; ${releasesFile} is changed, not committed`;
    const published = outcome.publication?.ok ? `; published to ${outcome.publication.to}` : '';
    void questions.tell('information', displayText(`${summary}${committed}${published}.${outcome.breakingChanges.length > 0 ? ` Breaking: ${outcome.breakingChanges.map((change) => change.message).join(' ')}` : ''}`));
    if (outcome.publication && !outcome.publication.ok) {
      // The move stands: services keep serving the old flags until a publish goes through.
      void questions.tell('error', `Publishing to ${displayText(outcome.publication.to)} failed: ${displayText(outcome.publication.problem)} The move stands in ${releasesFile}; running services still serve the previous flags.`);
    }
  };

  /** After a move (published already when live delivery is on): tells the user what it did and hands the outcome to the caller. */
  const finish = async (file: PromptFileInRepository, outcome: ReleaseOutcome): Promise<ReleaseOutcome> => {
    report(outcome, file.releasesFile);
    return outcome;
  };

  /** Shows a refusal; one about the manifest offers to open it at its first problem. */
  const refuse = (action: string, refusal: ReleaseRefusal): ReleaseCommandRefusal => {
    const text = `PromptOps could not ${action}: ${displayText(refusal.message)}`;
    if (refusal instanceof ManifestRefusal) {
      const open = `Open ${path.basename(refusal.manifestFile)}`;
      void questions.tell('error', text, open).then(async (chosen) => {
        if (chosen !== open) return;
        const at = refusal.position ? new vscode.Position(refusal.position.line, refusal.position.character) : new vscode.Position(0, 0);
        await vscode.window.showTextDocument(vscode.Uri.file(refusal.manifestFile), { selection: new vscode.Range(at, at) });
      });
    } else {
      void questions.tell('error', text);
    }
    return { kind: 'refused', reason: refusal.message };
  };

  // Each release command reads labels afresh, and every view shows what it changed, even when it failed halfway.
  const withFile = async <T>(action: string, argument: unknown, work: (file: PromptFileInRepository, target: CommandTarget) => Promise<T>): Promise<T | ReleaseCommandRefusal | undefined> => {
    history.clear();
    try {
      return await withPromptFile(environment, action, argument, async (file, target): Promise<T | ReleaseCommandRefusal> => {
        try {
          return await work(file, target);
        } catch (error) {
          if (!(error instanceof ReleaseRefusal)) throw error;
          return refuse(action, error);
        }
      });
    } finally {
      state.invalidate();
      afterChange();
    }
  };

  /** The event a move would append, for the note's placeholder (its default sentence). */
  const plannedEvent = (file: PromptFileInRepository, action: ReleaseEvent['action'], label: string, from: string | null, to: ReleaseTarget, weight?: number): ReleaseEvent => ({
    at: '',
    by: '',
    action,
    prompt: file.promptId,
    label,
    from,
    to: to.commit,
    sha256: to.sha256,
    note: '',
    ...(weight === undefined ? {} : { weight }),
  });

  return [
    {
      id: 'promptops.promote',
      run: (argument?: unknown, version?: unknown, label?: unknown, note?: unknown) =>
        withFile('promote the version', argument, async (file, target) => {
          const manifest = manifestBeforeAsking(file);
          const publisher = await publisherFor(file);
          const complete = optionalString(version) !== undefined && optionalString(label) !== undefined;
          const wanted = optionalString(version) ?? target.version ?? (await pickVersion(environment, file, `Promote which version of ${displayText(file.promptId)}?`, { includeWorking: false }));
          if (!wanted) return undefined;
          if (complete) return finish(file, await promotePrompt(file, { version: wanted, label: optionalString(label), note: optionalString(note), commit: commitSetting(), publisher }));
          // Everything that would refuse the promote is checked before the user is asked anything more.
          const to = (await releasePreflight(file, wanted)).target;
          await history.shortShas.learn(file.repository, [to.commit]);
          const labelName = optionalString(label) ?? target.label ?? (await pickLabel(environment, file, `Promote ${short(to.commit)} of ${displayText(file.promptId)} to which label?`, { allowNew: true, manifest }));
          if (!labelName) return undefined;
          const current = manifest.prompts.get(file.promptId)?.labels.get(labelName);
          if (current?.commit === to.commit) return finish(file, { kind: 'unchanged', message: `${file.promptId} ${labelName} is already at ${short(to.commit)}.` });
          let changes: BreakingChange[] = [];
          if (current) {
            changes = await breakingChangesBetween(file, current, to);
            // Show what the label will change before asking.
            const from = await history.resolve(file, current.commit);
            const toVersion = await history.resolve(file, to.commit);
            await vscode.commands.executeCommand('vscode.diff', versionUri(history.referenceTo(file, from)), versionUri(history.referenceTo(file, toVersion)), `${path.posix.basename(file.path)}: ${labelName} now ↔ after promote`);
          }
          const chosenNote = optionalString(note) ?? (await askNote(releaseEventSentence(plannedEvent(file, 'promote', labelName, current?.commit ?? null, to), short)));
          const move = `${current ? short(current.commit) : 'a new label'} → ${short(to.commit)}`;
          if (!(await confirm(`Promote ${displayText(file.promptId)} to ${labelName}?`, `${move}${breakingChangeLines(changes)}${noteLine(chosenNote)}`, 'Promote'))) return undefined;
          return finish(file, await promotePrompt(file, { version: to.commit, label: labelName, note: chosenNote, commit: commitSetting(), publisher }));
        }),
    },
    {
      id: 'promptops.rollback',
      run: (argument?: unknown, label?: unknown, toVersion?: unknown) =>
        withFile('roll back', argument, async (file, target) => {
          const manifest = manifestBeforeAsking(file);
          const publisher = await publisherFor(file);
          const complete = optionalString(label) !== undefined;
          const to = optionalString(toVersion);
          if (complete) return finish(file, await rollbackPrompt(file, { label: optionalString(label), to, commit: commitSetting(), publisher }));
          const labelName = target.label ?? (await pickLabel(environment, file, `Roll back which label of ${displayText(file.promptId)}?`, { allowNew: false, manifest }));
          if (!labelName) return undefined;
          // The confirmation shows what the move will apply: the same choice, and the move refuses if the label moves meanwhile.
          const choice = await chooseRollback(file, { label: labelName, to });
          if (choice.kind === 'refused') throw new ReleaseRefusal(choice.reason);
          if (choice.kind === 'unchanged') return finish(file, choice);
          await history.shortShas.learn(file.repository, [choice.current.commit, choice.target.commit]);
          const sentence = releaseEventSentence(plannedEvent(file, 'rollback', labelName, choice.current.commit, { commit: choice.target.commit, path: choice.current.path, sha256: choice.target.sha256 ?? '' }), short);
          const chosenNote = await askNote(sentence);
          if (!(await confirm(`Roll ${displayText(file.promptId)} ${labelName} back?`, `${short(choice.current.commit)} → ${short(choice.target.commit)}${noteLine(chosenNote)}`, 'Roll Back'))) return undefined;
          return finish(file, await rollbackPrompt(file, { label: labelName, to: choice.target.commit, from: choice.current.commit, note: chosenNote, commit: commitSetting(), publisher }));
        }),
    },
    {
      id: 'promptops.setCanary',
      run: (argument?: unknown, version?: unknown, label?: unknown, weight?: unknown) =>
        withFile('set the canary', argument, async (file, target) => {
          const manifest = manifestBeforeAsking(file);
          const publisher = await publisherFor(file);
          const complete = optionalString(version) !== undefined && optionalString(label) !== undefined && typeof weight === 'number';
          if (complete) {
            const outcome = weight === 0 ? await clearCanary(file, { label: optionalString(label), commit: commitSetting(), publisher }) : await setCanary(file, { version: optionalString(version) ?? '', label: optionalString(label), weight, commit: commitSetting(), publisher });
            return finish(file, outcome);
          }
          // A version already named is checked before anything is asked.
          const given = optionalString(version) ?? target.version;
          if (given !== undefined && weight !== 0) await releasePreflight(file, given);
          // A canary splits an existing label: no new one is offered.
          const labelName = optionalString(label) ?? target.label ?? (await pickLabel(environment, file, `Canary which label of ${displayText(file.promptId)}?`, { allowNew: false, manifest }));
          if (!labelName) return undefined;
          const releases = manifest.prompts.get(file.promptId);
          const stable = releases?.labels.get(labelName);
          if (!stable) throw new ReleaseRefusal(`${file.promptId} has no label ${labelName} to split traffic with; promote a version to ${labelName} first.`);
          const existing = releases?.canaries.get(labelName);
          await history.shortShas.learn(file.repository, [stable.commit, ...(existing ? [existing.commit] : [])]);
          const endCanary = async (): Promise<ReleaseOutcome | undefined> => {
            if (!existing) throw new ReleaseRefusal(`${file.promptId} ${labelName} has no canary to end.`);
            const sentence = releaseEventSentence(plannedEvent(file, 'canary-clear', labelName, existing.commit, stable), short);
            const chosenNote = await askNote(sentence);
            if (!(await confirm(`End the canary of ${displayText(file.promptId)} ${labelName}?`, `All traffic returns to ${short(stable.commit)}; ${short(existing.commit)} stops serving its ${existing.weight}%.${noteLine(chosenNote)}`, 'End Canary'))) return undefined;
            return finish(file, await clearCanary(file, { label: labelName, note: chosenNote, commit: commitSetting(), publisher }));
          };
          if (weight === 0) return endCanary();
          // The version first, never the one the label already serves; then the weight.
          const endItem: VersionItem = { label: '$(close) End the canary', description: `all traffic back to ${short(stable.commit)}`, version: '' };
          const wanted =
            given ??
            (await pickVersion(environment, file, `Canary which version on ${labelName} (which serves ${short(stable.commit)})?`, {
              includeWorking: false,
              exclude: new Set([stable.commit]),
              ...(existing ? { first: [endItem], note: (commit: string) => (commit === existing.commit ? `the canary now, ${existing.weight}%` : undefined) } : {}),
            }));
          if (wanted === undefined) return undefined;
          if (wanted === '') return endCanary();
          const to = (await releasePreflight(file, wanted)).target;
          await history.shortShas.learn(file.repository, [to.commit]);
          // The label's own version is refused in the words promptops canary uses (which say when a canary runs).
          const plan = planCanary(manifest, { prompt: file.promptId, label: labelName, target: to, weight: 1, stamp: { at: '', by: '' }, short });
          if (plan.kind === 'refused') throw new ReleaseRefusal(plan.reason);
          let percent = typeof weight === 'number' ? weight : undefined;
          if (percent === undefined) {
            const typed = await questions.input({
              prompt: `Percent of ${labelName} traffic for ${short(to.commit)} (1–99; 0 ends the canary)`,
              value: String(existing?.weight ?? 10),
              validateInput: (value) => (/^\d{1,2}$/.test(value.trim()) ? null : 'A whole number from 0 to 99.'),
            });
            if (typed === undefined) return undefined;
            percent = Number(typed.trim());
          }
          if (percent === 0) return endCanary();
          const changes = await breakingChangesBetween(file, stable, to);
          const sentence = releaseEventSentence(plannedEvent(file, 'canary', labelName, stable.commit, to, percent), short);
          const chosenNote = await askNote(sentence);
          const replaces = existing ? `\n\nThis replaces the ${existing.weight}% canary on ${short(existing.commit)}.` : '';
          const message = `Send ${percent}% of ${displayText(file.promptId)} ${labelName} traffic to ${short(to.commit)} (stable stays ${short(stable.commit)})?`;
          if (!(await confirm(message, `${replaces.trimStart()}${breakingChangeLines(changes)}${noteLine(chosenNote)}`.trimStart(), 'Set Canary'))) return undefined;
          return finish(file, await setCanary(file, { version: to.commit, label: labelName, weight: percent, note: chosenNote, commit: commitSetting(), publisher }));
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
