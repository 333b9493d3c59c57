import { rollbackCandidates, type LabelReleases } from '../../core/releases/flagdFlags';
import { manifestCommits, type AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import type { ServedVersion } from '../../core/releases/promotionHistory';
import type { ReleaseManifest, ReleaseTarget } from '../../core/releases/releaseManifest';
import { GitError } from '../git/gitError';
import { commitAbbreviator } from '../git/commitAbbreviations';
import type { GitCallOptions } from '../git/gitRepository';
import type { PromptFileInRepository } from '../promptFileInRepository';
import { locatePromptAt } from './releaseTarget';
import { openPromptById, PromptFileIndex, type ReleaseWorkspace } from './releaseWorkspace';

/** Every label's releases, and the earlier versions left out with the reason why. */
export interface LabelReleasesRead {
  readonly releases: LabelReleases[];
  /** One sentence per rollback target that could not be offered. */
  readonly warnings: string[];
}

/**
 * What each prompt's given labels may serve, in manifest order: the label's version, its canary and
 * up to `depth` rollback targets, each located in its commit (following renames) with the SHA-256 of
 * its bytes there. A rollback target whose bytes no longer match what the audit log recorded is left
 * out with a warning, as `rollback` would refuse it; a commit this clone lacks is a GitError, since
 * publishing without it would take a rollback target away.
 */
export async function readLabelReleases(workspace: ReleaseWorkspace, manifest: ReleaseManifest, labels: readonly string[], depth: number, options: GitCallOptions = {}): Promise<LabelReleasesRead> {
  const releases: LabelReleases[] = [];
  const warnings: string[] = [];
  const index = new PromptFileIndex(workspace);
  const short = await commitAbbreviator(workspace.repository, manifestCommits(manifest), options);
  for (const [id, prompt] of manifest.prompts) {
    let file: PromptFileInRepository | undefined;
    for (const label of labels) {
      const current = prompt.labels.get(label);
      if (!current) continue;
      const rollbackTargets: ReleaseTarget[] = [];
      for (const served of rollbackCandidates(manifest, id, label, depth)) {
        file ??= openPromptById(workspace, id, index);
        const located = file ? await locateServed(file, label, served, short, options) : { problem: `${id} ${label}: no file has the prompt any more, so ${short(served.commit)} cannot be located.` };
        if ('problem' in located) warnings.push(`${located.problem} It is left out of the rollback targets.`);
        else rollbackTargets.push(located.target);
      }
      releases.push({ id, label, current, canary: prompt.canaries.get(label), rollbackTargets });
    }
  }
  return { releases, warnings };
}

async function locateServed(file: PromptFileInRepository, label: string, served: ServedVersion, short: AbbreviateCommit, options: GitCallOptions): Promise<{ target: ReleaseTarget } | { problem: string }> {
  let target: ReleaseTarget;
  try {
    target = await locatePromptAt(file, served.commit, options);
  } catch (error) {
    if (error instanceof GitError && error.kind === 'unknownRevision') {
      throw new GitError('unknownRevision', `${file.promptId} ${label} served ${served.commit}, which this clone does not have; fetch the full history (git fetch --unshallow) before publishing.`, error.stderr);
    }
    if (error instanceof GitError && error.kind === 'pathNotInRevision') return { problem: `${file.promptId} ${label}: the prompt is not in ${short(served.commit)}.` };
    throw error;
  }
  if (served.sha256 !== undefined && target.sha256 !== served.sha256) {
    return { problem: `${file.promptId} ${label}: ${target.path} at ${short(target.commit)} has SHA-256 ${target.sha256.slice(0, 12)}…, not the ${served.sha256.slice(0, 12)}… the audit log recorded, so the history was rewritten.` };
  }
  return { target };
}
