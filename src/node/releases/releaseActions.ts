import type { BreakingChange } from '../../core/releases/breakingChanges';
import type { ParsedReleaseManifest } from '../../core/releases/manifestParser';
import { manifestCommits, type AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import { chooseRollbackTarget, type RollbackChoice } from '../../core/releases/promotionHistory';
import type { ReleaseManifest } from '../../core/releases/releaseManifest';
import { releaseCommitMessage } from '../../core/releases/releaseCommitMessage';
import { labelNameProblem } from '../../core/releases/labelName';
import { defaultLabel, type ReleaseTarget } from '../../core/releases/releaseManifest';
import { planCanary, planCanaryClear, planPromote, planRollback, type EventStamp, type MovePlan, type ReleaseMove } from '../../core/releases/releaseMoves';
import { ReleaseRefusal } from '../../core/releases/releaseRefusal';
import { commitAbbreviator } from '../git/commitAbbreviations';
import type { GitCallOptions } from '../git/gitRepository';
import type { PromptFileInRepository } from '../promptFileInRepository';
import { commitManifestAlone } from './manifestCommit';
import { changeManifestFile, readManifestFile, refuseManifestWithErrors } from './manifestFile';
import type { ManifestLockOptions } from './manifestLock';
import { releasePreflight } from './releasePreflight';
import { auditIdentity, breakingChangesBetween, locatePromptAt, resolveRollbackCommit } from './releaseTarget';

/** What every label move accepts. */
export interface ReleaseOptions extends GitCallOptions {
  /** The label to move; default `production`. */
  readonly label?: string | undefined;
  /** Why, recorded in the event and the commit message. */
  readonly note?: string | undefined;
  /** Commit the manifest alone after writing it. */
  readonly commit?: boolean | undefined;
  /** The clock events are stamped with; tests fix it. */
  readonly now?: (() => Date) | undefined;
  readonly lock?: ManifestLockOptions | undefined;
  /** Publishes the releases right after the manifest is written (and committed), still under its lock. */
  readonly publisher?: ReleasePublisher | undefined;
}

/** Where and how a move publishes the releases (e.g. flagd flags); when publishing fails, the move stands and the outcome says so. */
export interface ReleasePublisher {
  /** Where it publishes, as messages name it. */
  readonly to: string;
  publish(): Promise<void>;
}

/** Whether publishing after a move went through, or the one sentence it failed with. */
export type Publication = { readonly ok: true; readonly to: string } | { readonly ok: false; readonly to: string; readonly problem: string };

/** Asked before a promote or canary whose input changes can break callers; false cancels, and nothing is written. */
export type BreakingChangeConfirmation = (changes: readonly BreakingChange[], move: { readonly prompt: string; readonly label: string; readonly from: ReleaseTarget; readonly to: ReleaseTarget }) => boolean | Promise<boolean>;

/** What a label move came to; `short` is git's abbreviation of the commits it names. Refusals are thrown as ReleaseRefusal. */
export type ReleaseOutcome =
  | { readonly kind: 'applied'; readonly move: ReleaseMove; readonly breakingChanges: readonly BreakingChange[]; readonly commit?: string; readonly publication?: Publication; readonly short: AbbreviateCommit }
  | { readonly kind: 'unchanged'; readonly message: string }
  | { readonly kind: 'cancelled'; readonly breakingChanges: readonly BreakingChange[] };

export interface PromoteRequest extends ReleaseOptions {
  /** A commit-ish, a label name or `latest` (DESIGN §5); `WORKING` is refused. */
  readonly version: string;
  /** Release a version that does not pass check, in an emergency; its first error is recorded in the event. */
  readonly allowErrors?: boolean | undefined;
  /** Without it, breaking changes are reported in the outcome and the promote goes ahead. */
  readonly confirmBreakingChanges?: BreakingChangeConfirmation | undefined;
}

export interface RollbackRequest extends ReleaseOptions {
  /** An earlier version of the label's history to return to; default one step back. */
  readonly to?: string | undefined;
  /** The commit the label must still serve (what a confirmation showed); refused when it moved meanwhile. */
  readonly from?: string | undefined;
}

export interface CanaryRequest extends PromoteRequest {
  /** Percent of the label's traffic, an integer from 1 to 99. */
  readonly weight: number;
}

/** Points a label of the prompt at a committed version and appends a `promote` event (DESIGN §4). */
export async function promotePrompt(file: PromptFileInRepository, request: PromoteRequest): Promise<ReleaseOutcome> {
  const label = checkedLabel(request);
  const { target, allowedError } = await releasePreflight(file, request.version, request);
  const check = await checkBreakingChanges(file, label, target, request);
  if (!check.confirmed) return { kind: 'cancelled', breakingChanges: check.changes };
  const stamp = { ...(await stampOf(file, request)), ...(allowedError === undefined ? {} : { allowedError }) };
  return moveLabel(file, request, check.changes, (parsed, short) => planPromote(parsed.manifest, { prompt: file.promptId, label, target, stamp, short }), [target.commit]);
}

/** Serves another version to `weight` percent of a label's traffic and appends a `canary` event. */
export async function setCanary(file: PromptFileInRepository, request: CanaryRequest): Promise<ReleaseOutcome> {
  const label = checkedLabel(request);
  const { target, allowedError } = await releasePreflight(file, request.version, request);
  const check = await checkBreakingChanges(file, label, target, request);
  if (!check.confirmed) return { kind: 'cancelled', breakingChanges: check.changes };
  const stamp = { ...(await stampOf(file, request)), ...(allowedError === undefined ? {} : { allowedError }) };
  return moveLabel(file, request, check.changes, (parsed, short) => planCanary(parsed.manifest, { prompt: file.promptId, label, target, weight: request.weight, stamp, short }), [target.commit]);
}

/** Ends a label's canary and appends a `canary-clear` event. */
export async function clearCanary(file: PromptFileInRepository, request: ReleaseOptions): Promise<ReleaseOutcome> {
  const label = checkedLabel(request);
  const stamp = await stampOf(file, request);
  return moveLabel(file, request, [], (parsed, short) => planCanaryClear(parsed.manifest, { prompt: file.promptId, label, stamp, short }));
}

/**
 * Moves a label one step back in its own promotion history, or to the earlier version `to` names,
 * and appends a `rollback` event. Breaking changes are reported, never asked about: a rollback
 * returns to a version the label served before, and it must be quick.
 */
export async function rollbackPrompt(file: PromptFileInRepository, request: RollbackRequest): Promise<ReleaseOutcome> {
  const label = checkedLabel(request);
  refuseManifestWithErrors(file.releasesFile, readManifestFile(file.manifestFile).parsed);
  const to = await rollbackCommitOf(file, request);
  const stamp = await stampOf(file, request);
  let breakingChanges: BreakingChange[] = [];
  return moveLabel(file, request, () => breakingChanges, async (parsed, short) => {
    const choice = rollbackChoiceIn(parsed.manifest, file, label, to, short);
    if (choice.kind !== 'target') return choice;
    if (request.from !== undefined && choice.current.commit !== request.from) {
      return { kind: 'refused', reason: `${file.promptId} ${label} now serves ${short(choice.current.commit)}, not the ${short(request.from)} this rollback was confirmed from; nothing was changed.` };
    }
    const target = await locatePromptAt(file, choice.target.commit, request);
    // A version served before the log began has no recorded hash to hold it to.
    const recorded = choice.target.sha256;
    if (recorded !== undefined && target.sha256 !== recorded) {
      return {
        kind: 'refused',
        reason: `${target.path} at ${short(target.commit)} has SHA-256 ${target.sha256.slice(0, 12)}…, not the ${recorded.slice(0, 12)}… the audit log recorded, so the history was rewritten; promote the version you want instead.`,
      };
    }
    breakingChanges = await breakingChangesBetween(file, choice.current, target, request);
    return planRollback(parsed.manifest, { prompt: file.promptId, label, target, stamp, short });
  }, [...(to === undefined ? [] : [to]), ...(request.from === undefined ? [] : [request.from])]);
}

/**
 * What a rollback would do, chosen exactly as `rollbackPrompt` chooses it (the manifest as it is now,
 * `to` resolved as a VERSION), so a confirmation can show the very target the move will apply.
 */
export async function chooseRollback(file: PromptFileInRepository, request: RollbackRequest): Promise<RollbackChoice> {
  const label = checkedLabel(request);
  const parsed = readManifestFile(file.manifestFile).parsed;
  refuseManifestWithErrors(file.releasesFile, parsed);
  const to = await rollbackCommitOf(file, request);
  const short = await commitAbbreviator(file.repository, [...manifestCommits(parsed.manifest), ...(to === undefined ? [] : [to])], request);
  return rollbackChoiceIn(parsed.manifest, file, label, to, short);
}

/** The full commit a rollback request's `to` names, if any. */
function rollbackCommitOf(file: PromptFileInRepository, request: RollbackRequest): Promise<string | undefined> {
  return request.to === undefined ? Promise.resolve(undefined) : resolveRollbackCommit(file, request.to, request);
}

function rollbackChoiceIn(manifest: ReleaseManifest, file: PromptFileInRepository, label: string, to: string | undefined, short: AbbreviateCommit): RollbackChoice {
  return chooseRollbackTarget(manifest, { prompt: file.promptId, label, to, short });
}

/** The label of a request, refused when its name breaks the rules or is reserved. */
function checkedLabel(request: ReleaseOptions): string {
  const label = request.label ?? defaultLabel;
  const problem = labelNameProblem(label);
  if (problem) throw new ReleaseRefusal(problem);
  return label;
}

/**
 * The breaking changes between what the label serves now and `target`, and whether the caller's
 * confirmation accepted them; a manifest with errors is refused here, before anyone is asked.
 */
async function checkBreakingChanges(file: PromptFileInRepository, label: string, target: ReleaseTarget, request: PromoteRequest): Promise<{ changes: BreakingChange[]; confirmed: boolean }> {
  const parsed = readManifestFile(file.manifestFile).parsed;
  refuseManifestWithErrors(file.releasesFile, parsed);
  const current = parsed.manifest.prompts.get(file.promptId)?.labels.get(label);
  if (!current) return { changes: [], confirmed: true };
  const changes = await breakingChangesBetween(file, current, target, request);
  if (changes.length === 0 || !request.confirmBreakingChanges) return { changes, confirmed: true };
  return { changes, confirmed: await request.confirmBreakingChanges(changes, { prompt: file.promptId, label, from: current, to: target }) };
}

async function stampOf(file: PromptFileInRepository, request: ReleaseOptions): Promise<EventStamp> {
  const by = await auditIdentity(file, request);
  const at = (request.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return { at, by, note: request.note?.trim() ?? '' };
}

/**
 * Plans and writes a move under the manifest lock, committing the manifest alone when asked. The plan's
 * sentences abbreviate commits as git does, learnt for the manifest's commits and `named` in one call.
 */
async function moveLabel(
  file: PromptFileInRepository,
  request: ReleaseOptions,
  breakingChanges: readonly BreakingChange[] | (() => readonly BreakingChange[]),
  plan: (parsed: ParsedReleaseManifest, short: AbbreviateCommit) => MovePlan | Promise<MovePlan>,
  named: readonly string[] = [],
): Promise<ReleaseOutcome> {
  const decide = async (parsed: ParsedReleaseManifest): Promise<MovePlan> => plan(parsed, await commitAbbreviator(file.repository, [...manifestCommits(parsed.manifest), ...named], request));
  let commit: string | undefined;
  let publication: Publication | undefined;
  const { publisher } = request;
  const decided = await changeManifestFile(file.manifestFile, decide, {
    displayName: file.releasesFile,
    lock: request.lock,
    afterWrite:
      request.commit || publisher
        ? async (move) => {
            if (request.commit) {
              const short = await commitAbbreviator(file.repository, movedCommits(move), request);
              commit = await commitManifestAlone(file.repository, file.releasesFile, releaseCommitMessage(move, short), request);
            }
            // Never thrown: a publish that fails must not put the manifest back, the move is made.
            if (publisher) publication = await publishedOrProblem(publisher);
          }
        : undefined,
  });
  if (decided.kind === 'refused') throw new ReleaseRefusal(decided.reason);
  if (decided.kind === 'unchanged') return decided;
  const changes = typeof breakingChanges === 'function' ? breakingChanges() : breakingChanges;
  // Learnt after the manifest commit, which can itself make an abbreviation ambiguous.
  const short = await commitAbbreviator(file.repository, [...movedCommits(decided.move), ...(commit === undefined ? [] : [commit])], request);
  return { kind: 'applied', move: decided.move, breakingChanges: changes, ...(commit !== undefined ? { commit } : {}), ...(publication ? { publication } : {}), short };
}

/** The commits a move's events and targets name. */
function movedCommits(move: ReleaseMove): string[] {
  return [...move.events.flatMap((event) => (event.from === null ? [event.to] : [event.from, event.to])), ...(move.setLabel ? [move.setLabel.commit] : [])];
}

async function publishedOrProblem(publisher: ReleasePublisher): Promise<Publication> {
  try {
    await publisher.publish();
    return { ok: true, to: publisher.to };
  } catch (error) {
    return { ok: false, to: publisher.to, problem: error instanceof Error ? error.message : String(error) };
  }
}
