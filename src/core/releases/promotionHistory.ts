import type { AbbreviateCommit } from './commitAbbreviation';
import { labelNameProblem } from './labelName';
import type { ReleaseManifest, ReleaseTarget } from './releaseManifest';

/** A version a label served, with the hash recorded when it was set. */
export interface ServedVersion {
  readonly commit: string;
  /** Undefined for a version the log names only as the `from` of its first move (served before the log began). */
  readonly sha256: string | undefined;
}

/**
 * The versions a label of a prompt has served, oldest first, ending with the one it serves now:
 * each promote adds one, each rollback goes back to the last place its version holds. A label
 * edited by hand (not matching the events) counts as one more promote of what it now serves, and
 * the `from` of a label's first promote counts as served before it.
 */
export function promotionHistory(manifest: ReleaseManifest, prompt: string, label: string): ServedVersion[] {
  const trail: ServedVersion[] = [];
  for (const event of manifest.events) {
    if (event.prompt !== prompt || event.label !== label) continue;
    if (event.action === 'promote') {
      // The label served `from` before the log began (a hand-written manifest, an older tool).
      if (trail.length === 0 && event.from !== null) trail.push({ commit: event.from, sha256: undefined });
      trail.push({ commit: event.to, sha256: event.sha256 });
    } else if (event.action === 'rollback') {
      const at = trail.map((served) => served.commit).lastIndexOf(event.to);
      if (at >= 0) trail.length = at + 1;
      else trail.push({ commit: event.to, sha256: event.sha256 });
    }
  }
  const current = manifest.prompts.get(prompt)?.labels.get(label);
  if (current && trail.at(-1)?.commit !== current.commit) trail.push({ commit: current.commit, sha256: current.sha256 });
  return trail;
}

/** Where a rollback goes: the label's current target and the earlier version it returns to. */
export type RollbackChoice =
  | { readonly kind: 'target'; readonly current: ReleaseTarget; readonly target: ServedVersion }
  | { readonly kind: 'unchanged'; readonly message: string }
  | { readonly kind: 'refused'; readonly reason: string };

/**
 * Chooses the version a rollback returns a label to (DESIGN §4): one step back in the label's own
 * promotion history, or `to` (a full commit SHA) when the label served it before; `short` abbreviates
 * the commits its sentences name.
 */
export function chooseRollbackTarget(manifest: ReleaseManifest, request: { readonly prompt: string; readonly label: string; readonly to?: string | undefined; readonly short: AbbreviateCommit }): RollbackChoice {
  const { prompt, label, to, short } = request;
  const nameProblem = labelNameProblem(label);
  if (nameProblem) return { kind: 'refused', reason: nameProblem };
  const current = manifest.prompts.get(prompt)?.labels.get(label);
  if (!current) return { kind: 'refused', reason: `${prompt} has no label ${label}, so there is nothing to roll back.` };
  const trail = promotionHistory(manifest, prompt, label);
  const earlier = trail.slice(0, -1);
  if (to === undefined) {
    const previous = earlier.at(-1);
    if (!previous) return { kind: 'refused', reason: `${prompt} ${label} has no earlier version to roll back to: ${short(current.commit)} is the first version it served.` };
    return { kind: 'target', current, target: previous };
  }
  if (to === current.commit) return { kind: 'unchanged', message: `${prompt} ${label} is already at ${short(to)}.` };
  // An earlier rollback may have dropped the version from the history; it still served the label once.
  const servedEvent = [...manifest.events]
    .reverse()
    .find((event) => event.prompt === prompt && event.label === label && (event.action === 'promote' || event.action === 'rollback') && event.to === to);
  const found = [...earlier].reverse().find((served) => served.commit === to) ?? (servedEvent ? { commit: to, sha256: servedEvent.sha256 } : undefined);
  if (!found) return { kind: 'refused', reason: `${short(to)} never served ${prompt} ${label}, so a rollback cannot return to it; promote it instead.` };
  return { kind: 'target', current, target: found };
}
