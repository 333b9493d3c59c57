import type { ManifestProblem } from './manifestParser';
import type { AbbreviateCommit } from './commitAbbreviation';
import type { ReleaseEvent, ReleaseManifest } from './releaseManifest';
import type { Range } from '../document/textDocument';

/** What the audit log says a label serves, and its canary: the result of replaying its events in order. */
interface ReplayedLabel {
  served: { readonly commit: string; readonly sha256: string; readonly event: ReleaseEvent } | undefined;
  canary: { readonly commit: string; readonly sha256: string; readonly weight: number | undefined; readonly event: ReleaseEvent } | undefined;
}

/**
 * Replays the audit log as promptops writes it: promote and rollback set the label (and end a canary
 * of that very version), canary sets the canary, canary-clear ends it.
 */
function replay(events: readonly ReleaseEvent[]): Map<string, Map<string, ReplayedLabel>> {
  const prompts = new Map<string, Map<string, ReplayedLabel>>();
  for (const event of events) {
    let labels = prompts.get(event.prompt);
    if (!labels) prompts.set(event.prompt, (labels = new Map()));
    let state = labels.get(event.label);
    if (!state) labels.set(event.label, (state = { served: undefined, canary: undefined }));
    if (event.action === 'promote' || event.action === 'rollback') {
      state.served = { commit: event.to, sha256: event.sha256, event };
      if (state.canary?.commit === event.to) state.canary = undefined;
    } else if (event.action === 'canary') {
      state.canary = { commit: event.to, sha256: event.sha256, weight: event.weight, event };
    } else {
      state.canary = undefined;
    }
  }
  return prompts;
}

function moveOf(event: ReleaseEvent): string {
  return `${event.action} of ${event.at}`;
}

/**
 * The labels and canaries of the manifest that its audit log does not explain: what replaying the
 * events gives differs from what the manifest says, which only a hand edit (or a tool that skips the
 * log) can cause. Each is an error at the label's key, so no unreviewed move reaches an application;
 * `short` abbreviates the commits the messages name.
 */
export function unexplainedReleases(manifest: ReleaseManifest, short: AbbreviateCommit): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const replayed = replay(manifest.events);
  const problem = (range: Range | undefined, message: string): void => {
    problems.push({ code: 'manifest-unexplained-label', severity: 'error', message, range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  };
  const hint = 'labels move only through promptops promote, rollback and canary, which record who and why';
  for (const [id, releases] of manifest.prompts) {
    const labels = replayed.get(id);
    for (const [label, target] of releases.labels) {
      const served = labels?.get(label)?.served;
      if (!served) problem(target.ranges?.key, `${id} ${label} serves ${short(target.commit)}, but no event in the audit log puts it there; ${hint}.`);
      else if (served.commit !== target.commit || served.sha256 !== target.sha256) {
        problem(target.ranges?.key, `${id} ${label} serves ${short(target.commit)}, but the audit log's last move of it (${moveOf(served.event)}) is to ${short(served.commit)}${served.commit === target.commit ? ' with another SHA-256' : ''}; ${hint}.`);
      }
    }
    for (const [label, canary] of releases.canaries) {
      const logged = labels?.get(label)?.canary;
      if (!logged) problem(canary.ranges?.key, `The canary of ${id} ${label} (${short(canary.commit)} at ${canary.weight}%) is not in the audit log; ${hint}.`);
      else if (logged.commit !== canary.commit || logged.sha256 !== canary.sha256 || logged.weight !== canary.weight) {
        problem(canary.ranges?.key, `The canary of ${id} ${label} serves ${short(canary.commit)} at ${canary.weight}%, but the audit log's last canary (${moveOf(logged.event)}) is ${short(logged.commit)} at ${logged.weight ?? '?'}%; ${hint}.`);
      }
    }
    for (const [label, state] of labels ?? []) {
      if (state.served && !releases.labels.has(label)) problem(releases.keyRange, `The audit log has ${id} ${label} serving ${short(state.served.commit)}, but the manifest has no such label; ${hint}.`);
      else if (state.canary && !releases.canaries.has(label)) problem(releases.keyRange, `The audit log has a canary of ${id} ${label} (${short(state.canary.commit)}), but the manifest has none; end canaries with promptops canary --clear.`);
    }
  }
  for (const [id, labels] of replayed) {
    if (manifest.prompts.has(id)) continue;
    const served = [...labels.values()].find((state) => state.served)?.served;
    if (served) problem(served.event.range, `The audit log has ${id} released, but the manifest has no entry for it; ${hint}.`);
  }
  return problems;
}
