import type { AbbreviateCommit } from './commitAbbreviation';
import { labelNameProblem } from './labelName';
import type { CanaryTarget, ReleaseEvent, ReleaseManifest, ReleaseTarget } from './releaseManifest';

/** When, by whom and why a label moves: the parts of an event the caller supplies. */
export interface EventStamp {
  /** ISO 8601. */
  readonly at: string;
  /** `user.name <user.email>`. */
  readonly by: string;
  readonly note?: string | undefined;
  /** The check error an emergency release (`--allow-errors`) went past, recorded in its event. */
  readonly allowedError?: string | undefined;
}

/** A change to the manifest: what the label and its canary become, and the events that record it. */
export interface ReleaseMove {
  readonly prompt: string;
  readonly label: string;
  readonly setLabel?: ReleaseTarget;
  readonly setCanary?: CanaryTarget;
  readonly clearCanary?: boolean;
  /** Appended to the audit log in this order. */
  readonly events: readonly ReleaseEvent[];
}

/** What a requested move comes to: a change, nothing to do, or a refusal in one sentence. */
export type MovePlan =
  | { readonly kind: 'move'; readonly move: ReleaseMove }
  | { readonly kind: 'unchanged'; readonly message: string }
  | { readonly kind: 'refused'; readonly reason: string };

interface LabelRequest {
  readonly prompt: string;
  readonly label: string;
  readonly stamp: EventStamp;
  /** Abbreviates the commits the plan's sentences name. */
  readonly short: AbbreviateCommit;
}

/**
 * Plans pointing a label at a committed version. Promoting the version the label's canary serves
 * completes that canary: it is cleared along with the promote, whose event says it all (the canary's
 * version now serves every request). An event never goes from a commit to the same commit: a label
 * already at the version is left as it is.
 */
export function planPromote(manifest: ReleaseManifest, request: LabelRequest & { readonly target: ReleaseTarget }): MovePlan {
  const { prompt, label, target, stamp } = request;
  const nameProblem = labelNameProblem(label);
  if (nameProblem) return { kind: 'refused', reason: nameProblem };
  const entry = manifest.prompts.get(prompt);
  const current = entry?.labels.get(label);
  if (current && current.commit === target.commit) return { kind: 'unchanged', message: alreadyAt(request, target) };
  const completesCanary = entry?.canaries.get(label)?.commit === target.commit;
  const events: ReleaseEvent[] = [event(stamp, 'promote', request, current?.commit ?? null, target)];
  return { kind: 'move', move: { prompt, label, setLabel: plainTarget(target), ...(completesCanary ? { clearCanary: true } : {}), events } };
}

/**
 * Plans returning a label to an earlier version that `chooseRollbackTarget` picked and the caller
 * located; a canary of that very version ends with it, as a promote of it would end it.
 */
export function planRollback(manifest: ReleaseManifest, request: LabelRequest & { readonly target: ReleaseTarget }): MovePlan {
  const { prompt, label, target, stamp } = request;
  const entry = manifest.prompts.get(prompt);
  const current = entry?.labels.get(label);
  if (!current) return { kind: 'refused', reason: `${prompt} has no label ${label}, so there is nothing to roll back.` };
  if (current.commit === target.commit) return { kind: 'unchanged', message: alreadyAt(request, target) };
  const endsCanary = entry?.canaries.get(label)?.commit === target.commit;
  return { kind: 'move', move: { prompt, label, setLabel: plainTarget(target), ...(endsCanary ? { clearCanary: true } : {}), events: [event(stamp, 'rollback', request, current.commit, target)] } };
}

function alreadyAt({ prompt, label, short }: LabelRequest, target: ReleaseTarget): string {
  return `${prompt} ${label} is already at ${short(target.commit)}.`;
}

/** Plans serving another version to `weight` percent of a label's traffic; the label itself must exist and serve a different version. */
export function planCanary(manifest: ReleaseManifest, request: LabelRequest & { readonly target: ReleaseTarget; readonly weight: number }): MovePlan {
  const { prompt, label, target, weight, stamp, short } = request;
  const nameProblem = labelNameProblem(label);
  if (nameProblem) return { kind: 'refused', reason: nameProblem };
  if (!Number.isInteger(weight) || weight < 1 || weight > 99) return { kind: 'refused', reason: `A canary weight is a whole percentage from 1 to 99, not ${weight}.` };
  const entry = manifest.prompts.get(prompt);
  const stable = entry?.labels.get(label);
  if (!stable) return { kind: 'refused', reason: `${prompt} has no label ${label} to split traffic with; promote a version to ${label} first.` };
  const existing = entry?.canaries.get(label);
  if (stable.commit === target.commit) {
    // With a canary running, the label's own version does not serve all traffic: say what it serves.
    const serves = existing ? `${short(target.commit)} to ${100 - existing.weight}% of traffic (its canary ${short(existing.commit)} takes ${existing.weight}%)` : `${short(target.commit)} to all traffic`;
    return { kind: 'refused', reason: `${prompt} ${label} already serves ${serves}; a canary needs another version.` };
  }
  if (existing && sameTarget(existing, target) && existing.weight === weight) {
    return { kind: 'unchanged', message: `${prompt} ${label} already serves ${short(target.commit)} to ${weight}% of traffic.` };
  }
  const canary: CanaryTarget = { ...plainTarget(target), weight };
  return { kind: 'move', move: { prompt, label, setCanary: canary, events: [{ ...event(stamp, 'canary', request, stable.commit, target), weight }] } };
}

/** Plans ending a label's canary, so the label serves its own version to all traffic again. */
export function planCanaryClear(manifest: ReleaseManifest, request: LabelRequest): MovePlan {
  const { prompt, label, stamp, short } = request;
  const nameProblem = labelNameProblem(label);
  if (nameProblem) return { kind: 'refused', reason: nameProblem };
  const entry = manifest.prompts.get(prompt);
  const canary = entry?.canaries.get(label);
  const stable = entry?.labels.get(label);
  if (!canary || !stable) return { kind: 'refused', reason: `${prompt} ${label} has no canary to clear.` };
  if (canary.commit === stable.commit) {
    return { kind: 'refused', reason: `The canary of ${prompt} ${label} serves ${short(stable.commit)}, the label's own version, which no move of promptops leaves behind; remove it from the manifest in a reviewed change.` };
  }
  return { kind: 'move', move: { prompt, label, clearCanary: true, events: [event(stamp, 'canary-clear', request, canary.commit, stable)] } };
}

function event(stamp: EventStamp, action: ReleaseEvent['action'], request: LabelRequest, from: string | null, to: ReleaseTarget): ReleaseEvent {
  return {
    at: stamp.at,
    by: stamp.by,
    action,
    prompt: request.prompt,
    label: request.label,
    from,
    to: to.commit,
    sha256: to.sha256,
    note: stamp.note ?? '',
    ...(stamp.allowedError === undefined ? {} : { allowedError: stamp.allowedError }),
  };
}

function sameTarget(a: ReleaseTarget, b: ReleaseTarget): boolean {
  return a.commit === b.commit && a.path === b.path && a.sha256 === b.sha256;
}

/** A target without the source ranges it was read with. */
function plainTarget(target: ReleaseTarget): ReleaseTarget {
  return { commit: target.commit, path: target.path, sha256: target.sha256 };
}
