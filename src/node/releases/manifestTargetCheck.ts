import { createHash } from 'node:crypto';
import type { Range } from '../../core/document/textDocument';
import type { AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import type { ReleaseManifest, ReleaseTarget } from '../../core/releases/releaseManifest';
import { GitError } from '../git/gitError';
import { blobsAtCommit, readBlob } from '../git/gitObjects';
import type { GitCallOptions } from '../git/gitRepository';
import { PromptFileIndex, type ReleaseWorkspace } from './releaseWorkspace';

/** A manifest entry that does not match the repository. */
export interface ManifestTargetProblem {
  readonly code: 'manifest-unknown-prompt' | 'manifest-commit-not-found' | 'manifest-path-not-in-commit' | 'manifest-sha256-mismatch';
  /** A prompt whose file is gone still serves from its commit (a warning); the others break an export (errors). */
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly range: Range | undefined;
}

/**
 * Checks every label and canary of the manifest against the repository: the prompt id names a
 * prompt file, the commit exists and holds the path, and the file's bytes there have the recorded SHA-256;
 * `short` abbreviates the commits its messages name (a missing one is named in full).
 */
export async function checkManifestTargets(workspace: ReleaseWorkspace, manifest: ReleaseManifest, short: AbbreviateCommit, options: GitCallOptions = {}): Promise<ManifestTargetProblem[]> {
  const problems: ManifestTargetProblem[] = [];
  const index = new PromptFileIndex(workspace);
  for (const [id, releases] of manifest.prompts) {
    if (index.pathOf(id, releases) === undefined) {
      problems.push({ code: 'manifest-unknown-prompt', severity: 'warning', message: `No prompt file in the working tree has the id ${id}; its labels still serve the committed versions.`, range: releases.keyRange });
    }
    const targets: [string, ReleaseTarget][] = [...releases.labels, ...[...releases.canaries].map(([label, target]): [string, ReleaseTarget] => [`${label} canary`, target])];
    for (const [label, target] of targets) {
      const problem = await checkTarget(workspace, id, label, target, short, options);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

async function checkTarget(workspace: ReleaseWorkspace, id: string, label: string, target: ReleaseTarget, short: AbbreviateCommit, options: GitCallOptions): Promise<ManifestTargetProblem | undefined> {
  let blob: string | undefined;
  try {
    blob = (await blobsAtCommit(workspace.repository, target.commit, [target.path], options)).get(target.path);
  } catch (error) {
    // A cancelled call or a missing git says nothing about the commit: only git's refusal to read it does.
    if (!(error instanceof GitError) || error.kind === 'cancelled' || error.kind === 'gitMissing') throw error;
    return {
      code: 'manifest-commit-not-found',
      severity: 'error',
      message: `${id} ${label}: commit ${target.commit} is not in this clone; fetch the full history (git fetch --unshallow), or the history was rewritten.`,
      range: target.ranges?.commit,
    };
  }
  if (blob === undefined) {
    return { code: 'manifest-path-not-in-commit', severity: 'error', message: `${id} ${label}: ${target.path} does not exist at ${short(target.commit)}.`, range: target.ranges?.path };
  }
  const sha256 = createHash('sha256').update(await readBlob(workspace.repository, blob, options)).digest('hex');
  if (sha256 === target.sha256) return undefined;
  return {
    code: 'manifest-sha256-mismatch',
    severity: 'error',
    message: `${id} ${label}: ${target.path} at ${short(target.commit)} has SHA-256 ${sha256.slice(0, 12)}…, but ${workspace.releasesFile} records ${target.sha256.slice(0, 12)}…, so it is not the version that was reviewed.`,
    range: target.ranges?.sha256,
  };
}
