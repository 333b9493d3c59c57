import type { ReleaseManifest } from '../releases/releaseManifest';

/** A canary to compare: which commit each arm serves and the canary's share of traffic. */
export interface CanaryExperiment {
  readonly prompt: string;
  readonly label: string;
  readonly stableCommit: string;
  readonly canaryCommit: string;
  /** Percent of units the canary should get. */
  readonly weight: number;
  /** Where the split was read: the manifest's running canary, or the audit log's last canary event once it has ended. */
  readonly source: 'manifest' | 'audit log';
  /** When the canary started (its last `canary` event), if the audit log records it. */
  readonly since: string | undefined;
}

/**
 * The canary of a prompt's label: the one the manifest runs now, else the last one its audit log
 * records (so a canary can still be judged after it was promoted or cleared); undefined when there is none.
 */
export function canaryExperimentOf(manifest: ReleaseManifest, prompt: string, label: string): CanaryExperiment | undefined {
  const entry = manifest.prompts.get(prompt);
  const running = entry?.canaries.get(label);
  const stable = entry?.labels.get(label);
  const lastEvent = [...manifest.events].reverse().find((event) => event.prompt === prompt && event.label === label && event.action === 'canary');
  if (running && stable) {
    const since = lastEvent && lastEvent.to === running.commit ? lastEvent.at : undefined;
    return { prompt, label, stableCommit: stable.commit, canaryCommit: running.commit, weight: running.weight, source: 'manifest', since };
  }
  if (lastEvent && lastEvent.from !== null && lastEvent.weight !== undefined) {
    return { prompt, label, stableCommit: lastEvent.from, canaryCommit: lastEvent.to, weight: lastEvent.weight, source: 'audit log', since: lastEvent.at };
  }
  return undefined;
}
