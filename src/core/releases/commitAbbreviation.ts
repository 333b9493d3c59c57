import type { ReleaseManifest } from './releaseManifest';

/**
 * Shortens a full commit SHA for a sentence. Callers with a repository pass git's own abbreviations
 * (7 characters, longer where 7 would be ambiguous); the core never asks git itself.
 */
export type AbbreviateCommit = (commit: string) => string;

/** The first 7 characters of a commit, for callers with no repository to ask (a bundle at run time, a hand-made manifest in a test). */
export function firstSevenOf(commit: string): string {
  return commit.slice(0, 7);
}

/** Every commit a manifest names (labels, canaries, the audit log's moves), so their abbreviations are learnt in one call. */
export function manifestCommits(manifest: ReleaseManifest): string[] {
  const commits = new Set<string>();
  for (const releases of manifest.prompts.values()) {
    for (const target of releases.labels.values()) commits.add(target.commit);
    for (const canary of releases.canaries.values()) commits.add(canary.commit);
  }
  for (const event of manifest.events) {
    commits.add(event.to);
    if (event.from !== null) commits.add(event.from);
  }
  return [...commits];
}
