import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BreakingChange } from '../../core/releases/breakingChanges';
import { releaseMoveSentences } from '../../core/releases/releaseEventSentence';
import type { ReleaseEvent, ReleaseManifest, ReleaseTarget } from '../../core/releases/releaseManifest';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import type { Position } from '../../core/document/textDocument';
import type { PromptFileInRepository } from '../../node/promptFileInRepository';
import { manifestReleaseProblem, readManifestFile } from '../../node/releases/manifestFile';
import type { ReleaseOutcome, ReleasePublisher } from '../../node/releases/releaseActions';
import { releaseWorkspaceOf } from '../../node/releases/releaseWorkspace';
import { withPromptFile, type CommandEnvironment, type CommandTarget } from '../commands/commandArguments';
import { displayText } from '../displayText';
import { confirmReleasesSetting as confirmSetting } from '../settings';
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
export function manifestBeforeAsking(file: PromptFileInRepository): ReleaseManifest {
  const problem = manifestReleaseProblem(file.manifestFile, file.releasesFile);
  if (problem) throw new ManifestRefusal(problem.message, file.manifestFile, problem.position);
  return readManifestFile(file.manifestFile).parsed.manifest;
}

/** The confirmation's lines about breaking changes, if any. */
export function breakingChangeLines(changes: readonly BreakingChange[]): string {
  return changes.length === 0 ? '' : `\n\nThis can break callers:\n${changes.map((change) => `• ${change.message}`).join('\n')}`;
}

/** The confirmation's line about the note. */
export function noteLine(note: string | undefined): string {
  return note ? `\n\nNote: ${displayText(note)}` : '\n\nNo note.';
}

/** The event a move would append, for the note's placeholder (its default sentence). */
export function plannedEvent(file: PromptFileInRepository, action: ReleaseEvent['action'], label: string, from: string | null, to: ReleaseTarget, weight?: number): ReleaseEvent {
  return {
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
  };
}

/** What every release command uses: asking for a note, confirming, reporting, refusing, and running on a prompt file. */
export interface ReleaseCommandKit {
  readonly environment: CommandEnvironment;
  /** A commit as the views abbreviate it. */
  short(commit: string): string;
  /** With promptops.publish.flagsFile set, every move publishes; checked before anything is asked. */
  publisherFor(file: PromptFileInRepository): Promise<ReleasePublisher | undefined>;
  /** Asks for the note of an event (one optional input box); Escape or an empty answer is no note. */
  askNote(defaultSentence: string): Promise<string | undefined>;
  /** Confirms a change last, unless the setting turned confirmations off. */
  confirm(message: string, detail: string, button: string): Promise<boolean>;
  /** After a move (published already when live delivery is on): tells the user what it did and hands the outcome to the caller. */
  finish(file: PromptFileInRepository, outcome: ReleaseOutcome): Promise<ReleaseOutcome>;
  /** Runs a release command on a prompt file; a ReleaseRefusal it throws is shown and returned as a refusal. */
  withFile<T>(action: string, argument: unknown, work: (file: PromptFileInRepository, target: CommandTarget) => Promise<T>): Promise<T | ReleaseCommandRefusal | undefined>;
}

/** The release commands' shared steps, bound to the environment, the release state and live publishing. */
export function releaseCommandKit(environment: CommandEnvironment, state: ReleaseState, afterChange: () => void, live: LivePublishing): ReleaseCommandKit {
  const { history, questions } = environment;
  const short = (commit: string): string => history.shortShas.of(commit);

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

  return {
    environment,
    short,
    publisherFor: (file) => live.publisherFor(releaseWorkspaceOf(file)),
    askNote: async (defaultSentence) => {
      // Dismissing the box means "no note" and the release goes on, so a click elsewhere must not dismiss it: only Escape or Enter does.
      const typed = await questions.input({ prompt: 'Note for the audit log (optional): why this change? Escape or Enter on an empty box: no note.', placeHolder: defaultSentence, ignoreFocusOut: true });
      const note = typed?.trim();
      return note ? note : undefined;
    },
    confirm: (message, detail, button) => (confirmSetting() ? questions.confirm(message, detail, button) : Promise.resolve(true)),
    finish: async (file, outcome) => {
      report(outcome, file.releasesFile);
      return outcome;
    },
    // Each release command reads labels afresh, and every view shows what it changed, even when it failed halfway.
    withFile: async <T>(action: string, argument: unknown, work: (file: PromptFileInRepository, target: CommandTarget) => Promise<T>): Promise<T | ReleaseCommandRefusal | undefined> => {
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
    },
  };
}
