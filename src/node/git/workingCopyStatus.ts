import { runGit } from './gitProcess';
import { invocationIn, type GitCallOptions, type GitRepository } from './gitRepository';

/** Whether the working copy of repository-relative `path` differs from HEAD: edited, staged, deleted or untracked. */
export async function workingCopyDiffersFromHead(repository: GitRepository, path: string, options: GitCallOptions = {}): Promise<boolean> {
  const stdout = await runGit(
    ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=no', '--no-renames', '--', path],
    invocationIn(repository, options),
  );
  return stdout.length > 0;
}
