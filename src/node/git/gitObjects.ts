import { GitError } from './gitError';
import { runGit } from './gitProcess';
import { invocationIn, type GitCallOptions, type GitRepository } from './gitRepository';

/** Resolves a commit-ish (sha, short sha, branch, tag, `HEAD~2`) to the full commit SHA; rejects with `unknownRevision`. */
export async function resolveCommit(repository: GitRepository, commitish: string, options: GitCallOptions = {}): Promise<string> {
  try {
    // --end-of-options so a name starting with "-" is never read as an option.
    const stdout = await runGit(['rev-parse', '--verify', '--end-of-options', `${commitish}^{commit}`], invocationIn(repository, options));
    return stdout.toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitError && error.kind === 'unknownRevision') {
      throw new GitError('unknownRevision', `"${commitish}" is not a commit, branch or tag in this repository.`, error.stderr);
    }
    throw error;
  }
}

/** The bytes of the file at repository-relative `path` in `commit`; rejects with `pathNotInRevision` when it is not there. */
export async function readFileAtCommit(repository: GitRepository, commit: string, path: string, options: GitCallOptions = {}): Promise<Buffer> {
  try {
    return await runGit(['cat-file', 'blob', `${commit}:${path}`], invocationIn(repository, options));
  } catch (error) {
    if (error instanceof GitError && error.kind === 'pathNotInRevision') {
      // In full: the caller's commit may be one this clone lacks, whose prefix could name another object.
      throw new GitError('pathNotInRevision', `${path} does not exist in commit ${commit}.`, error.stderr);
    }
    throw error;
  }
}

/** The blob ids of those of `paths` that exist in `commit`, by path, in one `git ls-tree`. */
export async function blobsAtCommit(repository: GitRepository, commit: string, paths: readonly string[], options: GitCallOptions = {}): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  if (paths.length === 0) return blobs;
  const stdout = await runGit(['ls-tree', '-z', '--full-tree', '--end-of-options', commit, '--', ...paths], invocationIn(repository, options));
  for (const entry of stdout.toString('utf8').split('\0')) {
    // `<mode> SP <type> SP <oid> TAB <path>`
    const match = /^\d+ blob ([0-9a-f]+)\t([^]*)$/.exec(entry);
    if (match?.[1] && match[2] !== undefined) blobs.set(match[2], match[1]);
  }
  return blobs;
}

/** The bytes of a blob given by its object id. */
export async function readBlob(repository: GitRepository, blob: string, options: GitCallOptions = {}): Promise<Buffer> {
  return runGit(['cat-file', 'blob', blob], invocationIn(repository, options));
}
