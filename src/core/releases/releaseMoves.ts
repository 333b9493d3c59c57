import { labelNameProblem } from './labelName';
import { shortSha } from './promotionHistory';
import type { CanaryTarget, ReleaseEvent, ReleaseManifest, ReleaseTarget } from './releaseManifest';

/** When, by whom and why a label moves: the parts of an event the caller supplies. */
export interface EventStamp {
  /** ISO 8601. */
  readonly at: string;
  /** `user.name <user.email>`. */
  readonly by: string;
  readonly note?: string | undefined;
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
}

/**
 * Plans pointing a label at a committed version. Promoting the version the label's canary serves
 * completes that canary, so the canary is cleared and a `canary-clear` event follows the promote.
 */
export function planPromote(manifest: ReleaseManifest, request: LabelRequest & { readonly target: ReleaseTarget }): MovePlan {
  const { prompt, label, target, stamp } = request;
  const nameProblem = labelNameProblem(label);
  if (nameProblem) return { kind: 'refused', reason: nameProblem };
  const entry = manifest.prompts.get(prompt);
  const current = entry?.labels.get(label);
  if (current && sameTarget(current, target)) return { kind: 'unchanged', message: `${prompt} ${label} already serves ${shortSha(target.commit)}.` };
  const events: ReleaseEvent[] = [event(stamp, 'promote', request, current?.commit ?? null, target)];
  const canary = entry?.canaries.get(label);
  const completesCanary = canary !== undefined && canary.commit === target.commit;
  if (completesCanary) {
    events.push(event({ ...stamp, note: `The canary is complete: ${label} serves ${shortSha(target.commit)} to all traffic.` }, 'canary-clear', request, canary.commit, target));
  }
  return { kind: 'move', move: { prompt, label, setLabel: plainTarget(target), ...(completesCanary ? { clearCanary: true } : {}), events } };
}

/** Plans returning a label to an earlier version that `chooseRollbackTarget` picked and the caller located. */
export function planRollback(manifest: ReleaseManifest, request: LabelRequest & { readonly target: ReleaseTarget }): MovePlan {
  const { prompt, label, target, stamp } = request;
  const current = manifest.prompts.get(prompt)?.labels.get(label);
  if (!current) return { kind: 'refused', reason: `${prompt} has no label ${label}, so there is nothing to roll back.` };
  if (sameTarget(current, target)) return { kind: 'unchanged', message: `${prompt} ${label} already serves ${shortSha(target.commit)}.` };
  return { kind: 'move', move: { prompt, label, setLabel: plainTarget(target), events: [event(stamp, 'rollback', request, current.commit, target)] } };
}

/** Plans serving another version to `weight` percent of a label's traffic; the label itself must exist and serve a different version. */
export function planCanary(manifest: ReleaseManifest, request: LabelRequest & { readonly target: ReleaseTarget; readonly weight: number }): MovePlan {
  const { prompt, label, target, weight, stamp } = request;
  const nameProblem = labelNameProblem(label);
  if (nameProblem) return { kind: 'refused', reason: nameProblem };
  if (!Number.isInteger(weight) || weight < 1 || weight > 99) return { kind: 'refused', reason: `A canary weight is a whole percentage from 1 to 99, not ${weight}.` };
  const entry = manifest.prompts.get(prompt);
  const stable = entry?.labels.get(label);
  if (!stable) return { kind: 'refused', reason: `${prompt} has no label ${label} to split traffic with; promote a version to ${label} first.` };
  if (stable.commit === target.commit) {
    return { kind: 'refused', reason: `${prompt} ${label} already serves ${shortSha(target.commit)} to all traffic; a canary needs another version.` };
  }
  const existing = entry?.canaries.get(label);
  if (existing && sameTarget(existing, target) && existing.weight === weight) {
    return { kind: 'unchanged', message: `${prompt} ${label} already serves ${shortSha(target.commit)} to ${weight}% of traffic.` };
  }
  const canary: CanaryTarget = { ...plainTarget(target), weight };
  return { kind: 'move', move: { prompt, label, setCanary: canary, events: [{ ...event(stamp, 'canary', request, stable.commit, target), weight }] } };
}

/** Plans ending a label's canary, so the label serves its own version to all traffic again. */
export function planCanaryClear(manifest: ReleaseManifest, request: LabelRequest): MovePlan {
  const { prompt, label, stamp } = request;
  const nameProblem = labelNameProblem(label);
  if (nameProblem) return { kind: 'refused', reason: nameProblem };
  const entry = manifest.prompts.get(prompt);
  const canary = entry?.canaries.get(label);
  const stable = entry?.labels.get(label);
  if (!canary || !stable) return { kind: 'refused', reason: `${prompt} ${label} has no canary to clear.` };
  return { kind: 'move', move: { prompt, label, clearCanary: true, events: [event(stamp, 'canary-clear', request, canary.commit, stable)] } };
}

function event(stamp: EventStamp, action: ReleaseEvent['action'], request: LabelRequest, from: string | null, to: ReleaseTarget): ReleaseEvent {
  return { at: stamp.at, by: stamp.by, action, prompt: request.prompt, label: request.label, from, to: to.commit, sha256: to.sha256, note: stamp.note ?? '' };
}

function sameTarget(a: ReleaseTarget, b: ReleaseTarget): boolean {
  return a.commit === b.commit && a.path === b.path && a.sha256 === b.sha256;
}

/** A target without the source ranges it was read with. */
function plainTarget(target: ReleaseTarget): ReleaseTarget {
  return { commit: target.commit, path: target.path, sha256: target.sha256 };
}
