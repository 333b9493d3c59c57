import type { GitInvocation } from './gitProcess';
import { runGit } from './gitProcess';

/** A Git working tree (a main checkout or a linked worktree) and the git executable to use on it. */
export interface GitRepository {
  /** The top folder of the working tree, as git prints it. */
  readonly root: string;
  readonly gitPath?: string | undefined;
}

export interface GitCallOptions {
  readonly signal?: AbortSignal | undefined;
}

/** Finds the working tree that holds `folder` (`git rev-parse --show-toplevel`); rejects with a GitError `notARepository` outside one. */
export async function openRepository(folder: string, options: GitCallOptions & { readonly gitPath?: string | undefined } = {}): Promise<GitRepository> {
  const stdout = await runGit(['rev-parse', '--show-toplevel'], { cwd: folder, gitPath: options.gitPath, signal: options.signal });
  return { root: stdout.toString('utf8').replace(/\r?\n$/, ''), gitPath: options.gitPath };
}

/** How to run git at the top of `repository`, so repository-relative paths mean what they say. */
export function invocationIn(repository: GitRepository, options: GitCallOptions = {}): GitInvocation {
  return { cwd: repository.root, gitPath: repository.gitPath, signal: options.signal };
}
