import * as fs from 'node:fs';
import * as path from 'node:path';
import { versionTitle, type VersionSpec } from '../core/versions/versionSpec';
import { fileHistory, readFileHistoryPage } from './git/fileHistory';
import { commitAbbreviator } from './git/commitAbbreviations';
import { blobsAtCommit, readBlob, resolveCommit } from './git/gitObjects';
import { GitError } from './git/gitError';
import type { GitCallOptions } from './git/gitRepository';
import type { PromptFileInRepository } from './promptFileInRepository';
import { statIfPresent } from './presentStats';

/** A version pinned down: the working tree file, or a blob at a path in a commit (reached through a label or not). */
export type ResolvedVersion =
  | { readonly kind: 'working'; readonly path: string }
  | { readonly kind: 'commit'; readonly commit: string; readonly path: string; readonly blob: string; readonly label?: string; /** Git's abbreviation of the commit, as titles and messages print it. */ readonly short: string };

/**
 * Resolves a VERSION argument for a prompt file: `WORKING`, `latest` (newest commit touching the
 * file), a release label of the prompt (labels win over branches of the same name), else a commit-ish.
 * The path is the file's path in that commit, so versions from before a rename resolve too.
 */
export async function resolveVersion(file: PromptFileInRepository, spec: VersionSpec, options: GitCallOptions = {}): Promise<ResolvedVersion> {
  if (spec.kind === 'working') {
    if (!statIfPresent(file.workingFile)?.isFile()) throw new GitError('pathNotInRevision', `${file.path} is not a file in the working tree.`);
    return { kind: 'working', path: file.path };
  }
  if (spec.kind === 'latest') {
    const [newest] = (await readFileHistoryPage(file.repository, file.path, { limit: 1, signal: options.signal })).versions;
    if (!newest) throw new GitError('unknownRevision', `${file.path} has no committed versions yet.`);
    return { kind: 'commit', commit: newest.id, path: newest.path, blob: newest.blob, short: await abbreviationOf(file, newest.id, options) };
  }
  const target = file.labels.ok ? file.labels.labels.get(spec.name) : undefined;
  if (target) {
    const commit = await resolveCommit(file.repository, target.commit, options).catch((error: unknown) => {
      if (!(error instanceof GitError && error.kind === 'unknownRevision')) throw error;
      // In full: a prefix of a commit this repository lacks may name another of its objects.
      throw new GitError('unknownRevision', `The label ${spec.name} points at commit ${target.commit}, which this repository does not have; fetch it first.`, error.stderr);
    });
    const short = await abbreviationOf(file, commit, options);
    const found = await blobAt(file, commit, short, target.path, options);
    return { kind: 'commit', commit, path: found.path, blob: found.blob, label: spec.name, short };
  }
  const commit = await resolveCommit(file.repository, spec.name, options).catch((error: unknown) => {
    if (!(error instanceof GitError && error.kind === 'unknownRevision')) throw error;
    const manifestNote = file.labels.ok ? '' : ` (labels unavailable: ${file.labels.problem.replace(/\.$/, '')})`;
    throw new GitError('unknownRevision', `"${spec.name}" is not a release label of ${file.promptId}, a commit, a branch or a tag${manifestNote}.`, error.stderr);
  });
  const short = await abbreviationOf(file, commit, options);
  const found = await blobAt(file, commit, short, undefined, options);
  return { kind: 'commit', commit, path: found.path, blob: found.blob, short };
}

async function abbreviationOf(file: PromptFileInRepository, commit: string, options: GitCallOptions): Promise<string> {
  return (await commitAbbreviator(file.repository, [commit], options))(commit);
}

/** The file's bytes at a resolved version. */
export async function readVersionBytes(file: PromptFileInRepository, version: ResolvedVersion, options: GitCallOptions = {}): Promise<Buffer> {
  if (version.kind === 'working') return fs.promises.readFile(file.workingFile);
  return readBlob(file.repository, version.blob, options);
}

/** What a diff header or an editor tab calls a resolved version, e.g. `summarize.prompt (a1b2c3d)`. */
export function resolvedVersionTitle(version: ResolvedVersion): string {
  const name = path.posix.basename(version.path);
  return version.kind === 'working' ? versionTitle(name, {}) : versionTitle(name, { short: version.short, label: version.label });
}

/**
 * Finds the file in `commit`: at `knownPath` when the manifest says, else at its current path, else
 * at the newest of its older names (from its history) that the commit holds.
 */
async function blobAt(file: PromptFileInRepository, commit: string, short: string, knownPath: string | undefined, options: GitCallOptions): Promise<{ path: string; blob: string }> {
  const first = knownPath ?? file.path;
  const direct = (await blobsAtCommit(file.repository, commit, [first], options)).get(first);
  if (direct) return { path: first, blob: direct };
  const olderNames: string[] = [];
  for await (const version of fileHistory(file.repository, file.path, options)) {
    if (version.path !== first && !olderNames.includes(version.path)) olderNames.push(version.path);
  }
  const blobs = await blobsAtCommit(file.repository, commit, olderNames, options);
  const name = olderNames.find((candidate) => blobs.has(candidate));
  const blob = name === undefined ? undefined : blobs.get(name);
  if (name === undefined || blob === undefined) throw new GitError('pathNotInRevision', `${first} does not exist in commit ${short}.`);
  return { path: name, blob };
}
