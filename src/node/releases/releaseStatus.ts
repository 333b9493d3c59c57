import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { manifestCommits, type AbbreviateCommit } from '../../core/releases/commitAbbreviation';
import { defaultLabel, type CanaryTarget, type ReleaseTarget } from '../../core/releases/releaseManifest';
import { commitAbbreviator } from '../git/commitAbbreviations';
import { GitError } from '../git/gitError';
import { blobsAtCommit, readBlob } from '../git/gitObjects';
import type { GitCallOptions } from '../git/gitRepository';
import { readManifestFile } from './manifestFile';
import { manifestGateProblems, type ManifestGateProblem } from './manifestGate';
import { PromptFileIndex, type ReleaseWorkspace } from './releaseWorkspace';

/** What one label of a prompt serves. */
export interface LabelStatus {
  readonly label: string;
  readonly target: ReleaseTarget;
  readonly canary?: CanaryTarget;
}

/** One prompt of the manifest: its labels, and how the working tree and HEAD compare with production. */
export interface PromptReleaseStatus {
  readonly id: string;
  /** The prompt file's repository-relative path in the working tree; undefined when no file has this id. */
  readonly file: string | undefined;
  readonly labels: readonly LabelStatus[];
  /** Whether the prompt at HEAD differs from what production serves; undefined without a production label or a file. */
  readonly headDiffersFromProduction: boolean | undefined;
  /** Whether the working-tree file differs from what production serves; undefined without a production label or a file. */
  readonly workingCopyDiffersFromProduction: boolean | undefined;
}

/** The release state of a repository: every prompt of the manifest, and the manifest's problems. */
export interface ReleaseStatus {
  readonly releasesFile: string;
  readonly manifestExists: boolean;
  /** Set when nothing in the manifest can be read (a syntax error, conflict markers, an unknown version). */
  readonly unreadable: boolean;
  /** What the release gate finds: the text, the audit log and the repository (see `manifestGateProblems`). */
  readonly problems: readonly ManifestGateProblem[];
  readonly prompts: readonly PromptReleaseStatus[];
  /** Git's abbreviation of every commit the manifest names. */
  readonly short: AbbreviateCommit;
}

/** Reads the manifest, runs the release gate over it, and compares each prompt's production version with HEAD and the working tree, by SHA-256. */
export async function readReleaseStatus(workspace: ReleaseWorkspace, options: GitCallOptions = {}): Promise<ReleaseStatus> {
  const { parsed, exists } = readManifestFile(workspace.manifestFile);
  const index = new PromptFileIndex(workspace);
  const located = [...parsed.manifest.prompts].map(([id, releases]) => ({ id, releases, file: index.pathOf(id, releases) }));
  const headHashes = await hashesAtHead(workspace, located.flatMap(({ file }) => (file === undefined ? [] : [file])), options);
  const prompts = located.map(({ id, releases, file }): PromptReleaseStatus => {
    const labels = [...releases.labels].map(([label, target]): LabelStatus => {
      const canary = releases.canaries.get(label);
      return { label, target, ...(canary ? { canary } : {}) };
    });
    const production = releases.labels.get(defaultLabel);
    const comparable = production !== undefined && file !== undefined;
    const workingHash = comparable ? workingFileHash(workspace, file) : undefined;
    const headHash = comparable ? headHashes.get(file) : undefined;
    return {
      id,
      file,
      labels,
      headDiffersFromProduction: comparable ? headHash !== production.sha256 : undefined,
      workingCopyDiffersFromProduction: comparable ? workingHash !== production.sha256 : undefined,
    };
  });
  const short = await commitAbbreviator(workspace.repository, manifestCommits(parsed.manifest), options);
  const problems = await manifestGateProblems(workspace, parsed, options, short);
  return { releasesFile: workspace.releasesFile, manifestExists: exists, unreadable: parsed.fatal !== undefined, problems, prompts, short };
}

function workingFileHash(workspace: ReleaseWorkspace, file: string): string | undefined {
  try {
    return sha256(fs.readFileSync(path.join(workspace.repository.root, file)));
  } catch {
    return undefined;
  }
}

/** SHA-256 of each file at HEAD (files HEAD does not have are left out). */
async function hashesAtHead(workspace: ReleaseWorkspace, files: readonly string[], options: GitCallOptions): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  let blobs: Map<string, string>;
  try {
    blobs = await blobsAtCommit(workspace.repository, 'HEAD', [...new Set(files)], options);
  } catch (error) {
    // A repository without commits has no HEAD to compare with.
    if (error instanceof GitError && (error.kind === 'noCommits' || error.kind === 'unknownRevision')) return hashes;
    throw error;
  }
  for (const [file, blob] of blobs) hashes.set(file, sha256(await readBlob(workspace.repository, blob, options)));
  return hashes;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
