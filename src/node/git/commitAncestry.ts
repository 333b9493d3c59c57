import { GitError } from './gitError';
import { runGit } from './gitProcess';
import { invocationIn, type GitCallOptions, type GitRepository } from './gitRepository';

/** Whether `ancestor` is an ancestor of (or the same as) `descendant`; undefined when the repository lacks either commit. */
export async function isAncestorCommit(repository: GitRepository, ancestor: string, descendant: string, options: GitCallOptions = {}): Promise<boolean | undefined> {
  try {
    const base = await runGit(['merge-base', '--end-of-options', ancestor, descendant], invocationIn(repository, options), { acceptExitCodes: [0, 1] });
    return base.toString('utf8').trim() === ancestor;
  } catch (error) {
    if (error instanceof GitError) return undefined;
    throw error;
  }
}
